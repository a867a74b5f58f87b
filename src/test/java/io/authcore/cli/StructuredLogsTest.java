package io.authcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code USE_STRUCTURED_LOGGING=true} with the access log on and the level at DEBUG, through the
 * flows that carry secrets: every line is a JSON object with its fields, the request lines carry
 * their id, route, tenant and status, and no password, token, code, api key or email appears.
 */
class StructuredLogsTest extends ServerOnEachBackend {
  static final String API_KEY = "structured-logs-api-key-" + UUID.randomUUID();
  static final ObjectMapper JSON = new ObjectMapper();
  // PasswordHashImportApiTest's Firebase vector (password "testPass123").
  static final String FIREBASE_KEY =
      "gRhC3eDeQOdyEn4bMd9c6kxguWVmcIVq/SKa0JDPFeM6TcEevkaW56sIWfx88OHbJKnCXdWscZx0l2WbCJ1wbg==";
  static final String FIREBASE =
      "$f_scrypt$qZM035es5AXYqavsKD6/rhtxg7t5PhcyRgv5blc3doYbChX8keMfQLq1ra96O2Pf2TP/eZrR5xtPCYN6mX3ESA=="
          + "$/cj0jC1br5o4+w==$m=14$r=8$s=Bw==";

  @Override
  protected Map<String, String> overrides() {
    return Map.of("access_log", "true", "bcrypt_log_rounds", "4", "api_keys", API_KEY);
  }

  final List<String> secrets = new ArrayList<>();

  Reply call(String method, String path, String body, String... more) {
    String[] headers = new String[4 + more.length];
    headers[0] = "cdi-version";
    headers[1] = "5.4";
    headers[2] = "api-key";
    headers[3] = API_KEY;
    System.arraycopy(more, 0, headers, 4, more.length);
    Reply reply = http.send(method, path, body, headers);
    assertTrue(reply.status() < 500, path + ": " + reply.body());
    return reply;
  }

  JsonNode ok(String method, String path, String body) {
    Reply reply = call(method, path, body);
    assertEquals(200, reply.status(), path + ": " + reply.body());
    JsonNode json = reply.json();
    assertEquals("OK", json.get("status").asText(), path + ": " + reply.body());
    return json;
  }

  /** A value the flows send or receive that no log line may hold. */
  String secret(String value) {
    secrets.add(value);
    return value;
  }

  @Test
  void everyLineIsJsonWithItsFieldsAndNoSecretIsLogged() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("structured-test");
    appender.setEncoder(Logging.encoder(context, "", true));
    appender.setOutputStream(captured);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    try {
      runFlows();
      Thread.sleep(300); // the last access line is written once its response has gone
    } finally {
      root.setLevel(before);
      root.detachAppender(appender);
      appender.stop();
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    for (String secret : secrets) {
      assertFalse(output.contains(secret), "logged: " + secret);
    }
    assertFalse(output.contains(API_KEY), "the api key is logged");

    JsonNode warning = null;
    int access = 0;
    boolean sawGivenId = false;
    for (String line : output.split("\n")) {
      JsonNode json = JSON.readTree(line);
      assertTrue(json.isObject(), line);
      for (String field :
          List.of("message", "timestamp", "level", "logger", "pid", "coreVersion", "threadName")) {
        assertNotNull(json.get(field), field + " missing: " + line);
      }
      assertTrue(
          json.get("timestamp")
              .asText()
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
          line);
      if (json.get("logger").asText().equals("io.authcore.access")) {
        access++;
        for (String field : List.of("requestId", "method", "route", "status", "durationMs")) {
          assertNotNull(json.get(field), field + " missing: " + line);
        }
        assertTrue(json.get("status").isInt(), line);
        assertTrue(json.get("durationMs").isNumber(), line);
        assertEquals("public", json.get("tenant").get("tenantId").asText(), line);
        assertFalse(json.get("route").asText().contains("appid-"), line);
        sawGivenId |= json.get("requestId").asText().equals("given-request-id.1");
      }
      if (json.get("message").asText().startsWith("Sign-in of user")) {
        // A line logged while the request runs, on a worker: the request's fields are on it.
        warning = json;
      }
    }
    assertNotNull(warning, output);
    assertEquals("WARN", warning.get("level").asText());
    assertEquals("/recipe/signin", warning.get("route").asText());
    assertEquals(appId, warning.get("tenant").get("appId").asText());
    assertTrue(warning.get("requestId").asText().matches("[0-9a-f]{32}"), warning.toString());
    assertTrue(access >= 14, "access lines: " + access + "\n" + output);
    assertTrue(sawGivenId, "the caller's X-Request-Id is the request id");
  }

  final String appId = "logs" + UUID.randomUUID().toString().substring(0, 8);

