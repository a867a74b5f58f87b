package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.Json;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An app rotating its keys every 3.6 s (0.001 h, which test_mode allows, as supertokens-node's
 * tests use it) with the default one-hour access token, over HTTP on both storages, on a clock the
 * test moves while the server's background job rotates.
 */
class ShortRotationIntervalTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final long INTERVAL_MS = 3_600;
  // As the original's getDynamicSigningKeyOverlapMS under test_mode: a fifth of the interval.
  static final long OVERLAP_MS = 720;
  static final long LIFETIME_MS = 3_600_000;
  static final int MAX_KEYS = 32;
  static final String PREFIX = "/appid-fast";

  final MutableClock clock = new MutableClock();

  @Override
  protected boolean testMode() {
    return true;
  }

  // Every token lives exactly its lifetime: the schedule below is worked out from it.
  @Override
  protected Map<String, String> overrides() {
    return Map.of("access_token_validity_jitter", "0");
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  /** An access token; it expires at its exp claim, in whole seconds. */
  record Token(String token, String kid, long expiresAt) {}

  @Test
  void keysStayBoundedEachIsPublishedBeforeItSignsAndEveryTokenVerifiesForItsLife() {
    Reply created =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\"fast\",\"coreConfig\":"
                + "{\"access_token_dynamic_signing_key_update_interval\":0.001}}",
            CDI);
    assertEquals("{\"status\":\"OK\",\"createdNew\":true}\n", created.body());
    List<String> kids = dynamicKids();
    assertEquals(1, kids.size());
    List<Token> tokens = new ArrayList<>();

    for (int step = 1; step < MAX_KEYS; step++) {
      String previous = kids.get(0);
      clockTo(createdAt(previous) + INTERVAL_MS - OVERLAP_MS + 1);
      String next = "d-" + clock.millis();
      kids = awaitNewest(next);
      assertEquals(step + 1, kids.size(), "one new key per interval less the overlap: " + kids);
      Token beforeOverlap = session();
      assertEquals(previous, beforeOverlap.kid(), "the new key is published before it signs");
      clockTo(createdAt(next) + OVERLAP_MS);
      Token afterOverlap = session();
      assertEquals(next, afterOverlap.kid(), "and signs once the overlap has passed");
      tokens.add(beforeOverlap);
      tokens.add(afterOverlap);
    }

    // At the cap, a new key would retire the first one while tokens it signed are still alive, so
    // the newest key goes on signing and the JWKS says when the next key comes: when the first
    // key's last token expires (its successor's creation, plus the overlap, plus the lifetime).
    String newest = kids.get(0);
    long holdEnd = createdAt(kids.get(MAX_KEYS - 2)) + OVERLAP_MS + LIFETIME_MS;
    for (long at = createdAt(newest) + INTERVAL_MS; at < holdEnd; at += 600_000) {
      clockTo(at);
      Reply jwks = http.get(PREFIX + "/.well-known/jwks.json");
      assertEquals(kids, dynamicKids(jwks), "no key while the cap holds");
      assertEquals(
          "max-age=" + (holdEnd - at) / 1000 + ", must-revalidate",
          jwks.headers().get("cache-control"));
      assertEquals(newest, session().kid());
    }

    // Every token verifies until its last moment. Once the tokens a key signed have all expired,
    // the next key comes and retires it, published before it signs as ever: the previous key
    // signs through its overlap, past its own interval (watched for the first few).
    for (int step = 1; step < MAX_KEYS; step++) {
      Token bySuccessor = tokens.get(2 * step - 2);
      Token byKey = tokens.get(2 * step - 1);
      for (Token token : List.of(bySuccessor, byKey)) {
        clockTo(token.expiresAt() - 1);
        assertEquals("OK", verify(token), "token signed by " + token.kid() + " at its last moment");
      }
      if (step <= 4) {
        String current = dynamicKids().get(0);
        clockTo(createdAt(byKey.kid()) + OVERLAP_MS + LIFETIME_MS + 1);
        String next = awaitNewer(current);
        kids = dynamicKids();
        assertEquals(MAX_KEYS, kids.size(), kids.toString());
        assertFalse(kids.contains(bySuccessor.kid()), "the oldest key retired");
        assertTrue(kids.contains(byKey.kid()));
        assertEquals(current, session().kid(), "the new key is published before it signs");
        clockTo(createdAt(next) + OVERLAP_MS);
        assertEquals(next, session().kid());
      }
      assertTrue(dynamicKids().size() <= MAX_KEYS, "never more keys than the cap");
    }
  }

  void clockTo(long millis) {
    long by = millis - clock.millis();
    assertTrue(by >= 0, "the clock only moves forward");
    clock.advance(Duration.ofMillis(by));
  }

  static long createdAt(String kid) {
    return Long.parseLong(kid.substring(2));
  }

  Token session() {
    Reply reply =
        http.post(
            PREFIX + "/public/recipe/session",
            "{\"userId\":\"u1\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}",
            CDI);
    assertEquals(200, reply.status(), reply.body());
    JsonNode access = reply.json().get("accessToken");
    String token = access.get("token").asText();
    return new Token(token, kid(token), access.get("expiry").asLong() / 1000 * 1000);
  }

  String verify(Token token) {
    Reply reply =
        http.post(
            PREFIX + "/recipe/session/verify",
            "{\"accessToken\":\""
                + token.token()
                + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,"
                + "\"checkDatabase\":false}",
            CDI);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("status").asText();
  }

  static String kid(String jwt) {
    try {
      byte[] header = Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.')));
      return Json.MAPPER.readTree(header).get("kid").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> dynamicKids() {
    Reply jwks = http.get(PREFIX + "/.well-known/jwks.json");
    assertEquals(200, jwks.status());
    return dynamicKids(jwks);
  }

  static List<String> dynamicKids(Reply jwks) {
    List<String> kids = new ArrayList<>();
    jwks.json().get("keys").forEach(k -> kids.add(k.get("kid").asText()));
    assertTrue(kids.get(kids.size() - 1).startsWith("s-"), "the static key comes last");
    return kids.subList(0, kids.size() - 1);
  }

  /** Waits for the background job (every half second) to publish the key {@code kid}. */
  List<String> awaitNewest(String kid) {
    return awaitKids(kids -> kids.get(0).equals(kid), "the key " + kid);
  }

  /** Waits for a key newer than {@code kid}; returns it. */
  String awaitNewer(String kid) {
    return awaitKids(kids -> createdAt(kids.get(0)) > createdAt(kid), "a key after " + kid).get(0);
  }

  List<String> awaitKids(java.util.function.Predicate<List<String>> done, String what) {
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<String> kids = dynamicKids();
      if (done.test(kids)) {
        return kids;
      }
      assertTrue(System.nanoTime() < giveUp, "the background job never published " + what);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
