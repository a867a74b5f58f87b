package io.authcore.tenancy;

/**
 * Where a request belongs: connection-URI domain (empty for the default), app and tenant. Ids are
 * lower case, as the original lower-cases the request path before it reads them.
 */
public record TenantId(String connectionUriDomain, String appId, String tenantId) {
  public static final String DEFAULT = "public";
  public static final TenantId BASE = new TenantId("", DEFAULT, DEFAULT);

  public static TenantId of(String appId, String tenantId) {
    return new TenantId("", appId, tenantId);
  }

  public boolean isPublicTenant() {
    return tenantId.equals(DEFAULT);
  }

  public boolean isPublicApp() {
    return appId.equals(DEFAULT);
  }

  /** The public tenant of this one's app: where app-level settings live. */
  public TenantId appLevel() {
    // Most requests name the public tenant already: asked on every request, so no copy for them.
    return isPublicTenant() ? this : new TenantId(connectionUriDomain, appId, DEFAULT);
  }
}
