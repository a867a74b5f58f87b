package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Account recovery tokens: generated for any user of the tenant, looked up without being used,
 * consumed once (with every other token of their email), for {@code
 * webauthn_recover_account_token_lifetime}, in their tenant only.
 */
class RecoveryTokenTest extends WebAuthnServerTest {
  static final long LIFETIME = 60_000;
  static final String INVALID = "200 {\"status\":\"RECOVER_ACCOUNT_TOKEN_INVALID_ERROR\"}";

  @Override
  protected Map<String, String> overrides() {
    return Map.of("webauthn_recover_account_token_lifetime", String.valueOf(LIFETIME));
  }

  Reply generate(String tenant, String email, String userId) {
    return calls.post(
        "5.4",
        tenant + "/recipe/webauthn/user/recover/token",
        "{\"email\":\"" + email + "\",\"userId\":\"" + userId + "\"}");
  }

  String token(String tenant, String email, String userId) {
    Reply r = generate(tenant, email, userId);
    assertEquals("OK", r.json().get("status").asText(), r.body());
    return r.json().get("token").asText();
  }

  Reply consume(String tenant, String token) {
    return calls.post(
        "5.4",
        tenant + "/recipe/webauthn/user/recover/token/consume",
        "{\"token\":\"" + token + "\"}");
  }

  Reply lookUp(String tenant, String token) {
    return calls.get("5.4", tenant + "/recipe/webauthn/user/recover?token=" + token);
  }

  @Test
  void aTokenIsLookedUpThenConsumedOnceWithItsEmailsOthers() {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    String email = "lost-" + System.nanoTime() + "@x.com";
    JsonNode up = calls.signUp("", email, passkey);
    String userId = up.get("recipeUserId").asText();
    Reply generated = generate("", " LOST-" + email.substring(5).toUpperCase() + " ", userId);
    String token = generated.json().get("token").asText();
    assertEquals("200 {\"status\":\"OK\",\"token\":\"" + token + "\"}", shape(generated));
    assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    assertEquals(43, token.length());
    assertEquals(
        "200 {\"status\":\"OK\",\"recipeUserId\":\""
            + userId
            + "\",\"user\":"
            + up.get("user")
            + "}",
        shape(lookUp("", token)));
    String sibling = token("", email, userId);
    String otherEmail = token("", "other-" + email, userId);
    assertNotEquals(token, sibling);
    assertEquals(
        "200 {\"status\":\"OK\",\"userId\":\"" + userId + "\",\"email\":\"" + email + "\"}",
        shape(consume("", token)));
    assertEquals(INVALID, shape(consume("", token)));
    assertEquals(INVALID, shape(consume("", sibling)));
    assertEquals(INVALID, shape(lookUp("", sibling)));
    assertEquals("OK", consume("", otherEmail).json().get("status").asText());
    assertEquals(INVALID, shape(consume("", "garbage")));
    assertEquals(INVALID, shape(lookUp("", "garbage")));
  }

  @Test
  void tokensLastTheirLifetimeAndStayInTheirTenant() {
    String email = "life-" + System.nanoTime() + "@x.com";
    String userId =
        calls.signUp("", email, SoftwareAuthenticator.es256()).get("recipeUserId").asText();
    String token = token("", email, userId);
    assertEquals(INVALID, shape(lookUp("/t1", token)));
    assertEquals(INVALID, shape(consume("/t1", token)));
    clock.advance(Duration.ofMillis(LIFETIME));
    assertEquals("OK", lookUp("", token).json().get("status").asText());
    clock.advance(Duration.ofMillis(1));
    assertEquals(INVALID, shape(lookUp("", token)));
    assertEquals(INVALID, shape(consume("", token)));
  }

  @Test
  void anyUserOfTheTenantMayRecoverEvenWithoutAPasskey() {
    String email = "ep-" + System.nanoTime() + "@x.com";
    JsonNode ep =
        calls
            .post(
                "5.4",
                "/recipe/signup",
                "{\"email\":\"" + email + "\",\"password\":\"password-123\"}")
            .json();
    String epId = ep.get("user").get("id").asText();
    calls.post(
        "5.4",
        "/recipe/userid/map",
        "{\"superTokensUserId\":\"" + epId + "\",\"externalUserId\":\"ext-" + epId + "\"}");
    String token = token("", "new@x.com", "ext-" + epId);
    JsonNode found = lookUp("", token).json();
    assertEquals("null", found.get("recipeUserId").toString());
    assertEquals("ext-" + epId, found.get("user").get("id").asText());
    assertEquals("{\"credentialIds\":[]}", found.get("user").get("webauthn").toString());
    assertEquals(
        "200 {\"status\":\"OK\",\"userId\":\"ext-" + epId + "\",\"email\":\"new@x.com\"}",
        shape(consume("", token)));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(generate("", "a@x.com", "nope")));
    // A user of another tenant: the original fails with a 500.
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(generate("/t1", "a@x.com", epId)));
  }

  @Test
  void missingFieldsAreFourHundreds() {
    String path = "/recipe/webauthn/user/recover/token";
    assertEquals(
        "400 Field name 'email' is invalid in JSON input", shape(calls.post("5.4", path, "{}")));
    assertEquals(
        "400 Field name 'userId' is invalid in JSON input",
        shape(calls.post("5.4", path, "{\"email\":\"a@x.com\"}")));
    assertEquals(
        "400 Field name 'token' is invalid in JSON input",
        shape(calls.post("5.4", path + "/consume", "{\"token\":5}")));
    assertEquals(
        "400 Field name 'token' is missing in GET request",
        shape(calls.get("5.4", "/recipe/webauthn/user/recover")));
  }

  @Test
  void ofTwoConsumptionsOfOneTokenOneWins() throws Exception {
    String email = "race-" + System.nanoTime() + "@x.com";
    String userId =
        calls.signUp("", email, SoftwareAuthenticator.es256()).get("recipeUserId").asText();
    for (int round = 0; round < 3; round++) {
      String token = token("", email, userId);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          tasks.add(() -> consume("", token).json().get("status").asText());
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(tasks)) {
          outcomes.add(f.get());
        }
        assertEquals(1, outcomes.stream().filter("OK"::equals).count(), outcomes.toString());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
