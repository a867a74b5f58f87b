package io.authcore.recipe.license;

import io.authcore.storage.KeyValueStore.KeyValue;
import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The license key of each app, kept where the original keeps it ({@code key_value} {@code
 * LICENSE_KEY} of the app's public tenant) and never sent anywhere: Authcore enables every feature
 * the original sells, with or without a key.
 */
public final class LicenseService {
  /** The original's feature names, in its order. */
  public static final List<String> FEATURES =
      List.of(
          "account_linking",
          "multi_tenancy",
          "test",
          "dashboard_login",
          "mfa",
          "security",
          "oauth",
          "saml");

  static final String KEY_NAME = "LICENSE_KEY";

  /** What the original writes when the key is removed. */
  static final String REMOVED = "NOT_PRESENT";

  private static final long DAY_MS = 24L * 3600 * 1000;
  private static final int MAU_DAYS = 31;

  private final Storage storage;
  private final Clock clock;

  public LicenseService(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  public void setKey(TenantId app, String licenseKey) {
    storage.keyValue().set(app.appLevel(), KEY_NAME, new KeyValue(licenseKey, clock.millis()));
  }

  public Optional<String> key(TenantId app) {
    return storage
        .keyValue()
        .get(app.appLevel(), KEY_NAME)
        .map(KeyValue::value)
        .filter(v -> !v.equals(REMOVED));
  }

  public void removeKey(TenantId app) {
    storage.keyValue().set(app.appLevel(), KEY_NAME, new KeyValue(REMOVED, clock.millis()));
  }

  /** Users active in the last 1, 2, ... 31 days, as the original reports them. */
  public List<Integer> monthlyActiveUsers(TenantId app) {
    long now = clock.millis();
    List<Long> lastActive = storage.tenants().lastActiveTimes(app.appId(), now - MAU_DAYS * DAY_MS);
    Integer[] counts = new Integer[MAU_DAYS];
    for (int day = 0; day < MAU_DAYS; day++) {
      long since = now - (day + 1) * DAY_MS;
      counts[day] = (int) lastActive.stream().filter(t -> t >= since).count();
    }
    return List.of(counts);
  }
}
