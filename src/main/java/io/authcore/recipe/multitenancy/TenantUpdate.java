package io.authcore.recipe.multitenancy;

import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;

/**
 * A create-or-update request on a tenant, app or connection-URI domain: the v2 body ({@link
 * TenantChange}) or the deprecated v1 one ({@link LegacyTenantChange}), which create and change
 * tenants each by their own rules.
 */
interface TenantUpdate {
  /** What the target is before the change when it does not exist yet. */
  TenantConfig newTenant(TenantId id);

  /** The target after the change; the original's 400s for input that conflicts with the state. */
  TenantConfig applyTo(TenantConfig config);
}
