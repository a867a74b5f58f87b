package io.authcore.recipe.session;

import static io.authcore.recipe.session.RotationSchedule.MAX_KEYS;

import io.authcore.config.CoreConfig;
import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.RsaKeys;
import io.authcore.events.AuthEvents;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys that sign access tokens and JWTs, per app, kept in the database so that every
 * Authcore on it agrees, and cached here.
 *
 * <p>Dynamic keys ({@code d-<createdAtMs>}) rotate on the app's {@link RotationSchedule}: a new one
 * is created by {@link #rotateIfDue} an overlap (a minute at normal intervals) before the current
 * one stops signing, so that it is published in the JWKS before it signs anything, and each stays
 * verifiable for the update interval plus twice the access-token lifetime; an app keeps at most
 * {@value RotationSchedule#MAX_KEYS}. Key generation happens only at start-up and in the
 * background, never on a request. The static key ({@code s-<uuid>}) never rotates.
 */
public final class SigningKeys {
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final long MIN_RELOAD_GAP_MS = 1_000;
  private static final long STATIC_KEY_LIFETIME_MS = 10L * 365 * 24 * 3600 * 1000;

  private final Storage storage;
  private final Clock clock;
  private final Function<String, RotationSchedule> schedules;
  private final Map<String, AppKeys> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> nextRotationCheck = new ConcurrentHashMap<>();
  private final Set<String> heldBack = ConcurrentHashMap.newKeySet();
  private volatile AuthEvents events = AuthEvents.NONE;

  /** One key ready to sign or verify. */
  public record Key(String kid, KeyPair pair, long createdAt) {
    public RSAPublicKey publicKey() {
      return (RSAPublicKey) pair.getPublic();
    }
  }

  /** The newest stored dynamic keys (at most the cap; some may no longer verify), newest first. */
  private record AppKeys(List<Key> dynamic, List<Key> statics, long loadedAt) {}

  /** The same interval and token lifetime for every app. */
  public SigningKeys(
      Storage storage, Clock clock, long updateIntervalMs, long accessTokenValidityMs) {
    this(storage, clock, appId -> new RotationSchedule(updateIntervalMs, accessTokenValidityMs));
  }

  /**
   * Each app's {@code access_token_dynamic_signing_key_update_interval} and {@code
   * access_token_validity}, read from {@code configs} whenever they matter.
   */
  public SigningKeys(Storage storage, Clock clock, TenantConfigs configs) {
    this(
        storage,
        clock,
        appId -> {
          CoreConfig config = configs.appConfig(appId);
          return new RotationSchedule(
              (long)
                  (config.decimal("access_token_dynamic_signing_key_update_interval") * 3600_000),
              config.longValue("access_token_validity") * 1000);
        });
  }

  private SigningKeys(Storage storage, Clock clock, Function<String, RotationSchedule> schedules) {
    this.storage = storage;
    this.clock = clock;
    this.schedules = schedules;
  }

  /** Tells {@code newEvents} of each rotation from now on. */
  public void reportTo(AuthEvents newEvents) {
    this.events = newEvents;
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
   * Creates the next dynamic key when the app's schedule says it is due, and deletes the keys that
   * one retires. Two instances doing this at once create one key: the decision is taken under a
   * lock.
   */
  public void rotateIfDue(String appId) {
    RotationSchedule schedule = schedules.apply(appId);
    if (!due(appId, schedule, reload(appId).dynamic())) {
      return;
    }
    KeyPair pair = RsaKeys.generate();
    boolean created =
        storage.inTransaction(
            tx -> {
              SigningKeyStore store = tx.signingKeys();
              store.lockApp(appId);
              List<Key> current = toKeys(appId, store.dynamicKeys(appId, MAX_KEYS));
              long now = clock.millis();
              if (!schedule.due(current, now)) {
                return false;
              }
              store.insertDynamicKey(appId, new DynamicKey(now, RsaKeys.serialise(pair)));
              List<Key> after = new ArrayList<>();
              after.add(new Key("d-" + now, pair, now));
              after.addAll(current);
              store.deleteDynamicKeysCreatedBefore(appId, oldestVerifiable(schedule, after, now));
              return true;
            });
    if (created) {
      events.signingKeyRotated(appId);
      log.info("app {}: created a new access-token signing key", appId);
    }
    reload(appId);
  }

  /**
   * Runs {@link #rotateIfDue} for each app whose turn has come: every tenth of its interval,
   * between half a second and 30 seconds, so a new key is published inside its overlap: well inside
   * a minute at normal intervals, and inside the 720 ms of the shortest interval test_mode allows
   * (3.6 s) unless generating the key takes longer than the rest. Call it every half second.
   */
  public void rotateDueApps(Collection<String> appIds) {
    long now = clock.millis();
    for (String appId : appIds) {
      if (nextRotationCheck.getOrDefault(appId, 0L) <= now) {
        RotationSchedule schedule = schedules.apply(appId);
        long tick = Math.max(500, Math.min(30_000, schedule.intervalMs() / 10));
        nextRotationCheck.put(appId, now + tick);
        AppKeys cached = cache.get(appId);
        if (cached != null && !due(appId, schedule, cached.dynamic())) {
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

  /** As the schedule says, noting once when the key cap starts holding the app's rotation back. */
  private boolean due(String appId, RotationSchedule schedule, List<Key> dynamic) {
    long now = clock.millis();
    if (!schedule.heldBack(dynamic, now)
        || dynamic.get(0).createdAt() + schedule.intervalMs() > now) {
      heldBack.remove(appId);
    } else if (heldBack.add(appId)) {
      log.info(
          "app {}: its signing key goes on signing past the rotation interval, until an older key"
              + " has no live token left (an app keeps at most {} keys; access_token_validity is"
              + " long for access_token_dynamic_signing_key_update_interval)",
          appId,
          MAX_KEYS);
    }
    return schedule.due(dynamic, now);
  }

  /** Deletes the dynamic keys that can no longer verify any token (the rotation does too). */
  public int purgeExpired(String appId) {
    List<Key> dynamic = reload(appId).dynamic();
    if (dynamic.isEmpty()) {
      return 0;
    }
    // A key made meanwhile by another core only retires more: this deletes no more than it may.
    long cutoff = oldestVerifiable(schedules.apply(appId), dynamic, clock.millis());
    int deleted = storage.signingKeys().deleteDynamicKeysCreatedBefore(appId, cutoff);
    if (deleted > 0) {
      reload(appId);
    }
    return deleted;
  }

  private static long oldestVerifiable(RotationSchedule schedule, List<Key> dynamic, long now) {
    List<Key> verifiable = schedule.verifiable(dynamic, now);
    return verifiable.get(verifiable.size() - 1).createdAt();
  }

  /**
   * The key that signs new tokens: the newest dynamic key, except in its overlap while the previous
   * one may still sign (the new key may not be in every client's JWKS yet), or the static key.
   */
  public Key signingKey(String appId, boolean dynamic) {
    AppKeys keys = keys(appId);
    if (!dynamic) {
      if (keys.statics().isEmpty()) {
        throw new IllegalStateException("app " + appId + " has no static signing key");
      }
      return keys.statics().get(keys.statics().size() - 1);
    }
    if (keys.dynamic().isEmpty()) {
      throw new IllegalStateException("app " + appId + " has no dynamic signing key");
    }
    RotationSchedule schedule = schedules.apply(appId);
    long now = clock.millis();
    return schedule.signer(schedule.verifiable(keys.dynamic(), now), now);
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

  /**
   * The first key, dynamic or static, for which {@code verifies} holds: a legacy token names no
   * key. Reloads once from the database as {@link #verificationKey} does; with {@code memoryOnly},
   * throws {@link StorageNeeded} instead.
   */
  Optional<Key> findVerifying(String appId, Predicate<Key> verifies, boolean memoryOnly) {
    AppKeys cached = cache.get(appId);
    if (cached == null && memoryOnly) {
      throw StorageNeeded.INSTANCE;
    }
    AppKeys keys = cached != null ? cached : reload(appId);
    Optional<Key> key = allOf(appId, keys).stream().filter(verifies).findFirst();
    if (key.isEmpty() && clock.millis() - keys.loadedAt() >= MIN_RELOAD_GAP_MS) {
      if (memoryOnly) {
        throw StorageNeeded.INSTANCE;
      }
      key = allOf(appId, reload(appId)).stream().filter(verifies).findFirst();
    }
    return key;
  }

  private List<Key> allOf(String appId, AppKeys keys) {
    List<Key> all = new ArrayList<>(verifiable(appId, keys));
    all.addAll(keys.statics());
    return all;
  }

  /** A public key as clients below CDI 2.21 were given it, with the times they cached it by. */
  public record LegacyKey(String publicKey, long expiryTime, long createdAt) {}

  /**
   * What clients below CDI 2.21 verify tokens with: the signing key, when it stops signing, and
   * (from CDI 2.9) every key that may still verify, each until it stops verifying. With {@code
   * dynamic} false, the static key, which the original says expires in ten years.
   */
  public record LegacyKeys(String publicKey, long expiryTime, List<LegacyKey> keys) {}

  public LegacyKeys legacyKeys(String appId, boolean dynamic) {
    if (!dynamic) {
      Key key = signingKey(appId, false);
      String publicKey = RsaKeys.publicKeyBase64(key.publicKey());
      return new LegacyKeys(
          publicKey,
          STATIC_KEY_LIFETIME_MS,
          List.of(
              new LegacyKey(publicKey, key.createdAt() + STATIC_KEY_LIFETIME_MS, key.createdAt())));
    }
    RotationSchedule schedule = schedules.apply(appId);
    Key signer = signingKey(appId, true);
    List<LegacyKey> listed = new ArrayList<>();
    for (Key k : verifiable(appId, keys(appId))) {
      listed.add(
          new LegacyKey(
              RsaKeys.publicKeyBase64(k.publicKey()),
              k.createdAt() + schedule.intervalMs() + 2 * schedule.tokenLifetimeMs(),
              k.createdAt()));
    }
    return new LegacyKeys(
        RsaKeys.publicKeyBase64(signer.publicKey()),
        signer.createdAt() + schedule.intervalMs(),
        listed);
  }

  private Optional<Key> find(String appId, AppKeys keys, String kid) {
    return verifiable(appId, keys).stream()
        .filter(k -> k.kid().equals(kid))
        .findFirst()
        .or(() -> keys.statics().stream().filter(k -> k.kid().equals(kid)).findFirst());
  }

  /** What the JWKS publishes: verifiable dynamic keys, newest first, then the static keys. */
  public List<Key> published(String appId) {
    AppKeys keys = keys(appId);
    List<Key> result = new ArrayList<>(verifiable(appId, keys));
    result.addAll(keys.statics());
    return result;
  }

  /** Seconds until the next dynamic key appears: how long clients may cache the JWKS. */
  public long secondsUntilNextKey(String appId) {
    List<Key> dynamic = keys(appId).dynamic();
    if (dynamic.isEmpty()) {
      return 1;
    }
    long next = schedules.apply(appId).nextKeyAt(dynamic);
    return Math.max(1, (next - clock.millis()) / 1000);
  }

  /** Drops what is cached for an app (its keys may have been changed by another instance). */
  public void forget(String appId) {
    cache.remove(appId);
    nextRotationCheck.remove(appId);
    heldBack.remove(appId);
  }

  private List<Key> verifiable(String appId, AppKeys keys) {
    return schedules.apply(appId).verifiable(keys.dynamic(), clock.millis());
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
        new AppKeys(
            toKeys(appId, store.dynamicKeys(appId, MAX_KEYS)),
            List.copyOf(statics),
            clock.millis());
    cache.put(appId, keys);
    return keys;
  }

  /** Parses the rows, reusing the keys already cached: a key's kid is its creation time. */
  private List<Key> toKeys(String appId, List<DynamicKey> rows) {
    AppKeys cached = cache.get(appId);
    Map<Long, Key> known = new HashMap<>();
    if (cached != null) {
      cached.dynamic().forEach(k -> known.put(k.createdAt(), k));
    }
    return rows.stream()
        .map(
            r -> {
              Key key = known.get(r.createdAt());
              return key != null
                  ? key
                  : new Key("d-" + r.createdAt(), RsaKeys.parse(r.value()), r.createdAt());
            })
        .toList();
  }
}
