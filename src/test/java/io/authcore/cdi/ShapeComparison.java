package io.authcore.cdi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Compares Authcore's answer to a step with the original's "by shape": status and content type
 * exactly, text bodies exactly, JSON bodies structurally (the same keys in the same order, the same
 * array lengths, the same literal values). The only values not compared literally are
 *
 * <ul>
 *   <li>values a step captured (an id, a token): Authcore must answer its own captured value where
 *       the original answered the original's, also where a text embeds it, and its base64url where
 *       the original answered the base64url of its own;
 *   <li>values of a volatile {@link ValueKind} (UUIDs, epoch times, refresh tokens, key ids, hex
 *       hashes): the same kind;
 *   <li>JWTs: decoded, their header and claims compared by these same rules, key order included;
 *   <li>strings under a field the sequence lists in {@code volatileFields} (random tokens, keys):
 *       both non-empty strings;
 *   <li>the JSON pointers a step lists in {@code volatile} ({@code *} matches any array index or
 *       key): the same JSON type.
 * </ul>
 *
 * <p>Arrays at the pointers a step lists in {@code unordered} (lists the original reads without an
 * ORDER BY) are compared after sorting both sides, captured ids read as their names.
 */
final class ShapeComparison {

  /**
   * One place where the answers differ: {@code where} is "status", "content type", "body" or a JSON
   * pointer, {@code what} the difference in one line, {@code detail} the values behind it.
   */
  record Difference(String where, String what, String detail) {
    private static final Pattern UUID =
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern EPOCH = Pattern.compile("(?<![0-9])[0-9]{10,13}(?![0-9])");

    static Difference of(String where, String expected, String actual) {
      return new Difference(where, "expected " + expected + ", got " + actual, "");
    }

    /** The one line of the known-differences list: no values that change from run to run. */
    String gist() {
      String line = UUID.matcher(where + ": " + what).replaceAll("<uuid>");
      line = EPOCH.matcher(line).replaceAll("<time>");
      return line.length() <= 240 ? line : line.substring(0, 230) + "…";
    }

    @Override
    public String toString() {
      return where + ": " + what + (detail.isEmpty() ? "" : "\n         " + detail);
    }
  }

  private final Set<String> volatileFields;
  private final List<String> volatilePointers;
  private final List<String> unorderedPointers;
  private final Variables expectedVariables;
  private final Variables actualVariables;
  private final List<Difference> differences = new ArrayList<>();

  private ShapeComparison(
      Set<String> volatileFields,
      List<String> volatilePointers,
      List<String> unorderedPointers,
      Variables expected,
      Variables actual) {
    this.volatileFields = volatileFields;
    this.volatilePointers = volatilePointers;
    this.unorderedPointers = unorderedPointers;
    this.expectedVariables = expected;
    this.actualVariables = actual;
  }

  /**
   * Captured variables, with the values a text may embed told apart once: a version's replay
   * compares every step against the same two sets, and telling a value's kind takes regexes.
   */
  record Variables(Map<String, JsonNode> values, List<Map.Entry<String, String>> embeddable) {
    static Variables of(Map<String, JsonNode> values) {
      return new Variables(values, ShapeComparison.embeddable(values));
    }
  }

  static List<Difference> compare(
      Sequence sequence,
      Sequence.Step step,
      Answer expected,
      Map<String, JsonNode> expectedVariables,
      Answer actual,
      Map<String, JsonNode> actualVariables) {
    return compare(
        sequence,
        step,
        expected,
        Variables.of(expectedVariables),
        actual,
        Variables.of(actualVariables));
  }

  static List<Difference> compare(
      Sequence sequence,
      Sequence.Step step,
      Answer expected,
      Variables expectedVariables,
      Answer actual,
      Variables actualVariables) {
    ShapeComparison c =
        new ShapeComparison(
            sequence.volatileFields(),
            step.volatilePointers(),
            step.unorderedPointers(),
            expectedVariables,
            actualVariables);
    c.answers(expected, actual);
    return List.copyOf(c.differences);
  }

  private void answers(Answer expected, Answer actual) {
    if (expected.status() != actual.status()) {
      differ("status", String.valueOf(expected.status()), String.valueOf(actual.status()));
    }
    if (!Objects.equals(expected.contentType(), actual.contentType())) {
      differ("content type", quoted(expected.contentType()), quoted(actual.contentType()));
    }
    if (expected.json() == null) {
      if (!expected.text().equals(actual.text())) {
        differ("body", quoted(expected.text()), quoted(actual.text()));
      }
      return;
    }
    if (actual.json() == null) {
      differences.add(
          new Difference(
              "body",
              "expected JSON, got " + quoted(actual.text()),
              "expected " + shorten(expected.json().toString())));
      return;
    }
    if (expected.newline() != actual.newline()) {
      differ(
          "body end",
          expected.newline() ? "a newline" : "no newline",
          actual.newline() ? "a newline" : "no newline");
    }
    node("", null, expected.json(), actual.json());
  }

