package io.authcore.recipe.session;

import static io.authcore.recipe.session.SessionCalls.accessToken;
import static io.authcore.recipe.session.SessionCalls.keys;
import static io.authcore.recipe.session.SessionCalls.ok;
import static io.authcore.recipe.session.SessionCalls.refreshToken;
import static io.authcore.recipe.session.SessionCalls.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What else CDI 5.6 changes in sessions, as the original 12.1 does it (its tests and the
 * catalogue): a per-mint access-token validity, the validity jitter (at every version), stateless
 * verification, and verification only for the public tenant.
 */
class Session56Test extends SessionTestBase {
  static final long HOUR = 3_600_000;
  static final String TOO_LONG =
      "accessTokenValidity must be greater than 0 and at most the configured"
          + " access_token_validity (3600000 ms)\n";

  static long lifetime(JsonNode answer) {
    JsonNode token = answer.get("accessToken");
    return token.get("expiry").asLong() - token.get("createdTime").asLong();
  }

  @Test
  void anAccessTokenMayBeGivenAShorterLifetime() {
    JsonNode created =
        ok(calls.create("5.6", user(), "{}", false, ",\"accessTokenValidity\":60000"));
    assertEquals(60_000, lifetime(created), "exactly: no jitter on a chosen lifetime");
    JsonNode full =
        ok(calls.create("5.6", user(), "{}", false, ",\"accessTokenValidity\":3600000"));
    assertEquals(HOUR, lifetime(full));
    for (String bad : List.of("0", "-5", "3600001")) {
      Reply refused = calls.create("5.6", user(), "{}", false, ",\"accessTokenValidity\":" + bad);
      assertEquals(400, refused.status(), bad);
      assertEquals(TOO_LONG, refused.body());
    }
    Reply notANumber = calls.create("5.6", user(), "{}", false, ",\"accessTokenValidity\":\"x\"");
    assertEquals("Field name 'accessTokenValidity' is invalid in JSON input\n", notANumber.body());
    Reply older = calls.create("5.5", user(), "{}", false, ",\"accessTokenValidity\":0");
    assertEquals(200, older.status(), "not read before 5.6");

    String refreshToken = refreshToken(created);
    JsonNode refreshed =
        ok(
            calls.refresh(
                "5.6",
                refreshToken,
                ",\"useDynamicSigningKey\":true,\"accessTokenValidity\":120000"));
    assertEquals(120_000, lifetime(refreshed));
    Reply badRefresh =
        calls.refresh(
            "5.6",
            refreshToken(refreshed),
            ",\"useDynamicSigningKey\":true,\"accessTokenValidity\":3600001");
    assertEquals(TOO_LONG, badRefresh.body());
    assertEquals(
        "UNAUTHORISED",
        calls
            .refresh("5.6", "garbage", ",\"useDynamicSigningKey\":true,\"accessTokenValidity\":0")
            .json()
            .get("status")
            .asText(),
        "the refresh token is read first");
  }

