package io.authcore.cdi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the sequence's steps for one CDI version against a server, in order: fills in the variables
 * earlier steps captured, sends each request and keeps what came back. The same code records the
 * original and replays against Authcore, so both see the same requests.
 */
final class SequenceRunner {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** One answer: what the step sent after substitution, and what came back. */
  record Exchange(
      Sequence.Step step,
      String path,
      int status,
      String contentType,
      String body,
      List<String> unresolved) {

    /** The body as JSON when the server said it is JSON, else null. */
    JsonNode json() {
      if (contentType == null || !contentType.startsWith("application/json")) {
        return null;
      }
      try {
        return Kit.MAPPER.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** One version's run: the answers in step order and the variables captured on the way. */
  record Run(String version, List<Exchange> exchanges, Map<String, JsonNode> variables) {}

  private final String baseUrl;
  private final Map<String, String> builtIns;

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:3610}
   * @param builtIns variables the sequence may use without capturing them (such as {@code pid})
   */
  SequenceRunner(String baseUrl, Map<String, String> builtIns) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.builtIns = Map.copyOf(builtIns);
  }

  Run run(Sequence sequence, String version) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    builtIns.forEach((k, v) -> variables.put(k, TextNode.valueOf(v)));
    variables.put("cdi", TextNode.valueOf(version));
    List<Exchange> exchanges = new ArrayList<>();
    Passkeys passkeys = new Passkeys();
    long lastStart = 0;
    for (Sequence.Step step : sequence.stepsFor(version)) {
      // Each step starts in a later millisecond than the one before, so two users made by
      // different steps never join in the same millisecond: lists ordered by time joined would
      // otherwise break the tie by their random ids, differently on each run.
      while (System.currentTimeMillis() <= lastStart) {
        Thread.onSpinWait();
      }
      lastStart = System.currentTimeMillis();
      Exchange exchange = send(step, variables, passkeys, version);
      exchanges.add(exchange);
      capture(step, exchange, variables);
    }
    return new Run(version, List.copyOf(exchanges), variables);
  }

  private Exchange send(
      Sequence.Step step, Map<String, JsonNode> variables, Passkeys passkeys, String version) {
    List<String> unresolved = new ArrayList<>();
    String path = fill(step.path(), variables, unresolved, SequenceRunner::urlEncoded);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("cdi-version", version);
    String body = null;
    if (step.body() != null) {
      body = fill(step.body(), variables, passkeys, unresolved).toString();
    } else if (step.rawBody() != null) {
      body = fill(step.rawBody(), variables, unresolved, Function.identity());
    }
    if (body != null) {
      headers.put("content-type", "application/json");
    }
    headers.putAll(step.headers());
    headers.forEach(
        (name, value) -> {
          if (value != null) {
            request.header(name, fill(value, variables, unresolved, Function.identity()));
          }
        });
    request.method(
        step.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Exchange(
          step,
          path,
          response.statusCode(),
          response.headers().firstValue("content-type").orElse(null),
          response.body(),
          List.copyOf(unresolved));
    } catch (IOException e) {
      throw new UncheckedIOException(step.id() + ": " + step.method() + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void capture(
      Sequence.Step step, Exchange exchange, Map<String, JsonNode> variables) {
    JsonNode json = exchange.json();
    step.capture()
        .forEach(
            (name, pointer) -> {
              JsonNode value = json == null ? null : json.at(pointer);
              if (value != null && !value.isMissingNode() && !value.isNull()) {
                variables.put(name, value);
              }
            });
  }

  /**
   * A copy of a body template with its variables filled in; "${x}" alone takes x's JSON, and a
   * {@code {"$webauthn": ...}} value the credential {@link Passkeys} builds for it.
   */
  private static JsonNode fill(
      JsonNode template,
      Map<String, JsonNode> variables,
      Passkeys passkeys,
      List<String> unresolved) {
    if (template.isTextual()) {
      Matcher whole = VARIABLE.matcher(template.asText());
      if (whole.matches() && variables.containsKey(whole.group(1))) {
        return variables.get(whole.group(1)).deepCopy();
      }
      return TextNode.valueOf(fill(template.asText(), variables, unresolved, Function.identity()));
    }
    if (template.isObject()) {
      ObjectNode copy = Kit.MAPPER.createObjectNode();
      template
          .fields()
          .forEachRemaining(
              e -> copy.set(e.getKey(), fill(e.getValue(), variables, passkeys, unresolved)));
      return Passkeys.isRequest(copy) ? passkeys.credential(copy) : copy;
    }
    if (template.isArray()) {
      ArrayNode copy = Kit.MAPPER.createArrayNode();
      template.forEach(e -> copy.add(fill(e, variables, passkeys, unresolved)));
      return copy;
    }
    return template;
  }

  private static String fill(
      String template,
      Map<String, JsonNode> variables,
      List<String> unresolved,
      Function<String, String> encode) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = variables.get(m.group(1));
      String text;
      if (value == null) {
        unresolved.add(m.group(1));
        text = encode.apply(m.group());
      } else {
        text = encode.apply(value.isTextual() ? value.asText() : value.toString());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String urlEncoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
