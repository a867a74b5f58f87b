package io.authcore.recipe.session;

import io.authcore.recipe.session.SigningKeys.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * What an app's key-rotation interval and access-token lifetime mean for its dynamic keys: when the
 * next one is created, which one signs, and which still verify. Keys are always given newest first.
 *
 * <p>The original (11.x, {@code signingkeys/AccessTokenSigningKey} and {@code SigningKeys}):
 *
 * <ul>
 *   <li>creates a key when none is younger than the interval less an overlap, so that it is
 *       published that long before it signs; the overlap is 60 s, except that under {@code
 *       test_mode} an interval below 60 s gets a fifth of itself ({@code
 *       getDynamicSigningKeyOverlapMS});
 *   <li>signs with the newest key, unless it is younger than the overlap while the previous one is
 *       still inside its interval ({@code getLatestIssuedDynamicKey});
 *   <li>verifies with, and publishes, every key younger than the interval plus twice the
 *       access-token lifetime ({@code SIGNING_KEY_VALIDITY_OVERLAP = 2}), and lets the JWKS be
 *       cached until the next key is due, at least 1 s ({@code getCacheDurationInSeconds});
 *   <li>deletes older keys once a day ({@code DeleteExpiredAccessTokenSigningKeys});
 *   <li>makes keys on requests, and bounds nothing else: at 0.001 h with the default one-hour
 *       token, an app asked continually gets a key every 2.9 s (11.4.7 under test_mode, polled) and
 *       would keep about 2,500.
 * </ul>
 *
 * <p>Here, three differences. The overlap is a fifth of any interval under five minutes (the
 * original's minute would make a key due at once at a one-minute interval). An app keeps at most
 * {@value #MAX_KEYS} keys: when one more would retire a key whose tokens may still be alive, the
 * current key goes on signing until it can retire, so every token stays verifiable for its whole
 * life and keys never pile up, whatever the interval (at an interval of an hour or more this takes
 * a token lifetime of some 30 intervals; past about 15, the JWKS already leaves out the oldest
 * keys, whose tokens have all expired). And a key whose successor came late (that hold, or no core
 * running) stays verifiable for as long as the tokens it signed until then.
 */
record RotationSchedule(long intervalMs, long tokenLifetimeMs) {
  static final int MAX_KEYS = 32;
  private static final long OVERLAP_MS = 60_000;

  /** How long a new key is published before it signs. */
  long overlapMs() {
    return Math.min(OVERLAP_MS, intervalMs / 5);
  }

  /** Whether a new key should be created now. */
  boolean due(List<Key> keys, long now) {
    return keys.isEmpty()
        || (now > keys.get(0).createdAt() + intervalMs - overlapMs() && !heldBack(keys, now));
  }

  /** Whether the key cap is what keeps a due key from being created. */
  boolean heldBack(List<Key> keys, long now) {
    return keys.size() >= MAX_KEYS && signedLiveTokens(keys, MAX_KEYS - 1, now);
  }

  /** When the next key will be created: its due time, or later while the cap holds it back. */
  long nextKeyAt(List<Key> keys) {
    long next = keys.get(0).createdAt() + intervalMs - overlapMs();
    if (keys.size() >= MAX_KEYS) {
      next = Math.max(next, keys.get(MAX_KEYS - 2).createdAt() + overlapMs() + tokenLifetimeMs);
    }
    return next;
  }

  /** The keys that may still verify a token: always a prefix, never empty when keys is not. */
  List<Key> verifiable(List<Key> keys, long now) {
    long margin = 2 * tokenLifetimeMs;
    List<Key> result = new ArrayList<>();
    for (int i = 0; i < Math.min(keys.size(), MAX_KEYS); i++) {
      boolean young = keys.get(i).createdAt() >= now - intervalMs - margin;
      boolean lateSuccessor =
          i > 0 && keys.get(i - 1).createdAt() + overlapMs() + tokenLifetimeMs >= now;
      if (i > 0 && !young && !lateSuccessor) {
        break;
      }
      result.add(keys.get(i));
    }
    return result;
  }

  /**
   * The key that signs now, among the verifiable ones. At the cap, keys come when the cap lets
   * them, not on the interval, so the previous key signs through the new one's overlap even past
   * its interval: the new one is still published before it signs.
   */
  Key signer(List<Key> verifiable, long now) {
    Key newest = verifiable.get(0);
    if (verifiable.size() > 1 && newest.createdAt() > now - overlapMs()) {
      Key previous = verifiable.get(1);
      if (previous.createdAt() + intervalMs > now || verifiable.size() >= MAX_KEYS) {
        return previous;
      }
    }
    return newest;
  }

  /**
   * Whether a token signed by {@code keys.get(i)} may be alive: a key signs at the latest until its
   * successor's overlap ends.
   */
  private boolean signedLiveTokens(List<Key> keys, int i, long now) {
    return i == 0 || keys.get(i - 1).createdAt() + overlapMs() + tokenLifetimeMs > now;
  }
}
