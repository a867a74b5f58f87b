package io.authcore.recipe.emailverification;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The email-verification endpoints over HTTP, on both storages. */
class EmailVerificationApiTest extends ServerOnEachBackend {
  static final String OK = "{\"status\":\"OK\"}\n";
  static final String INVALID = "{\"status\":\"EMAIL_VERIFICATION_INVALID_TOKEN_ERROR\"}\n";

  final MutableClock clock = new MutableClock();

  @Override
  protected Clock clock() {
    return clock;
  }

  Reply post(String path, String body) {
    return http.post(path, body, CDI);
  }

  String token(String tenantPath, String userId, String email) {
    Reply reply =
        post(
            tenantPath + "/recipe/user/email/verify/token", json("userId", userId, "email", email));
    assertEquals("OK", reply.json().get("status").asText(), reply.body());
    return reply.json().get("token").asText();
  }

  Reply verify(String tenantPath, String token) {
    return post(tenantPath + "/recipe/user/email/verify", json("method", "token", "token", token));
  }

  boolean isVerified(String userId, String email) {
    return http.get("/recipe/user/email/verify?userId=" + userId + "&email=" + email, CDI)
        .json()
        .get("isVerified")
        .asBoolean();
  }

  @Test
  void createVerifyAndAskForAnyUserId() {
    // User ids are not checked: any string the SDK uses is fine.
    String userId = "any-id-" + UUID.randomUUID();
    String email = TestUsers.email("ev");
    assertEquals(false, isVerified(userId, email));
    String token = token("/public", userId, "  " + email.toUpperCase());
    assertTrue(token.matches("[A-Za-z0-9_-]{64}"), token);
    assertEquals(
        "{\"status\":\"OK\",\"userId\":\"" + userId + "\",\"email\":\"" + email + "\"}\n",
        verify("/public", token).body());
    assertTrue(isVerified(userId, email));
    // The GET compares the email as given, without normalising it.
    assertEquals(false, isVerified(userId, email.toUpperCase()));
    assertEquals(
        "{\"status\":\"EMAIL_ALREADY_VERIFIED_ERROR\"}\n",
        post("/public/recipe/user/email/verify/token", json("userId", userId, "email", email))
            .body());
    assertEquals(INVALID, verify("/public", token).body(), "single use");

    assertEquals(
        OK,
        post("/recipe/user/email/verify/remove", json("userId", userId, "email", " " + email))
            .body());
    assertEquals(false, isVerified(userId, email));
  }

  @Test
  void verifiedShowsInTheUserObject() {
    String email = TestUsers.email("shown");
    String id = TestUsers.signUp(http, email);
    verify("/public", token("/public", id, email));
    assertEquals(
        true,
        http.get("/user/id?userId=" + id, CDI)
            .json()
            .get("user")
            .get("loginMethods")
            .get(0)
            .get("verified")
            .asBoolean());
  }

  @Test
  void verifyingDeletesEveryTokenOfTheUserAndEmail() {
    String userId = "u-" + UUID.randomUUID();
    String email = TestUsers.email("tokens");
    String first = token("/public", userId, email);
    String second = token("/public", userId, email);
    String otherEmail = token("/public", userId, TestUsers.email("other"));
    assertEquals("OK", verify("/public", second).json().get("status").asText());
    assertEquals(INVALID, verify("/public", first).body());
    assertEquals("OK", verify("/public", otherEmail).json().get("status").asText());
  }

  @Test
  void revokedAndExpiredTokensAreInvalid() {
    String userId = "u-" + UUID.randomUUID();
    String email = TestUsers.email("revoke");
    String revoked = token("/public", userId, email);
    assertEquals(
        OK,
        post(
                "/public/recipe/user/email/verify/token/remove",
                json("userId", userId, "email", email.toUpperCase()))
            .body());
    assertEquals(INVALID, verify("/public", revoked).body());

    String fresh = token("/public", userId, email);
    clock.advance(Duration.ofHours(23));
    String stale = token("/public", "u2-" + userId, email);
    assertEquals("OK", verify("/public", fresh).json().get("status").asText());
    clock.advance(Duration.ofHours(24).plusMillis(1));
    assertEquals(INVALID, verify("/public", stale).body());
  }

  @Test
  void ofConcurrentUsesOfATokenExactlyOneSucceeds() throws Exception {
    for (int round = 0; round < 5; round++) {
      String token = token("/public", "race-" + round + UUID.randomUUID(), TestUsers.email("r"));
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        replies.add(
            CompletableFuture.supplyAsync(
                () -> verify("/public", token).json().get("status").asText()));
      }
      List<String> statuses = new ArrayList<>();
      for (CompletableFuture<String> r : replies) {
        statuses.add(r.get());
      }
      assertEquals(1, statuses.stream().filter("OK"::equals).count(), statuses.toString());
    }
  }

  @Test
  void badInput() {
    assertEquals(
        "Unsupported method for email verification\n",
        post("/public/recipe/user/email/verify", json("method", "code", "token", "x")).body());
    assertEquals(INVALID, verify("/public", "nonsense").body());
    assertEquals(
        "Field name 'email' is missing in GET request\n",
        http.get("/recipe/user/email/verify?userId=x", CDI).body());
    assertEquals(
        "Field name 'email' is invalid in JSON input\n",
        post("/public/recipe/user/email/verify/token", json("userId", "x")).body());
  }

  @Test
  void tokensBelongToTheirTenantWhileTheVerifiedStateBelongsToTheApp() {
    if (backend != Backend.POSTGRES) {
      return; // tenants are created in the database until the multitenancy API exists
    }
    TestUsers.addTenant(server.database(), "t1");
    String userId = "t-" + UUID.randomUUID();
    String email = TestUsers.email("tenant");
    String token = token("/t1", userId, email);
    List<List<String>> rows =
        TestUsers.rows(
            server.database(),
            "SELECT tenant_id, token FROM emailverification_tokens WHERE user_id = ?",
            userId);
    assertEquals(List.of(List.of("t1", Hashes.sha256Hex(token))), rows);
    assertEquals(INVALID, verify("/public", token).body());
    assertEquals("OK", verify("/t1", token).json().get("status").asText());
    assertTrue(isVerified(userId, email));
    assertEquals(
        "Only public tenantId can call this app specific API\n",
        http.get("/t1/recipe/user/email/verify?userId=" + userId + "&email=" + email, CDI).body());
  }
}
