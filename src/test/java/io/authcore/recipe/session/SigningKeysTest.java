package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.ConfigLoader;
import io.authcore.recipe.session.SigningKeys.Key;
import io.authcore.storage.Storage;
import io.authcore.storage.jdbc.JdbcStorage;
import io.authcore.support.Backend;
import io.authcore.support.MutableClock;
import io.authcore.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key rotation on a clock the test moves, against real storage. */
class SigningKeysTest {
  static final long HOUR = 3600_000;
  static final String APP = "public";

  static Storage open(Map<String, String> database) {
    return JdbcStorage.open(ConfigLoader.load(null, Map.of(), database, false));
  }

  static List<String> kids(List<Key> keys) {
    return keys.stream().map(Key::kid).toList();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rotatesOneMinuteAheadAndKeepsOldKeysVerifiable(Backend backend) {
    MutableClock clock = new MutableClock(1_000_000_000_000L);
    try (Storage storage = open(TestDatabases.fresh(backend))) {
      SigningKeys keys = new SigningKeys(storage, clock, HOUR, HOUR);
      keys.ensureKeys(APP);
      List<Key> first = keys.published(APP);
      assertEquals(2, first.size());
      String oldKid = "d-" + clock.millis();
      assertEquals(oldKid, first.get(0).kid());
      assertTrue(first.get(1).kid().startsWith("s-"));
      assertEquals(3540, keys.secondsUntilNextKey(APP), "cache until the next key appears");

      clock.advance(Duration.ofMinutes(59));
      keys.rotateIfDue(APP);
      assertEquals(2, keys.published(APP).size(), "not due before interval minus a minute");

      clock.advance(Duration.ofSeconds(1));
      keys.rotateIfDue(APP);
      String newKid = "d-" + clock.millis();
      assertEquals(newKid, keys.published(APP).get(0).kid(), "published newest first");
      assertEquals(oldKid, keys.signingKey(APP, true).kid(), "a new key waits a minute to sign");

      clock.advance(Duration.ofSeconds(60));
      assertEquals(newKid, keys.signingKey(APP, true).kid());
      assertTrue(keys.verificationKey(APP, oldKid).isPresent());

      // The old key is now exactly 3 h old: the interval plus twice the access-token lifetime.
      clock.advance(Duration.ofMinutes(119).plusSeconds(59));
      assertTrue(keys.verificationKey(APP, oldKid).isPresent(), "still verifiable at the limit");
      clock.advance(Duration.ofMillis(1));
      assertTrue(keys.verificationKey(APP, oldKid).isEmpty(), "past interval + 2 x validity");
      assertFalse(kids(keys.published(APP)).contains(oldKid));
      assertEquals(1, keys.purgeExpired(APP));
      assertEquals(0, keys.purgeExpired(APP));
      String staticKid = first.get(1).kid();
      assertEquals(staticKid, keys.signingKey(APP, false).kid(), "the static key never rotates");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aShortIntervalRotatesOnAFifthOfItselfAndKeepsOnlyTheKeysThatStillVerify(Backend backend) {
    MutableClock clock = new MutableClock(1_000_000_000_000L);
    try (Storage storage = open(TestDatabases.fresh(backend))) {
      // 0.001 h, as test_mode allows, with two-second access tokens.
      SigningKeys keys = new SigningKeys(storage, clock, 3_600, 2_000);
      keys.ensureKeys(APP);
      for (int i = 0; i < 40; i++) {
        String current = keys.published(APP).get(0).kid();
        long createdAt = Long.parseLong(current.substring(2));
        clock.advance(Duration.ofMillis(createdAt + 2_880 - clock.millis()));
        keys.rotateIfDue(APP);
        assertEquals(current, keys.published(APP).get(0).kid(), "due after 4/5 of the interval");
        clock.advance(Duration.ofMillis(1));
        keys.rotateIfDue(APP);
        String next = "d-" + clock.millis();
        List<String> published = kids(keys.published(APP));
        assertEquals(next, published.get(0));
        assertEquals(current, keys.signingKey(APP, true).kid(), "published before it signs");
        // Each key verifies for the interval plus twice the lifetime (7.6 s): the rotation
        // deletes the key it retires, so what is stored is what is published.
        List<String> stored =
            storage.signingKeys().dynamicKeys(APP, 1000).stream()
                .map(k -> "d-" + k.createdAt())
                .toList();
        assertEquals(published.subList(0, published.size() - 1), stored);
        assertTrue(stored.size() <= 3, stored.toString());
        // The previous key signs to the end of its interval, 719 ms on (the new one came 1 ms
        // late).
        clock.advance(Duration.ofMillis(718));
        assertEquals(current, keys.signingKey(APP, true).kid());
        clock.advance(Duration.ofMillis(1));
        assertEquals(next, keys.signingKey(APP, true).kid());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void ensureKeysIsIdempotent(Backend backend) {
    MutableClock clock = new MutableClock();
    try (Storage storage = open(TestDatabases.fresh(backend))) {
      SigningKeys keys = new SigningKeys(storage, clock, HOUR, HOUR);
      keys.ensureKeys(APP);
      List<String> before = kids(keys.published(APP));
      keys.ensureKeys(APP);
      new SigningKeys(storage, clock, HOUR, HOUR).ensureKeys(APP);
      assertEquals(before, kids(keys.published(APP)));
    }
  }

  @org.junit.jupiter.api.Test
  void twoInstancesRotatingTogetherCreateOneKey() throws Exception {
    Map<String, String> database = TestDatabases.fresh(Backend.POSTGRES);
    MutableClock clock = new MutableClock();
    try (Storage a = open(database);
        Storage b = open(database)) {
      SigningKeys first = new SigningKeys(a, clock, HOUR, HOUR);
      SigningKeys second = new SigningKeys(b, clock, HOUR, HOUR);
      CompletableFuture<Void> one = CompletableFuture.runAsync(() -> first.ensureKeys(APP));
      CompletableFuture<Void> two = CompletableFuture.runAsync(() -> second.ensureKeys(APP));
      one.get();
      two.get();
      assertEquals(kids(first.published(APP)), kids(second.published(APP)));
      assertEquals(2, first.published(APP).size(), "one dynamic and one static key, not two each");

      clock.advance(Duration.ofMinutes(59).plusSeconds(1));
      CompletableFuture<Void> r1 = CompletableFuture.runAsync(() -> first.rotateIfDue(APP));
      CompletableFuture<Void> r2 = CompletableFuture.runAsync(() -> second.rotateIfDue(APP));
      r1.get();
      r2.get();
      second.forget(APP);
      assertEquals(3, second.published(APP).size());
      assertEquals(kids(first.published(APP)), kids(second.published(APP)));
      assertNotEquals(
          first.published(APP).get(0).kid(), first.published(APP).get(1).kid(), "distinct keys");
    }
  }
}
