package io.authcore.tenancy;

import io.authcore.config.CoreConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every tenant's stored configuration and the effective {@link CoreConfig} it gives, as the web
 * layer and the recipes read them. Answers come from memory; an implementation reloads from the
 * database at least once a minute, so a change made through another Authcore on the same database
 * takes effect here within that time.
 */
public interface TenantConfigs {
  /**
   * The configuration in effect for a tenant: config.yaml overridden by the coreConfig of its
   * connection-URI domain, app and tenant. For a tenant that does not exist, that of its app's
   * public tenant; for an app that does not exist, the base config.
   */
  CoreConfig config(TenantId tenant);

  /**
   * The app-level configuration of an app known only by its id (storage keys data by app id alone):
   * its public tenant in the default connection-URI domain, else in any domain.
   */
  CoreConfig appConfig(String appId);

  Optional<TenantConfig> find(TenantId tenant);

  /** Every tenant, ordered by connection-URI domain, app and tenant id. */
  List<TenantConfig> all();

  /** The id of every app in any connection-URI domain. */
  Set<String> appIds();

  /** One configuration for every tenant, for tests and tools without a database. */
  static TenantConfigs fixed(CoreConfig config) {
    return new TenantConfigs() {
      @Override
      public CoreConfig config(TenantId tenant) {
        return config;
      }

      @Override
      public CoreConfig appConfig(String appId) {
        return config;
      }

      @Override
      public Optional<TenantConfig> find(TenantId tenant) {
        return tenant.equals(TenantId.BASE)
            ? Optional.of(TenantConfig.everythingEnabled(TenantId.BASE))
            : Optional.empty();
      }

      @Override
      public List<TenantConfig> all() {
        return List.of(TenantConfig.everythingEnabled(TenantId.BASE));
      }

      @Override
      public Set<String> appIds() {
        return Set.of(TenantId.DEFAULT);
      }
    };
  }
}
