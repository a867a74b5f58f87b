package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class JsonLayoutTest {
  final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
  final JsonLayout layout = new JsonLayout();

  JsonNode layOut(LoggingEvent event) throws Exception {
    String line = layout.doLayout(event);
    assertTrue(line.endsWith(System.lineSeparator()));
    assertEquals(1, line.strip().lines().count(), "one line: " + line);
    return new ObjectMapper().readTree(line);
  }

  LoggingEvent event(String message, Throwable thrown, Object... args) {
    return new LoggingEvent(
        "io.authcore.Test",
        context.getLogger("io.authcore.Test"),
        Level.ERROR,
        message,
        thrown,
        args);
  }

  @Test
  void theOriginalsFieldsWithTheTenantGroupedAndTheKeyValuesTyped() throws Exception {
    LoggingEvent event = event("hello {}", null, "there");
    event.setMDCPropertyMap(
        Map.of(
            "requestId",
            "r1",
            "route",
            "/recipe/signin",
            "appId",
            "a1",
            "tenantId",
            "t1",
            "connectionUriDomain",
            ""));
    event.addKeyValuePair(new KeyValuePair("status", 200));
    event.addKeyValuePair(new KeyValuePair("durationMs", 1.5));
    JsonNode json = layOut(event);
    assertEquals("hello there", json.get("message").asText());
    assertEquals("ERROR", json.get("level").asText());
    assertEquals("io.authcore.Test", json.get("logger").asText());
    assertEquals("r1", json.get("requestId").asText());
    assertEquals("/recipe/signin", json.get("route").asText());
    assertEquals(
        "{\"connectionUriDomain\":\"\",\"appId\":\"a1\",\"tenantId\":\"t1\"}",
        json.get("tenant").toString());
    assertFalse(json.has("appId"));
    assertEquals(200, json.get("status").asInt());
    assertTrue(json.get("status").isInt());
    assertEquals(1.5, json.get("durationMs").asDouble());
    assertEquals(String.valueOf(ProcessHandle.current().pid()), json.get("pid").asText());
    assertTrue(json.get("coreVersion").asText().startsWith("v"));
    assertFalse(json.has("exception"));
  }

  @Test
  void emailsAreMaskedInTheMessageAndTheStackTrace() throws Exception {
    IllegalStateException failure =
        new IllegalStateException("Key (email)=(jane.doe@example.com) already exists");
    JsonNode json = layOut(event("sign-up of {} failed", failure, "john.smith+x@mail.example.org"));
    assertEquals("sign-up of j***@mail.example.org failed", json.get("message").asText());
    JsonNode lines = json.get("exception");
    assertTrue(lines.isArray() && lines.size() > 1, json.toString());
    assertEquals(
        "java.lang.IllegalStateException: Key (email)=(j***@example.com) already exists",
        lines.get(0).asText());
    assertFalse(json.toString().contains("jane.doe"));
    assertEquals("no address here", EmailMasking.mask("no address here"));
  }

  @Test
  void plainLinesAreMaskedToo() {
    IllegalStateException failure = new IllegalStateException("(jane.doe@example.com) exists");
    byte[] encoded =
        Logging.encoder(context, "%level %msg%n", false)
            .encode(event("sign-up of {} failed", failure, "john@example.org"));
    String line = new String(encoded, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(line.startsWith("ERROR sign-up of j***@example.org failed"), line);
    assertTrue(line.contains("IllegalStateException: (j***@example.com) exists"), line);
    assertTrue(line.contains("\tat io.authcore.cli.JsonLayoutTest"), "the stack trace: " + line);
    assertFalse(line.contains("jane.doe") || line.contains("john@"), line);
  }

  @Test
  void onlyTrueTurnsItOn() {
    assertTrue(JsonLayout.requested(Map.of("USE_STRUCTURED_LOGGING", "TRUE")));
    assertFalse(JsonLayout.requested(Map.of("USE_STRUCTURED_LOGGING", "1")));
    assertFalse(JsonLayout.requested(Map.of()));
  }
}
