package io.authcore.recipe.session;

import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.RsaKeys;
import io.authcore.storage.SigningKeyStore;
import io.authcore.storage.SigningKeyStore.DynamicKey;
import io.authcore.storage.SigningKeyStore.StaticKey;
import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantConfigs;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
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
  private final Timing timing;
  private final Map<String, AppKeys> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> nextRotationCheck = new ConcurrentHashMap<>();

  /** An app's key-rotation interval and access-token lifetime, in milliseconds. */
  private interface Timing {
    long updateIntervalMs(String appId);

    long accessTokenValidityMs(String appId);
  }

  /** One key ready to sign or verify. */
  public record Key(String kid, KeyPair pair, long createdAt) {
    public RSAPublicKey publicKey() {
      return (RSAPublicKey) pair.getPublic();
    }
  }

  private record AppKeys(List<Key> dynamic, List<Key> statics, long loadedAt) {}

  /** The same interval and token lifetime for every app. */
  public SigningKeys(
      Storage storage, Clock clock, long updateIntervalMs, long accessTokenValidityMs) {
    this(
        storage,
        clock,
        new Timing() {
          @Override
          public long updateIntervalMs(String appId) {
            return updateIntervalMs;
          }

          @Override
          public long accessTokenValidityMs(String appId) {
            return accessTokenValidityMs;
          }
        });
  }

  /**
   * Each app's {@code access_token_dynamic_signing_key_update_interval} and {@code
   * access_token_validity}, read from {@code configs} whenever they matter.
   */
  public SigningKeys(Storage storage, Clock clock, TenantConfigs configs) {
    this(
        storage,
        clock,
        new Timing() {
          @Override
          public long updateIntervalMs(String appId) {
            return (long)
                (configs
                        .appConfig(appId)
                        .decimal("access_token_dynamic_signing_key_update_interval")
                    * 3600_000);
          }

          @Override
          public long accessTokenValidityMs(String appId) {
            return configs.appConfig(appId).longValue("access_token_validity") * 1000;
          }
        });
  }

  private SigningKeys(Storage storage, Clock clock, Timing timing) {
    this.storage = storage;
    this.clock = clock;
    this.timing = timing;
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
    if (!rotationDue(appId, reload(appId).dynamic())) {
      return;
    }
    KeyPair pair = RsaKeys.generate();
    boolean created =
        storage.inTransaction(
            tx -> {
              SigningKeyStore keys = tx.signingKeys();
              keys.lockApp(appId);
              if (!rotationDue(appId, toKeys(keys.dynamicKeys(appId)))) {
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

  /**
   * Runs {@link #rotateIfDue} for each app whose turn has come: every tenth of its interval,
   * between half a second and 30 seconds, so a new key is always published well inside the
   * one-minute overlap. Call it every half second.
   */
  public void rotateDueApps(Collection<String> appIds) {
    long now = clock.millis();
    for (String appId : appIds) {
      if (nextRotationCheck.getOrDefault(appId, 0L) <= now) {
        long tick = Math.max(500, Math.min(30_000, timing.updateIntervalMs(appId) / 10));
        nextRotationCheck.put(appId, now + tick);
        AppKeys cached = cache.get(appId);
        if (cached != null && !rotationDue(appId, cached.dynamic())) {
          // Not due by what we hold, so not due at all: a key another core made is newer still,
          // and every core reloads when its cached key comes due, in time for the overlap.
          continue;
        }
        try {
          rotateIfDue(appId);
        } catch (RuntimeException e) {
          // One app's failure must not hold up the others; the next tick tries again.
          log.warn("app {}: could not rotate the signing key: {}", appId, e.toString());
        }
      }
    }
    nextRotationCheck.keySet().retainAll(appIds);
  }

  private boolean rotationDue(String appId, List<Key> dynamic) {
    long threshold = clock.millis() - timing.updateIntervalMs(appId) + OVERLAP_MS;
    return dynamic.stream().noneMatch(k -> k.createdAt() >= threshold);
  }

  /** Deletes dynamic keys that can no longer verify any unexpired token. */
  public int purgeExpired(String appId) {
    int deleted =
        storage.signingKeys().deleteDynamicKeysCreatedBefore(appId, verifiableSince(appId));
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
      if (previous.createdAt() + timing.updateIntervalMs(appId) > now) {
        return previous;
      }
    }
    return newest;
  }

  /** The key with this kid, reloading once from the database when it is not cached. */
  public Optional<Key> verificationKey(String appId, String kid) {
    return verificationKey(appId, kid, false);
  }

  /**
   * As above; with {@code memoryOnly}, throws {@link StorageNeeded} instead of reading the
   * database.
   */
  Optional<Key> verificationKey(String appId, String kid, boolean memoryOnly) {
    AppKeys cached = cache.get(appId);
    if (cached == null && memoryOnly) {
      throw StorageNeeded.INSTANCE;
    }
    AppKeys keys = cached != null ? cached : reload(appId);
    Optional<Key> key = find(appId, keys, kid);
    if (key.isEmpty() && clock.millis() - keys.loadedAt() >= MIN_RELOAD_GAP_MS) {
      if (memoryOnly) {
        throw StorageNeeded.INSTANCE;
      }
      key = find(appId, reload(appId), kid);
    }
    return key;
  }

  private Optional<Key> find(String appId, AppKeys keys, String kid) {
    long since = verifiableSince(appId);
    return keys.dynamic().stream()
        .filter(k -> k.kid().equals(kid) && k.createdAt() >= since)
        .findFirst()
        .or(() -> keys.statics().stream().filter(k -> k.kid().equals(kid)).findFirst());
  }

  /** What the JWKS publishes: verifiable dynamic keys, newest first, then the static keys. */
  public List<Key> published(String appId) {
    AppKeys keys = keys(appId);
    long since = verifiableSince(appId);
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
    long next = dynamic.get(0).createdAt() + timing.updateIntervalMs(appId) - OVERLAP_MS;
    return Math.max(1, (next - clock.millis()) / 1000);
  }

  /** Drops what is cached for an app (its keys may have been changed by another instance). */
  public void forget(String appId) {
    cache.remove(appId);
    nextRotationCheck.remove(appId);
  }

  private long verifiableSince(String appId) {
    return clock.millis()
        - (timing.updateIntervalMs(appId) + 2 * timing.accessTokenValidityMs(appId));
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