  @Test
  void freshTokensAreShortenedByTheJitterAtEveryVersion() {
    // The default jitter is 0.05: up to three minutes of an hour, never more than the hour.
    long shortest = HOUR;
    for (int i = 0; i < 20; i++) {
      for (String cdi : List.of("2.7", "5.4", "5.6")) {
        long life = lifetime(calls.created(cdi, user(), "{}"));
        assertTrue(life <= HOUR && life >= HOUR * 95 / 100 - 1000, cdi + ": " + life);
        shortest = Math.min(shortest, life);
      }
    }
    assertTrue(shortest < HOUR * 99 / 100, "some are shortened: " + shortest);

    Reply app =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\"jittery\",\"coreConfig\":{\"access_token_validity_jitter\":0.25}}",
            "cdi-version",
            "5.6");
    assertEquals(200, app.status(), app.body());
    SessionCalls jittery = new SessionCalls(http, "/appid-jittery");
    shortest = HOUR;
    for (int i = 0; i < 20; i++) {
      JsonNode created = jittery.created("5.4", user(), "{}");
      JsonNode refreshed = jittery.refreshed("5.6", refreshToken(created));
      for (JsonNode answer : List.of(created, refreshed)) {
        long life = lifetime(answer);
        assertTrue(life <= HOUR && life >= HOUR * 75 / 100 - 1000, String.valueOf(life));
        shortest = Math.min(shortest, life);
      }
    }
    assertTrue(shortest < HOUR * 9 / 10, "some are shortened by more than 0.05: " + shortest);
  }

  @Test
  void reMintsAreNotJittered() {
    JsonNode created = calls.created("5.4", user(), "{}");
    JsonNode child = calls.refreshed("5.4", refreshToken(created));
    JsonNode promoted = ok(calls.verify("5.4", accessToken(child), ",\"checkDatabase\":false"));
    assertEquals(HOUR, lifetime(promoted), "a promotion mints the full lifetime");

    clock.advance(Duration.ofSeconds(5));
    JsonNode regenerated =
        ok(
            calls.post(
                "5.6",
                "/recipe/session/regenerate",
                "{\"accessToken\":\"" + accessToken(created) + "\",\"userDataInJWT\":{\"b\":1}}"));
    assertEquals(
        created.get("accessToken").get("expiry"),
        regenerated.get("accessToken").get("expiry"),
        "regenerate keeps the expiry");
  }

  List<List<String>> row(String handle) {
    return backend == Backend.POSTGRES
        ? TestUsers.rows(
            server.database(), "SELECT * FROM session_info WHERE session_handle = ?", handle)
        : List.of();
  }

  @Test
  void verificationIsStateless() {
    JsonNode created = calls.created("5.4", user(), "{\"a\":1}");
    String handle = created.get("session").get("handle").asText();
    String parent = refreshToken(created);
    JsonNode child = calls.refreshed("5.4", parent);
    List<List<String>> before = row(handle);

    for (String check : List.of("false", "true")) {
      JsonNode verified =
          ok(calls.verify("5.6", accessToken(child), ",\"checkDatabase\":" + check));
      List<String> expected =
          check.equals("true")
              ? List.of("session", "payloadUpdateAvailable", "status")
              : List.of("session", "status");
      assertEquals(expected, keys(verified), "no new token for an unpromoted child");
      assertEquals(created.get("session"), verified.get("session"));
      if (check.equals("true")) {
        assertFalse(verified.get("payloadUpdateAvailable").asBoolean());
      }
    }
    assertEquals(before, row(handle), "nothing written");
    assertEquals(
        "OK",
        calls.refreshed("5.4", parent).get("status").asText(),
        "the child was not promoted: its parent is still current");

    Reply update =
        calls.put(
            "5.6",
            "/recipe/jwt/data",
            "{\"sessionHandle\":\"" + handle + "\",\"userDataInJWT\":{\"a\":2}}");
    assertEquals(200, update.status());
    JsonNode stale = ok(calls.verify("5.6", accessToken(created), ",\"checkDatabase\":true"));
    assertEquals(List.of("session", "payloadUpdateAvailable", "status"), keys(stale));
    assertTrue(stale.get("payloadUpdateAvailable").asBoolean());
    assertEquals("{\"a\":1}", stale.get("session").get("userDataInJWT").toString());
  }

  @Test
  void aTokenOfABranchRotationLeftBehindMustBeRefreshed() {
    JsonNode created = calls.created("5.6", user(), "{}");
    String token = accessToken(created);
    JsonNode first = calls.refreshed("5.6", refreshToken(created));
    assertEquals(
        "OK",
        ok(calls.verify("5.6", token, ",\"checkDatabase\":true")).get("status").asText(),
        "its refresh token is the one the last rotation replaced");
    JsonNode second = calls.refreshed("5.6", refreshToken(first));
    assertEquals(
        "{\"status\":\"UNAUTHORISED\",\"message\":\"rotated-out token branch; refresh required\"}\n",
        calls.verify("5.6", token, ",\"checkDatabase\":true").body());
    assertEquals(
        "OK", ok(calls.verify("5.6", token, ",\"checkDatabase\":false")).get("status").asText());
    assertEquals(
        "OK",
        ok(calls.verify("5.6", accessToken(second), ",\"checkDatabase\":true"))
            .get("status")
            .asText());
  }

  @Test
  void onlyThePublicTenantVerifiesFrom56() {
    Reply tenant =
        http.put("/recipe/multitenancy/tenant/v2", "{\"tenantId\":\"t56\"}", "cdi-version", "5.6");
    assertEquals(200, tenant.status(), tenant.body());
    String token = accessToken(calls.created("5.6", user(), "{}"));
    Reply refused = calls.verify("5.6", token, ",\"checkDatabase\":false");
    assertEquals(200, refused.status());
    SessionCalls inTenant = new SessionCalls(http, "/t56");
    Reply forbidden = inTenant.verify("5.6", token, ",\"checkDatabase\":false");
    assertEquals(403, forbidden.status());
    assertEquals("Only public tenantId can call this app specific API\n", forbidden.body());
    assertEquals(200, inTenant.verify("5.5", token, ",\"checkDatabase\":false").status());
    assertEquals(
        200,
        new SessionCalls(http, "/public")
            .verify("5.6", token, ",\"checkDatabase\":false")
            .status());
  }
}
