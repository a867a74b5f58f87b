package io.authcore.limits;

import io.authcore.limits.WindowCounters.Outcome;
import io.authcore.tenancy.TenantConfigs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The abuse limits as the recipes ask for them: per app (each app's settings, keys never shared
 * between apps), per instance and in memory. Keeping them per instance is a choice: Authcore keeps
 * the original's schema, so there is no table to share them in, and a failed sign-in costs no
 * database write. With k instances an attacker gets at most k times each limit, still far below a
 * useful guessing rate.
 *
 * <p>A refusal is logged once per key and window, at WARN, with the email or phone masked.
 */
public final class AbuseLimits {
  private static final Logger log = LoggerFactory.getLogger(AbuseLimits.class);

  /**
   * Keys held per limit: at some 170 bytes a key, 50,000 are under 9 MB. Flushing one account's
   * window out of the sign-in limit takes 50,000 failures on other accounts, each one a hash (some
   * 40 minutes of both cores of the benchmark machine at bcrypt's default cost).
   */
  public static final int MAX_KEYS = 50_000;

  static final String WINDOW_SETTING = "abuse_window_seconds";

  private final TenantConfigs configs;
  private final Clock clock;
  private final Map<Limit, WindowCounters> counters = new EnumMap<>(Limit.class);

  public AbuseLimits(TenantConfigs configs, Clock clock) {
    this(configs, clock, MAX_KEYS);
  }

  AbuseLimits(TenantConfigs configs, Clock clock, int maxKeys) {
    this.configs = configs;
    this.clock = clock;
    for (Limit limit : Limit.values()) {
      counters.put(limit, new WindowCounters(maxKeys));
    }
  }

  /**
   * Counts one event (a code or token made, a sign-up) for a key; false when the key already had
   * its limit in this window. A null key (no client address known) is never limited.
   */
  public boolean allow(Limit limit, String appId, String key) {
    int max = max(limit, appId);
    if (key == null || max <= 0) {
      return true;
    }
    Outcome outcome =
        counters.get(limit).count(appId + '\n' + key, max, windowMs(appId), clock.millis());
    report(outcome, limit, appId, key, max);
    return outcome.allowed();
  }

  /**
   * Admits an attempt under a limit, reserving a place before the costly check runs; empty when the
   * key's limit is used up. A null key is never limited.
   */
  public Optional<Attempt> begin(String appId, Limit limit, String key) {
    return begin(appId, List.of(limit), Arrays.asList(key));
  }

  /** As above, under two limits at once: admitted only if both have room. */
  public Optional<Attempt> begin(
      String appId, Limit first, String firstKey, Limit second, String secondKey) {
    return begin(appId, List.of(first, second), Arrays.asList(firstKey, secondKey));
  }

  private Optional<Attempt> begin(String appId, List<Limit> limits, List<String> keys) {
    List<Attempt.Place> places = new ArrayList<>();
    long now = clock.millis();
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      String key = keys.get(i);
      int max = max(limit, appId);
      if (key == null || max <= 0) {
        continue;
      }
      String stored = appId + '\n' + key;
      WindowCounters c = counters.get(limit);
      Outcome outcome = c.reserve(stored, max, windowMs(appId), now);
      report(outcome, limit, appId, key, max);
      if (!outcome.allowed()) {
        new Attempt(places, clock).abandoned(); // frees what the earlier limits reserved
        return Optional.empty();
      }
      places.add(new Attempt.Place(c, stored, limit.clearedBySuccess()));
    }
    return Optional.of(new Attempt(places, clock));
  }

  /** Forgets what a key has counted under a limit: its owner proved who they are another way. */
  public void clear(Limit limit, String appId, String key) {
    if (key != null) {
      counters.get(limit).clear(appId + '\n' + key);
    }
  }

  private int max(Limit limit, String appId) {
    return configs.appConfig(appId).integer(limit.setting());
  }

  private long windowMs(String appId) {
    return configs.appConfig(appId).integer(WINDOW_SETTING) * 1000L;
  }

  private void report(Outcome outcome, Limit limit, String appId, String key, int max) {
    if (outcome == Outcome.REFUSED_FIRST) {
      log.warn(
          "Abuse limit reached: {} = {} in app {} for {} {}; refused until its window of {} s"
              + " ends",
          limit.setting(),
          max,
          appId,
          limit.keyKind(),
          limit.keyKind().equals("account") ? Masked.account(key) : key,
          windowMs(appId) / 1000);
    }
  }
}
