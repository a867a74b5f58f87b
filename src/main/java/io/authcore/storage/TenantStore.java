package io.authcore.storage;

import io.authcore.tenancy.TenantId;
import java.util.List;

/**
 * Which apps and tenants exist, read from {@code tenant_configs} (the only table that also knows
 * the connection-URI domain). The public app and tenant of the default domain always exist once
 * storage has started.
 */
public interface TenantStore {
  /** Every tenant of every app and connection-URI domain. */
  List<TenantId> all();

  /** True when the app's public tenant exists in its connection-URI domain. */
  boolean appExists(TenantId app);

  boolean tenantExists(TenantId tenant);
}
