package io.authcore.recipe.license;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import java.util.Optional;

/**
 * {@code /ee/license} and {@code /ee/featureflag}, per app and from its public tenant only. The key
 * is stored and returned, never checked: every feature is on.
 */
public final class LicenseApi implements Api {
  private final LicenseService licenses;
  private final Tenants tenants;

  public LicenseApi(LicenseService licenses, Tenants tenants) {
    this.licenses = licenses;
    this.tenants = tenants;
  }

  @Override
  public void routes(Routes r) {
    r.put("/ee/license", this::put).scope(Scope.NONE);
    r.get("/ee/license", this::get).scope(Scope.NONE);
    r.delete("/ee/license", this::delete).scope(Scope.NONE);
    r.get("/ee/featureflag", this::featureFlags).scope(Scope.NONE);
  }

  // The original's checks, in the order each endpoint makes them.
  private TenantId existingApp(Call call) {
    return AppScope.existingApp(call, tenants);
  }

  private static void publicTenantOnly(Call call) {
    AppScope.requirePublicTenant(call);
  }

  private Object put(Call call) {
    JsonBody in = call.body();
    Optional<String> licenseKey = in.optionalString("licenseKey");
    if (licenseKey.isEmpty() && !in.node().isEmpty()) {
      throw HttpError.badRequest("Field name 'licenseKey' is missing in JSON input");
    }
    TenantId app = existingApp(call);
    publicTenantOnly(call);
    // Without a key the original re-reads the features of the stored one: nothing to do here.
    licenseKey.ifPresent(key -> licenses.setKey(app, key));
    return Json.ok();
  }

  private Object get(Call call) {
    publicTenantOnly(call);
    TenantId app = existingApp(call);
    return licenses
        .key(app)
        .<Object>map(key -> Json.object().put("licenseKey", key).put("status", "OK"))
        .orElseGet(() -> Json.object().put("status", "NO_LICENSE_KEY_FOUND_ERROR"));
  }

  private Object delete(Call call) {
    publicTenantOnly(call);
    licenses.removeKey(existingApp(call));
    return Json.ok();
  }

  private Object featureFlags(Call call) {
    TenantId app = existingApp(call);
    publicTenantOnly(call);
    ObjectNode out = Json.object();
    ArrayNode features = out.putArray("features");
    LicenseService.FEATURES.forEach(features::add);
    ArrayNode maus = out.putObject("usageStats").putArray("maus");
    licenses.monthlyActiveUsers(app).forEach(maus::add);
    out.put("status", "OK");
    return out;
  }
}