  /** A Firebase hash whose app lost its signer key: the sign-in logs a warning, on a worker. */
  private void signInWithoutTheAppsSignerKey(String password) {
    String email = secret("firebase.person@example.com");
    String app =
        "{\"appId\":\"" + appId + "\",\"coreConfig\":{\"firebase_password_hashing_signer_key\":";
    ok("PUT", "/recipe/multitenancy/app/v2", app + "\"" + FIREBASE_KEY + "\"}}");
    ok(
        "POST",
        "/appid-" + appId + "/public/recipe/user/passwordhash/import",
        "{\"email\":\"" + email + "\",\"passwordHash\":\"" + FIREBASE + "\"}");
    ok("PUT", "/recipe/multitenancy/app/v2", app + "null}}");
    Reply refused =
        call(
            "POST",
            "/appid-" + appId + "/public/recipe/signin",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertTrue(refused.body().contains("WRONG_CREDENTIALS_ERROR"), refused.body());
  }

  private void runFlows() {
    String email = secret("secret.person-" + backend.name().toLowerCase() + "@example.org");
    String password = secret("Pw-" + UUID.randomUUID());
    String wrong = secret("Wrong-" + UUID.randomUUID());

    String userId =
        ok(
                "POST",
                "/recipe/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
            .get("user")
            .get("id")
            .asText();
    ok("POST", "/recipe/signin", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    Reply refused =
        call(
            "POST",
            "/recipe/signin",
            "{\"email\":\"" + email + "\",\"password\":\"" + wrong + "\"}");
    assertTrue(refused.body().contains("WRONG_CREDENTIALS_ERROR"), refused.body());
    // A wrong api key is refused, and not logged either.
    String wrongKey = secret("wrong-api-key-" + UUID.randomUUID());
    assertEquals(401, http.get("/recipe/user?userId=" + userId, "api-key", wrongKey).status());

    // Sessions: create, verify, refresh, verify the new one.
    JsonNode session =
        ok(
            "POST",
            "/recipe/session",
            "{\"userId\":\""
                + userId
                + "\",\"enableAntiCsrf\":false,\"userDataInJWT\":{},\"userDataInDatabase\":{}}");
    String access = secret(session.get("accessToken").get("token").asText());
    String refresh = secret(session.get("refreshToken").get("token").asText());
    ok(
        "POST",
        "/recipe/session/verify",
        "{\"accessToken\":\""
            + access
            + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,\"checkDatabase\":true}");
    JsonNode refreshed =
        ok(
            "POST",
            "/recipe/session/refresh",
            "{\"refreshToken\":\""
                + refresh
                + "\",\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}");
    secret(refreshed.get("accessToken").get("token").asText());
    secret(refreshed.get("refreshToken").get("token").asText());

    // Password reset: token, consume, new password, sign in with it.
    String token =
        secret(
            ok(
                    "POST",
                    "/recipe/user/password/reset/token",
                    "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\"}")
                .get("token")
                .asText());
    ok("POST", "/recipe/user/password/reset/token/consume", "{\"token\":\"" + token + "\"}");
    String newPassword = secret("New-" + UUID.randomUUID());
    Reply put =
        call(
            "PUT",
            "/recipe/user",
            "{\"recipeUserId\":\"" + userId + "\",\"password\":\"" + newPassword + "\"}",
            "rid",
            "emailpassword");
    assertEquals("{\"status\":\"OK\"}\n", put.body());
    ok(
        "POST",
        "/recipe/signin",
        "{\"email\":\"" + email + "\",\"password\":\"" + newPassword + "\"}");

    // Passwordless: a code by email, a wrong code, then the right one; a link code.
    String otherEmail = secret("code.person-" + backend.name().toLowerCase() + "@example.net");
    JsonNode code = ok("POST", "/recipe/signinup/code", "{\"email\":\"" + otherEmail + "\"}");
    String preAuth = secret(code.get("preAuthSessionId").asText());
    String deviceId = secret(code.get("deviceId").asText());
    String userCode = secret(code.get("userInputCode").asText());
    secret(code.get("linkCode").asText());
    String byCode = "{\"preAuthSessionId\":\"" + preAuth + "\",\"deviceId\":\"" + deviceId;
    Reply wrongCode =
        call(
            "POST",
            "/recipe/signinup/code/consume",
            byCode + "\",\"userInputCode\":\"999999999\"}");
    assertTrue(wrongCode.body().contains("INCORRECT_USER_INPUT_CODE_ERROR"), wrongCode.body());
    ok(
        "POST",
        "/recipe/signinup/code/consume",
        byCode + "\",\"userInputCode\":\"" + userCode + "\"}");
    JsonNode link = ok("POST", "/recipe/signinup/code", "{\"email\":\"" + otherEmail + "\"}");
    String linkCode = secret(link.get("linkCode").asText());
    secret(link.get("userInputCode").asText());
    ok(
        "POST",
        "/recipe/signinup/code/consume",
        "{\"preAuthSessionId\":\""
            + secret(link.get("preAuthSessionId").asText())
            + "\",\"linkCode\":\""
            + linkCode
            + "\"}");

    signInWithoutTheAppsSignerKey(secret("testPass123"));

    // The caller's request id is kept and echoed; a tenant-prefixed path logs its route.
    Reply hello =
        call("GET", "/appid-public/public/hello", null, "X-Request-Id", "given-request-id.1");
    assertEquals("given-request-id.1", hello.headers().get("x-request-id"));
    Reply generated = call("GET", "/hello", null);
    assertTrue(
        generated.headers().get("x-request-id").matches("[0-9a-f]{32}"),
        generated.headers().toString());
    Reply unsafe = call("GET", "/hello", null, "X-Request-Id", "a b\"c");
    assertTrue(unsafe.headers().get("x-request-id").matches("[0-9a-f]{32}"));
  }
}