  private void node(String pointer, String field, JsonNode e, JsonNode a) {
    if (matchesAny(volatilePointers, pointer)) {
      if (e.getNodeType() != a.getNodeType()) {
        differ(where(pointer), "a " + type(e), describe(a));
      }
      return;
    }
    if (e.isObject()) {
      object(pointer, e, a);
    } else if (e.isArray()) {
      array(pointer, e, a);
    } else if (e.isTextual()) {
      text(pointer, field, e.asText(), a);
    } else if (e.isNumber()) {
      number(pointer, e, a);
    } else if (!e.equals(a)) {
      differ(where(pointer), describe(e), describe(a));
    }
  }

  private void object(String pointer, JsonNode e, JsonNode a) {
    if (!a.isObject()) {
      differ(where(pointer), "an object " + shorten(e.toString()), describe(a));
      return;
    }
    List<String> expectedKeys = keys(e);
    List<String> actualKeys = keys(a);
    if (!expectedKeys.equals(actualKeys)) {
      differences.add(
          new Difference(
              where(pointer) + " keys",
              keyDifference(expectedKeys, actualKeys),
              "expected " + expectedKeys + ", got " + actualKeys));
    }
    for (String key : expectedKeys) {
      if (a.has(key)) {
        node(pointer + "/" + escape(key), key, e.get(key), a.get(key));
      }
    }
  }

  private void array(String pointer, JsonNode e, JsonNode a) {
    if (!a.isArray()) {
      differ(where(pointer), "an array " + shorten(e.toString()), describe(a));
      return;
    }
    if (e.size() != a.size()) {
      differences.add(
          new Difference(
              where(pointer),
              "expected " + e.size() + " elements, got " + a.size(),
              "expected " + shorten(e.toString()) + ", got " + shorten(a.toString())));
      return;
    }
    boolean unordered = matchesAny(unorderedPointers, pointer);
    List<JsonNode> expected = elements(e, unordered, expectedVariables.embeddable());
    List<JsonNode> actual = elements(a, unordered, actualVariables.embeddable());
    for (int i = 0; i < expected.size(); i++) {
      node(pointer + "/" + i, null, expected.get(i), actual.get(i));
    }
  }

  private void text(String pointer, String field, String e, JsonNode a) {
    List<String> names = variablesHolding(e, Function.identity());
    List<String> encoded =
        e.isEmpty() ? List.of() : variablesHolding(e, ShapeComparison::base64url);
    if (!names.isEmpty() || !encoded.isEmpty()) {
      if (!names.isEmpty() && !holdsActual(names, a, Function.identity())) {
        differ(where(pointer), "the value of " + listed(names), describe(a));
      } else if (!encoded.isEmpty() && !holdsActual(encoded, a, ShapeComparison::base64url)) {
        differ(where(pointer), "base64url of " + listed(encoded), describe(a));
      } else {
        // The same token as captured; what it carries still has to have the original's shape.
        ValueKind.jwt(e).ifPresent(jwt -> jwt(pointer, jwt, a));
      }
      return;
    }
    Optional<ValueKind.Jwt> jwt = ValueKind.jwt(e);
    if (jwt.isPresent()) {
      jwt(pointer, jwt.get(), a);
      return;
    }
    Optional<String> kind = ValueKind.ofString(e);
    if (kind.isPresent()) {
      Optional<String> actualKind =
          a.isTextual() ? ValueKind.ofString(a.asText()) : Optional.empty();
      if (!kind.equals(actualKind)) {
        differ(where(pointer), "a " + kind.get(), describe(a));
      }
      return;
    }
    if (field != null && volatileFields.contains(field)) {
      if (!a.isTextual() || a.asText().isEmpty() != e.isEmpty()) {
        differ(where(pointer), e.isEmpty() ? "\"\"" : "a non-empty string", describe(a));
      }
      return;
    }
    if (!a.isTextual()
        || !named(a.asText(), actualVariables.embeddable())
            .equals(named(e, expectedVariables.embeddable()))) {
      differ(where(pointer), quoted(e), describe(a));
    }
  }

  /**
   * The text with each captured id it embeds (a message naming a user, say) written as {@code
   * ${name}}, so that a message naming Authcore's user reads like the original's naming its own.
   */
  private static String named(String text, List<Map.Entry<String, String>> embeddable) {
    String out = text;
    for (Map.Entry<String, String> v : embeddable) {
      if (out.contains(v.getValue())) {
        out = out.replace(v.getValue(), "${" + v.getKey() + "}");
      }
    }
    return out;
  }

