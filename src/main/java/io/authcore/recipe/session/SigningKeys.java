package io.authcore.recipe.session;

import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.RsaKeys;
import io.authcore.storage.SigningKeyStore;
import io.authcore.storage.SigningKeyStore.DynamicKey;
import io.authcore.storage.SigningKeyStore.StaticKey;
import io.authcore.storage.Storage;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys that sign access tokens and JWTs, per app, kept in the database so that every
 * Authcore on it agrees, and cached here.
 *
 * <p>Dynamic keys ({@code d-<createdAtMs>}) rotate: a new one is created by {@link #rotateIfDue}
 * one minute before the current one stops signing, so that it is published in the JWKS before it
 * signs anything, and each stays verifiable for the update interval plus twice the access-token
 * lifetime. Key generation happens only at start-up and in the background, never on a request. The
 * static key ({@code s-<uuid>}) never rotates.
 */
public final class SigningKeys {
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  static final long OVERLAP_MS = 60_000;
  private static final long MIN_RELOAD_GAP_MS = 1_000;

  private final Storage storage;
  private final Clock clock;
  private final long updateIntervalMs;
  private final long accessTokenValidityMs;
  private final Map<String, AppKeys> cache = new ConcurrentHashMap<>();

  /** One key ready to sign or verify. */
  public record Key(String kid, KeyPair pair, long createdAt) {
    public RSAPublicKey publicKey() {
      return (RSAPublicKey) pair.getPublic();
    }
  }

  private record AppKeys(List<Key> dynamic, List<Key> statics, long loadedAt) {}

  public SigningKeys(
      Storage storage, Clock clock, long updateIntervalMs, long accessTokenValidityMs) {
    this.storage = storage;
    this.clock = clock;
    this.updateIntervalMs = updateIntervalMs;
    this.accessTokenValidityMs = accessTokenValidityMs;
  }

  /** Creates the app's first keys when it has none; run at start-up and when an app is made. */
  public void ensureKeys(String appId) {
    rotateIfDue(appId);
    if (keys(appId).statics().isEmpty()) {
      KeyPair pair = RsaKeys.generate();
      storage.runInTransaction(
          tx -> {
            tx.signingKeys().lockApp(appId);
            if (tx.signingKeys().staticKeys(appId).isEmpty()) {
              tx.signingKeys()
                  .insertStaticKey(
                      appId,
                      new StaticKey(
                          "s-" + RandomTokens.uuid(),
                          RsaKeys.serialise(pair),
                          "RS256",
                          clock.millis()));
            }
          });
      reload(appId);
    }
  }

  /**
   * Creates the next dynamic key when no stored key is younger than the update interval minus one
   * minute. Two instances doing this at once create one key: the decision is taken under a lock.
   */
  public void rotateIfDue(String appId) {
    if (!rotationDue(reload(appId).dynamic())) {
      return;
    }
    KeyPair pair = RsaKeys.generate();
    boolean created =
        storage.inTransaction(
            tx -> {
              SigningKeyStore keys = tx.signingKeys();
              keys.lockApp(appId);
              if (!rotationDue(toKeys(keys.dynamicKeys(appId)))) {
                return false;
              }
              keys.insertDynamicKey(appId, new DynamicKey(clock.millis(), RsaKeys.serialise(pair)));
              return true;
            });
    if (created) {
      log.info("app {}: created a new access-token signing key", appId);
    }
    reload(appId);
  }

  private boolean rotationDue(List<Key> dynamic) {
    long threshold = clock.millis() - updateIntervalMs + OVERLAP_MS;
    return dynamic.stream().noneMatch(k -> k.createdAt() >= threshold);
  }

  /** Deletes dynamic keys that can no longer verify any unexpired token. */
  public int purgeExpired(String appId) {
    int deleted = storage.signingKeys().deleteDynamicKeysCreatedBefore(appId, verifiableSince());
    if (deleted > 0) {
      reload(appId);
    }
    return deleted;
  }

  /**
   * The key that signs new tokens: the newest dynamic key, except in its first minute while the
   * previous one is still inside its own interval (the new key may not be in every client's JWKS
   * yet), or the static key.
   */
  public Key signingKey(String appId, boolean dynamic) {
    AppKeys keys = keys(appId);
    if (!dynamic) {
      if (keys.statics().isEmpty()) {
        throw new IllegalStateException("app " + appId + " has no static signing key");
      }
      return keys.statics().get(keys.statics().size() - 1);
    }
    List<Key> candidates = keys.dynamic();
    if (candidates.isEmpty()) {
      throw new IllegalStateException("app " + appId + " has no dynamic signing key");
    }
    long now = clock.millis();
    Key newest = candidates.get(0);
    if (candidates.size() > 1 && newest.createdAt() > now - OVERLAP_MS) {
      Key previous = candidates.get(1);
      if (previous.createdAt() + updateIntervalMs > now) {
        return previous;
      }
    }
    return newest;
  }

  /** The key with this kid, reloading once from the database when it is not cached. */
  public Optional<Key> verificationKey(String appId, String kid) {
    Optional<Key> key = find(keys(appId), kid);
    if (key.isEmpty() && clock.millis() - keys(appId).loadedAt() >= MIN_RELOAD_GAP_MS) {
      key = find(reload(appId), kid);
    }
    return key;
  }

  private Optional<Key> find(AppKeys keys, String kid) {
    long since = verifiableSince();
    return keys.dynamic().stream()
        .filter(k -> k.kid().equals(kid) && k.createdAt() >= since)
        .findFirst()
        .or(() -> keys.statics().stream().filter(k -> k.kid().equals(kid)).findFirst());
  }

  /** What the JWKS publishes: verifiable dynamic keys, newest first, then the static keys. */
  public List<Key> published(String appId) {
    AppKeys keys = keys(appId);
    long since = verifiableSince();
    List<Key> result = new ArrayList<>();
    keys.dynamic().stream().filter(k -> k.createdAt() >= since).forEach(result::add);
    result.addAll(keys.statics());
    return result;
  }

  /** Seconds until the next dynamic key appears: how long clients may cache the JWKS. */
  public long secondsUntilNextKey(String appId) {
    List<Key> dynamic = keys(appId).dynamic();
    if (dynamic.isEmpty()) {
      return 1;
    }
    long next = dynamic.get(0).createdAt() + updateIntervalMs - OVERLAP_MS;
    return Math.max(1, (next - clock.millis()) / 1000);
  }

  /** Drops what is cached for an app (its keys may have been changed by another instance). */
  public void forget(String appId) {
    cache.remove(appId);
  }

  private long verifiableSince() {
    return clock.millis() - (updateIntervalMs + 2 * accessTokenValidityMs);
  }

  private AppKeys keys(String appId) {
    AppKeys keys = cache.get(appId);
    return keys != null ? keys : reload(appId);
  }

  private AppKeys reload(String appId) {
    SigningKeyStore store = storage.signingKeys();
    List<Key> statics = new ArrayList<>();
    for (StaticKey k : store.staticKeys(appId)) {
      statics.add(new Key(k.keyId(), RsaKeys.parse(k.value()), k.createdAt()));
    }
    AppKeys keys =
        new AppKeys(toKeys(store.dynamicKeys(appId)), List.copyOf(statics), clock.millis());
    cache.put(appId, keys);
    return keys;
  }

  private static List<Key> toKeys(List<DynamicKey> rows) {
    return rows.stream()
        .map(r -> new Key("d-" + r.createdAt(), RsaKeys.parse(r.value()), r.createdAt()))
        .toList();
  }
}
