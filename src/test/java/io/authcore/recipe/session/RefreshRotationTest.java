package io.authcore.recipe.session;

import static io.authcore.recipe.session.SessionCalls.accessToken;
import static io.authcore.recipe.session.SessionCalls.hash2;
import static io.authcore.recipe.session.SessionCalls.keys;
import static io.authcore.recipe.session.SessionCalls.part;
import static io.authcore.recipe.session.SessionCalls.refreshToken;
import static io.authcore.recipe.session.SessionCalls.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.crypto.Hashes;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Refresh at CDI 5.6, as the original 12.1 does it (its SessionRefreshRotationTest and the
 * catalogue): each refresh rotates at once, the token it replaced stays usable for {@code
 * refresh_token_rotation_grace_period}, and any other reuse revokes the session and is reported by
 * kind. Subclasses change {@code recent_token_reuse_behaviour}.
 */
class RefreshRotationTest extends SessionTestBase {
  static final long REFRESH_VALIDITY = 144_000L * 60_000;

  /** What a refresh with a reused token of this kind answers here. */
  String reuseAnswer(String kind, String handle, String userId) {
    return theft(kind, handle, userId);
  }

  static String theft(String kind, String handle, String userId) {
    return "{\"status\":\"TOKEN_THEFT_DETECTED\",\"session\":{\"handle\":\""
        + handle
        + "\",\"userId\":\""
        + userId
        + "\",\"recipeUserId\":\""
        + userId
        + "\"},\"recentTokenReuseSubtype\":\""
        + kind
        + "\"}\n";
  }

  record Session(String handle, String userId, String refreshToken) {}

  Session create() {
    String userId = user();
    JsonNode created = calls.created("5.6", userId, "{}");
    return new Session(
        created.get("session").get("handle").asText(), userId, refreshToken(created));
  }

  String rotate(String refreshToken) {
    return refreshToken(calls.refreshed("5.6", refreshToken));
  }

  /** The session's rotation columns on PostgreSQL (H2's database is private to its server). */
  List<String> stored(String handle) {
    if (backend != Backend.POSTGRES) {
      return null;
    }
    return TestUsers.rows(
            server.database(),
            "SELECT refresh_token_hash_2, prev_refresh_token_hash_2, refresh_token_rotated_at,"
                + " expires_at FROM session_info WHERE session_handle = ?",
            handle)
        .get(0);
  }

  void assertStored(List<String> expected, String handle) {
    if (backend == Backend.POSTGRES) {
      assertEquals(expected, stored(handle));
    }
  }

  void assertGone(Session session, String lastToken) {
    assertEquals(
        "{\"status\":\"UNAUTHORISED\",\"message\":\"Session does not exist.\"}\n",
        calls.get("5.6", "/recipe/session?sessionHandle=" + session.handle()).body());
    assertEquals(
        "{\"status\":\"UNAUTHORISED\",\"message\":\"Session missing in db or has expired\"}\n",
        calls.refresh("5.6", lastToken, ",\"useDynamicSigningKey\":true").body(),
        "revoked by the core");
  }

  @Test
  void eachRefreshRotatesAndTheReplacedTokenRotatesAgainWithinTheGracePeriod() {
    Session s = create();
    long rotatedAt = clock.millis();
    JsonNode first = calls.refreshed("5.6", s.refreshToken());
    assertEquals(List.of("session", "accessToken", "refreshToken", "status"), keys(first));
    String rt1 = refreshToken(first);
    var claims = part(accessToken(first), 1);
    assertTrue(claims.get("parentRefreshTokenHash1").isNull(), "nothing left to promote");
    assertEquals(Hashes.sha256Hex(rt1), claims.get("refreshTokenHash1").asText());
    List<String> afterFirst =
        Arrays.asList(
            hash2(rt1),
            hash2(s.refreshToken()),
            String.valueOf(rotatedAt),
            String.valueOf(rotatedAt + REFRESH_VALIDITY));
    assertStored(afterFirst, s.handle());

    clock.advance(Duration.ofSeconds(30));
    String rt2 = rotate(s.refreshToken());
    assertStored(
        Arrays.asList(hash2(rt2), afterFirst.get(1), afterFirst.get(2), afterFirst.get(3)),
        s.handle());

    String rt3 = rotate(rt2);
    assertStored(
        Arrays.asList(
            hash2(rt3),
            hash2(rt2),
            String.valueOf(clock.millis()),
            String.valueOf(clock.millis() + REFRESH_VALIDITY)),
        s.handle());
    assertEquals("OK", calls.refreshed("5.6", rt3).get("status").asText());
  }

