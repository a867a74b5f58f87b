package io.authcore.recipe;

import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;

/**
 * The checks of app-wide endpoints that make them in the original's order and words themselves
 * ({@code Scope.NONE}) rather than leave them to the pipeline's {@code Scope.APP_PUBLIC_TENANT}.
 */
public final class AppScope {
  private AppScope() {}

  /** From CDI 5.0 only the public tenant may call an app-wide endpoint. */
  public static void requirePublicTenant(Call call) {
    if (call.cdi().atLeast(CdiVersion.V5_0) && !call.tenant().isPublicTenant()) {
      throw HttpError.forbidden("Only public tenantId can call this app specific API");
    }
  }

  /** The app's public tenant, which must exist (the original names it in the 400). */
  public static TenantId existingApp(Call call, Tenants tenants) {
    TenantId app = call.tenant().appLevel();
    if (!tenants.appExists(app)) {
      throw HttpError.tenantNotFound(app);
    }
    return app;
  }

  /** Both, in the order most of the original's app-wide endpoints make them. */
  public static TenantId publicTenantOfExistingApp(Call call, Tenants tenants) {
    requirePublicTenant(call);
    return existingApp(call, tenants);
  }
}
