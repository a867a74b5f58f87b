package io.authcore.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the kit's comparison lets through and what it reports: narrow on purpose. */
class ShapeComparisonTest {
  private static final String JSON = "application/json;charset=UTF-8";
  private static final String UUID_A = "4503c1be-66b4-4482-8d56-49cac0ac60da";
  private static final String UUID_B = "fe659688-21e6-4258-9b01-6c69afd92429";

  @Test
  void sameShapeWithOtherIdsTimesAndTokensIsEqual() {
    assertEquals(
        List.of(),
        differences(
            "{\"status\":\"OK\",\"id\":\"" + UUID_A + "\",\"t\":1796626777182,\"token\":\"abc\"}",
            "{\"status\":\"OK\",\"id\":\"" + UUID_B + "\",\"t\":1796626999999,\"token\":\"xyz\"}"));
  }

  @Test
  void keyOrderMissingAndExtraKeysAreReported() {
    assertEquals(
        List.of("body keys: missing [c]; unexpected [d]; order: expected [a, b], got [b, a]"),
        differences("{\"a\":1,\"b\":2,\"c\":3}", "{\"b\":2,\"a\":1,\"d\":4}"));
  }

  @Test
  void literalsCountsAndNumberFormsAreCompared() {
    assertEquals(
        List.of(
            "/count: expected 2, got number 3",
            "/x: expected \"a\", got string \"b\"",
            "/f: expected -1.0, got number -1"),
        differences("{\"count\":2,\"x\":\"a\",\"f\":-1.0}", "{\"count\":3,\"x\":\"b\",\"f\":-1}"));
  }

  @Test
  void aVolatileKindMustKeepItsKind() {
    assertEquals(
        List.of(
            "/id: expected a uuid, got string \"u1\"",
            "/t: expected an epoch ms number, got number 3"),
        differences("{\"id\":\"" + UUID_A + "\",\"t\":1796626777182}", "{\"id\":\"u1\",\"t\":3}"));
  }

  @Test
  void aCapturedValueMustBeTheOneThisRunCaptured() {
    Map<String, JsonNode> expectedVars = Map.of("userId", TextNode.valueOf(UUID_A));
    Map<String, JsonNode> actualVars = Map.of("userId", TextNode.valueOf(UUID_B));
    String other = "0dcd7cc5-d71b-4ecb-bc32-0837234c3697";
    assertEquals(
        List.of("/id: expected the value of ${userId}, got string \"" + other + "\""),
        compare(
            step(List.of(), List.of()),
            "{\"id\":\"" + UUID_A + "\"}",
            expectedVars,
            "{\"id\":\"" + other + "\"}",
            actualVars));
  }

  @Test
  void aCapturedValueInsideATextMustBeTheOneThisRunCaptured() {
    Map<String, JsonNode> expectedVars = Map.of("userId", TextNode.valueOf(UUID_A));
    Map<String, JsonNode> actualVars = Map.of("userId", TextNode.valueOf(UUID_B));
    String other = "0dcd7cc5-d71b-4ecb-bc32-0837234c3697";
    String says = "{\"reason\":\"held by: ";
    assertEquals(
        List.of(),
        compare(
            step(List.of(), List.of()),
            says + UUID_A + "\"}",
            expectedVars,
            says + UUID_B + "\"}",
            actualVars));
    assertEquals(
        List.of(
            "/reason: expected \"held by: " + UUID_A + "\", got string \"held by: " + other + "\""),
        compare(
            step(List.of(), List.of()),
            says + UUID_A + "\"}",
            expectedVars,
            says + other + "\"}",
            actualVars));
  }

  @Test
  void theBase64urlOfACapturedValueMustBeThatOfThisRunsValue() {
    Map<String, JsonNode> expectedVars = Map.of("optionsId", TextNode.valueOf(UUID_A));
    Map<String, JsonNode> actualVars = Map.of("optionsId", TextNode.valueOf(UUID_B));
    String expected = "{\"user\":{\"id\":\"" + base64url(UUID_A) + "\"}}";
    assertEquals(
        List.of(),
        compare(
            step(List.of(), List.of()),
            expected,
            expectedVars,
            "{\"user\":{\"id\":\"" + base64url(UUID_B) + "\"}}",
            actualVars));
    assertEquals(
        List.of(
            "/user/id: expected base64url of ${optionsId}, got string \""
                + base64url(UUID_A)
                + "\""),
        compare(
            step(List.of(), List.of()),
            expected,
            expectedVars,
            "{\"user\":{\"id\":\"" + base64url(UUID_A) + "\"}}",
            actualVars));
  }

