package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import io.authcore.recipe.session.SigningKeys;
import io.authcore.storage.Storage;
import io.authcore.storage.jdbc.JdbcStorage;
import io.authcore.support.Backend;
import io.authcore.support.MutableClock;
import io.authcore.support.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each app's keys rotate on that app's own access_token_dynamic_signing_key_update_interval. */
class KeyRotationPerAppTest {

  static CoreConfig interval(String hours) {
    return ConfigLoader.load(
        null, Map.of(), Map.of("access_token_dynamic_signing_key_update_interval", hours), false);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anAppWithAShortIntervalRotatesWhileAnotherDoesNot(Backend backend) {
    MutableClock clock = new MutableClock();
    CoreConfig hourly = interval("1");
    CoreConfig weekly = interval("168");
    TenantConfigs configs =
        new TenantConfigs() {
          @Override
          public CoreConfig config(TenantId tenant) {
            return appConfig(tenant.appId());
          }

          @Override
          public CoreConfig appConfig(String appId) {
            return appId.equals("hourly") ? hourly : weekly;
          }

          @Override
          public Optional<TenantConfig> find(TenantId tenant) {
            return Optional.empty();
          }

          @Override
          public List<TenantConfig> all() {
            return List.of();
          }

          @Override
          public Set<String> appIds() {
            return Set.of("hourly", "public");
          }
        };
    try (Storage storage =
        JdbcStorage.open(ConfigLoader.load(null, Map.of(), TestDatabases.fresh(backend), false))) {
      storage.runInTransaction(
          tx ->
              tx.tenants()
                  .save(TenantConfig.everythingEnabled(TenantId.of("hourly", "public")), 0));
      SigningKeys keys = new SigningKeys(storage, clock, configs);
      configs.appIds().forEach(keys::ensureKeys);
      assertEquals(2, keys.published("hourly").size());
      assertEquals(2, keys.published("public").size());
      assertEquals(3540, keys.secondsUntilNextKey("hourly"));
      assertEquals(168 * 3600 - 60, keys.secondsUntilNextKey("public"));

      clock.advance(Duration.ofMinutes(59));
      keys.rotateDueApps(configs.appIds());
      assertEquals(2, keys.published("hourly").size(), "not due before the interval less a minute");
      clock.advance(Duration.ofSeconds(30));
      keys.rotateDueApps(configs.appIds());
      assertEquals(3, keys.published("hourly").size(), "a new key, published a minute ahead");
      assertEquals(2, keys.published("public").size(), "the weekly app keeps its key");
      keys.rotateDueApps(configs.appIds());
      assertEquals(3, keys.published("hourly").size(), "one new key, not one per call");
    }
  }
}