  @Test
  void theTokenAGraceRotationDisplacedIsAnOrphanedBranch() {
    Session s = create();
    String rt1 = rotate(s.refreshToken());
    String rt2 = rotate(s.refreshToken());
    assertEquals(
        reuseAnswer("ORPHANED_BRANCH", s.handle(), s.userId()),
        calls.refresh("5.6", rt1, ",\"useDynamicSigningKey\":true").body());
    assertGone(s, rt2);
  }

  @Test
  void theReplacedTokenAfterTheGracePeriodIsARecentPrevious() {
    Session s = create();
    String rt1 = rotate(s.refreshToken());
    clock.advance(Duration.ofMillis(30_001));
    assertEquals(
        reuseAnswer("RECENT_PREV", s.handle(), s.userId()),
        calls.refresh("5.6", s.refreshToken(), ",\"useDynamicSigningKey\":true").body());
    assertGone(s, rt1);
  }

  @Test
  void anOlderTokenIsAStaleLineageAndAlwaysTheft() {
    Session s = create();
    String rt1 = rotate(s.refreshToken());
    String rt2 = rotate(rt1);
    assertEquals(
        theft("STALE_LINEAGE", s.handle(), s.userId()),
        calls.refresh("5.6", s.refreshToken(), ",\"useDynamicSigningKey\":true").body());
    assertGone(s, rt2);
  }

  @Test
  void withoutAGracePeriodTheReplacedTokenIsReuseAtOnce() {
    Reply app =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\"nograce\",\"coreConfig\":{\"refresh_token_rotation_grace_period\":0}}",
            "cdi-version",
            "5.6");
    assertEquals(200, app.status(), app.body());
    calls = new SessionCalls(http, "/appid-nograce");
    Session s = create();
    String rt1 = rotate(s.refreshToken());
    clock.advance(Duration.ofMillis(1));
    assertEquals(
        reuseAnswer("RECENT_PREV", s.handle(), s.userId()),
        calls.refresh("5.6", s.refreshToken(), ",\"useDynamicSigningKey\":true").body());
    assertGone(s, rt1);
  }

  @Test
  void olderClientsKeepTheirRulesOnTheSameSessions() {
    Session s = create();
    String rt1 = rotate(s.refreshToken());
    // To a 5.4 client the replaced token is theft, which it reports without revoking.
    assertEquals(
        "TOKEN_THEFT_DETECTED",
        calls
            .refresh("5.4", s.refreshToken(), ",\"useDynamicSigningKey\":true")
            .json()
            .get("status")
            .asText());
    JsonNode child = calls.refreshed("5.4", rt1);
    String childToken = accessToken(child);
    assertEquals(
        Hashes.sha256Hex(rt1), part(childToken, 1).get("parentRefreshTokenHash1").asText());

    // Its first use promotes it and, as a rotation, records the token it replaces, so a 5.6
    // client may still use that one within the grace period.
    JsonNode promoted = calls.verify("5.4", childToken, ",\"checkDatabase\":false").json();
    assertEquals(List.of("session", "accessToken", "status"), keys(promoted));
    assertStored(
        Arrays.asList(
            hash2(refreshToken(child)),
            hash2(rt1),
            String.valueOf(clock.millis()),
            String.valueOf(clock.millis() + REFRESH_VALIDITY)),
        s.handle());
    assertEquals("OK", calls.refreshed("5.6", rt1).get("status").asText());

    // An unpromoted child of a 5.4 refresh is rotated by a 5.6 refresh.
    Session other = create();
    String unpromoted = refreshToken(calls.refreshed("5.4", other.refreshToken()));
    String next = rotate(unpromoted);
    assertStored(
        Arrays.asList(
            hash2(next),
            hash2(unpromoted),
            String.valueOf(clock.millis()),
            String.valueOf(clock.millis() + REFRESH_VALIDITY)),
        other.handle());
  }
}
