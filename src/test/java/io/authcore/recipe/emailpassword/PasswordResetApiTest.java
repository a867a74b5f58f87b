package io.authcore.recipe.emailpassword;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.crypto.Hashes;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Password-reset tokens and password/email updates over HTTP, on both storages. */
class PasswordResetApiTest extends ServerOnEachBackend {
  static final String INVALID = "{\"status\":\"RESET_PASSWORD_INVALID_TOKEN_ERROR\"}\n";

  final MutableClock clock = new MutableClock();

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  Reply post(String path, String body) {
    return http.post(path, body, CDI);
  }

  String token(String userId, String email) {
    JsonNode out =
        post("/public/recipe/user/password/reset/token", json("userId", userId, "email", email))
            .json();
    assertEquals("OK", out.get("status").asText(), out.toString());
    return out.get("token").asText();
  }

  Reply consume(String token) {
    return post("/public/recipe/user/password/reset/token/consume", json("token", token));
  }

  String signIn(String email, String password) {
    return post("/public/recipe/signin", json("email", email, "password", password))
        .json()
        .get("status")
        .asText();
  }

  @Test
  void theResetFlowAsTheSdkDrivesIt() {
    String email = TestUsers.email("reset");
    String id = TestUsers.signUp(http, email);
    String token = token(id, email);
    assertTrue(token.matches("[A-Za-z0-9_-]{64}"), token);

    Reply consumed = consume(token);
    assertEquals(
        "{\"status\":\"OK\",\"userId\":\"" + id + "\",\"email\":\"" + email + "\"}\n",
        consumed.body());
    // Consuming does not change the password: the SDK sends it next with PUT /recipe/user.
    assertEquals("OK", signIn(email, "password-123"));
    Reply put =
        http.put(
            "/recipe/user",
            json("recipeUserId", id, "password", "new-password"),
            "cdi-version",
            "5.4",
            "rid",
            "emailpassword");
    assertEquals("{\"status\":\"OK\"}\n", put.body());
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn(email, "password-123"));
    assertEquals("OK", signIn(email, "new-password"));

    assertEquals(INVALID, consume(token).body(), "single use");
  }

  @Test
  void consumingOneTokenDeletesEveryTokenOfTheUser() {
    String email = TestUsers.email("many");
    String id = TestUsers.signUp(http, email);
    String first = token(id, email);
    String second = token(id, "other@example.com");
    assertEquals("other@example.com", consume(second).json().get("email").asText());
    assertEquals(INVALID, consume(first).body());
  }

  @Test
  void tokensExpireAfterTheConfiguredLifetime() {
    String email = TestUsers.email("expiry");
    String id = TestUsers.signUp(http, email);
    String fresh = token(id, email);
    clock.advance(Duration.ofMinutes(59));
    assertEquals("OK", consume(fresh).json().get("status").asText());

    String stale = token(id, email);
    clock.advance(Duration.ofMillis(3_600_001));
    assertEquals(INVALID, consume(stale).body());
  }

  @Test
  void unknownUsersAndTokens() {
    assertEquals(
        "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n",
        post(
                "/public/recipe/user/password/reset/token",
                json("userId", UUID.randomUUID().toString(), "email", "a@b.c"))
            .body());
    assertEquals(INVALID, consume("not-a-token").body());
    // The original looks the user up before it reads the email.
    assertEquals(
        "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n",
        post("/public/recipe/user/password/reset/token", json("userId", "x")).body());
    String known = TestUsers.signUp(http, TestUsers.email("no-email"));
    assertEquals(
        "Field name 'email' is invalid in JSON input\n",
        post("/public/recipe/user/password/reset/token", json("userId", known)).body());
  }

  @Test
  void ofTwoConcurrentConsumptionsExactlyOneSucceeds() throws Exception {
    String email = TestUsers.email("race");
    String id = TestUsers.signUp(http, email);
    for (int round = 0; round < 5; round++) {
      String token = token(id, email);
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        replies.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                  return consume(token).json().get("status").asText();
                }));
      }
      go.countDown();
      List<String> statuses = new ArrayList<>();
      for (CompletableFuture<String> reply : replies) {
        statuses.add(reply.get());
      }
      assertEquals(1, statuses.stream().filter("OK"::equals).count(), statuses.toString());
      assertEquals(
          3,
          statuses.stream().filter("RESET_PASSWORD_INVALID_TOKEN_ERROR"::equals).count(),
          statuses.toString());
    }
  }

  @Test
  void onlyTheTokensHashIsStored() {
    if (backend != Backend.POSTGRES) {
      return; // an in-memory database is private to its server
    }
    String email = TestUsers.email("hashed");
    String id = TestUsers.signUp(http, email);
    String token = token(id, email);
    List<List<String>> rows =
        TestUsers.rows(
            server.database(),
            "SELECT token, email FROM emailpassword_pswd_reset_tokens WHERE user_id = ?",
            id);
    assertEquals(List.of(List.of(Hashes.sha256Hex(token), email)), rows);
    assertFalse(rows.toString().contains(token));
  }

  @Test
  void mappedUsersAreNamedByTheirExternalId() {
    String email = TestUsers.email("mapped");
    String id = TestUsers.signUp(http, email);
    String external = "ext-" + UUID.randomUUID();
    assertEquals(
        "{\"status\":\"OK\"}\n",
        post("/recipe/userid/map", json("superTokensUserId", id, "externalUserId", external))
            .body());
    String token = token(external, email);
    assertEquals(
        "{\"status\":\"OK\",\"userId\":\"" + external + "\",\"email\":\"" + email + "\"}\n",
        consume(token).body());
  }

  @Test
  void theLegacyResetSetsThePasswordItself() {
    String email = TestUsers.email("legacy");
    String id = TestUsers.signUp(http, email);
    String token = token(id, email);
    String path = "/public/recipe/user/password/reset";
    assertEquals(
        "Unsupported method for password reset\n",
        post(path, json("method", "link", "token", token, "newPassword", "x")).body());
    assertEquals(
        "Password cannot be an empty string\n",
        post(path, json("method", "token", "token", token, "newPassword", "")).body());
    assertEquals(
        "{\"status\":\"OK\",\"userId\":\"" + id + "\"}\n",
        post(path, json("method", "token", "token", token, "newPassword", "legacy-pw")).body());
    assertEquals("OK", signIn(email, "legacy-pw"));
    assertEquals(
        INVALID, post(path, json("method", "token", "token", token, "newPassword", "y")).body());
  }
}