  /** The captured values a text may embed (those of a volatile kind), by name, in capture order. */
  private static List<Map.Entry<String, String>> embeddable(Map<String, JsonNode> variables) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    variables.forEach(
        (name, value) -> {
          if (value != null
              && value.isTextual()
              && ValueKind.ofString(value.asText()).isPresent()) {
            out.add(Map.entry(name, value.asText()));
          }
        });
    return out;
  }

  private void jwt(String pointer, ValueKind.Jwt e, JsonNode a) {
    Optional<ValueKind.Jwt> actual = a.isTextual() ? ValueKind.jwt(a.asText()) : Optional.empty();
    if (actual.isEmpty()) {
      differ(where(pointer), "a JWT", describe(a));
      return;
    }
    if (!e.encoding().equals(actual.get().encoding())) {
      differ(where(pointer) + " (JWT encoding)", e.encoding(), actual.get().encoding());
    }
    node(pointer + "{jwt header}", null, e.header(), actual.get().header());
    node(pointer + "{jwt payload}", null, e.payload(), actual.get().payload());
  }

  private void number(String pointer, JsonNode e, JsonNode a) {
    Optional<String> kind = ValueKind.ofNumber(e);
    if (kind.isPresent()) {
      if (!a.isNumber() || !kind.equals(ValueKind.ofNumber(a))) {
        differ(where(pointer), "an " + kind.get() + " number", describe(a));
      }
      return;
    }
    boolean same =
        a.isNumber()
            && e.isIntegralNumber() == a.isIntegralNumber()
            && e.decimalValue().compareTo(a.decimalValue()) == 0;
    if (!same) {
      differ(where(pointer), e.toString(), describe(a));
    }
  }

  /**
   * The captured variables whose value, written in the given form, is this text: as is, or in
   * base64url (WebAuthn register options carry the user's id, or their own id, so as {@code
   * user.id}).
   */
  private List<String> variablesHolding(String value, Function<String, String> form) {
    List<String> names = new ArrayList<>();
    expectedVariables
        .values()
        .forEach(
            (name, v) -> {
              if (v.isTextual() && form.apply(v.asText()).equals(value)) {
                names.add(name);
              }
            });
    return names;
  }

  /** Whether Authcore answered, in that form, what its own run captured under one of the names. */
  private boolean holdsActual(List<String> names, JsonNode a, Function<String, String> form) {
    return a.isTextual()
        && names.stream()
            .map(actualVariables.values()::get)
            .anyMatch(v -> v != null && v.isTextual() && form.apply(v.asText()).equals(a.asText()));
  }

  private static String listed(List<String> names) {
    return "${" + String.join("} or ${", names) + "}";
  }

  private static String base64url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean matchesAny(List<String> pointers, String pointer) {
    for (String p : pointers) {
      String[] want = p.split("/", -1);
      String[] have = pointer.split("/", -1);
      if (want.length != have.length) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < want.length && all; i++) {
        all = want[i].equals("*") || want[i].equals(have[i]);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private void differ(String where, String expected, String actual) {
    differences.add(Difference.of(where, expected, actual));
  }

  /** "missing [a]; unexpected [b]", then the order of the common keys if that differs too. */
  private static String keyDifference(List<String> expected, List<String> actual) {
    List<String> missing = expected.stream().filter(k -> !actual.contains(k)).toList();
    List<String> extra = actual.stream().filter(k -> !expected.contains(k)).toList();
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing " + missing);
    }
    if (!extra.isEmpty()) {
      parts.add("unexpected " + extra);
    }
    List<String> common = expected.stream().filter(actual::contains).toList();
    List<String> commonActual = actual.stream().filter(expected::contains).toList();
    if (!common.equals(commonActual)) {
      parts.add("order: expected " + common + ", got " + commonActual);
    }
    return String.join("; ", parts);
  }

  /**
   * The elements, sorted when the array is unordered: by their text with each captured id written
   * as its name, so that the element holding the session id captured as {@code s1} pairs with the
   * one holding Authcore's {@code s1}, whatever random ids each side drew.
   */
  private static List<JsonNode> elements(
      JsonNode array, boolean sorted, List<Map.Entry<String, String>> embeddable) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    if (sorted) {
      out.sort(Comparator.comparing(element -> named(element.toString(), embeddable)));
    }
    return out;
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  private static String where(String pointer) {
    return pointer.isEmpty() ? "body" : pointer;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String type(JsonNode node) {
    return node.getNodeType().name().toLowerCase();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return type(node) + " " + shorten(node.toString());
  }

  private static String quoted(String text) {
    return text == null ? "none" : shorten(Kit.MAPPER.valueToTree(text).toString());
  }

  static String shorten(String text) {
    return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + " chars)";
  }
}