  @Test
  void jwtsAreComparedByHeaderAndClaimsInOrder() {
    String expected =
        jwt(
            "{\"kid\":\"d-1796626772959\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"RS256\"}",
            "{\"iat\":1796626776,\"exp\":1796630376,\"sub\":\""
                + UUID_A
                + "\",\"tId\":\"public\"}");
    String actual =
        jwt(
            "{\"kid\":\"d-1796626000000\",\"typ\":\"JWT\",\"version\":\"4\",\"alg\":\"RS256\"}",
            "{\"exp\":1796630376,\"iat\":1796626776,\"sub\":\""
                + UUID_B
                + "\",\"tId\":\"public\"}");
    assertEquals(
        List.of(
            "/t{jwt header}/version: expected \"5\", got string \"4\"",
            "/t{jwt payload} keys: order: expected [iat, exp, sub, tId], got [exp, iat, sub, tId]"),
        differences("{\"t\":\"" + expected + "\"}", "{\"t\":\"" + actual + "\"}"));
  }

  @Test
  void volatileAndUnorderedPointersAreTheOnlyOtherExceptions() {
    Sequence.Step step = step(List.of("/stats/*"), List.of("/roles"));
    assertEquals(
        List.of(
            "/other/0: expected \"a\", got string \"b\"",
            "/other/1: expected \"b\", got string \"a\""),
        compare(
            step,
            "{\"stats\":[1,2],\"roles\":[\"a\",\"b\"],\"other\":[\"a\",\"b\"]}",
            Map.of(),
            "{\"stats\":[7,8],\"roles\":[\"b\",\"a\"],\"other\":[\"b\",\"a\"]}",
            Map.of()));
  }

  @Test
  void unorderedElementsHoldingCapturedIdsPairByTheirNames() {
    // s1 sorts first on the original's side, s2 on Authcore's: still s1 is compared with s1.
    Sequence.Step step = step(List.of(), List.of("/sessions"));
    String first = "11111111-66b4-4482-8d56-49cac0ac60da";
    String last = "ffffffff-66b4-4482-8d56-49cac0ac60da";
    assertEquals(
        List.of(),
        compare(
            step,
            "{\"sessions\":[{\"id\":\"" + first + "\",\"n\":1},{\"id\":\"" + last + "\",\"n\":2}]}",
            Map.of("s1", TextNode.valueOf(first), "s2", TextNode.valueOf(last)),
            "{\"sessions\":[{\"id\":\"" + first + "\",\"n\":2},{\"id\":\"" + last + "\",\"n\":1}]}",
            Map.of("s1", TextNode.valueOf(last), "s2", TextNode.valueOf(first))));
  }

  @Test
  void textBodiesStatusAndContentTypeAreExact() {
    Answer expected =
        new Answer("s", null, "/", 404, "text/html;charset=UTF-8", null, false, "Not found\n");
    Answer actual =
        new Answer("s", null, "/", 400, "text/html; charset=UTF-8", null, false, "Not found");
    assertEquals(
        List.of(
            "status: expected 404, got 400",
            "content type: expected \"text/html;charset=UTF-8\", got \"text/html; charset=UTF-8\"",
            "body: expected \"Not found\\n\", got \"Not found\""),
        ShapeComparison.compare(
                sequence(), step(List.of(), List.of()), expected, Map.of(), actual, Map.of())
            .stream()
            .map(ShapeComparison.Difference::toString)
            .toList());
  }

  private static List<String> differences(String expected, String actual) {
    return compare(step(List.of(), List.of()), expected, Map.of(), actual, Map.of());
  }

  private static List<String> compare(
      Sequence.Step step,
      String expected,
      Map<String, JsonNode> expectedVars,
      String actual,
      Map<String, JsonNode> actualVars) {
    return ShapeComparison.compare(
            sequence(), step, answer(expected), expectedVars, answer(actual), actualVars)
        .stream()
        .map(d -> d.where() + ": " + d.what())
        .toList();
  }

  private static Answer answer(String json) {
    try {
      return new Answer("s", null, "/", 200, JSON, Kit.MAPPER.readTree(json), true, json + "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Sequence sequence() {
    return new Sequence(List.of("5.4"), Set.of("token"), List.of());
  }

  private static Sequence.Step step(List<String> volatilePointers, List<String> unordered) {
    return new Sequence.Step(
        "s", "", "GET", "/", Map.of(), null, null, Map.of(), volatilePointers, unordered, null);
  }

  private static String base64url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String jwt(String header, String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }
}
