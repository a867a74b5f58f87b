package io.authcore.tenancy;

/**
 * The registry of apps and tenants that the web layer consults before it calls an endpoint. Until
 * multitenancy lands only the base app and tenant exist.
 */
public interface Tenants {
  boolean appExists(TenantId app);

  boolean tenantExists(TenantId tenant);

  /** True when {@code host} is a connection-URI domain that was created in this core. */
  default boolean isKnownConnectionUriDomain(String host) {
    return false;
  }

  /** Only {@code public} in the base app. */
  Tenants BASE_ONLY =
      new Tenants() {
        @Override
        public boolean appExists(TenantId app) {
          return app.connectionUriDomain().isEmpty() && app.isPublicApp();
        }

        @Override
        public boolean tenantExists(TenantId tenant) {
          return appExists(tenant) && tenant.isPublicTenant();
        }
      };
}
