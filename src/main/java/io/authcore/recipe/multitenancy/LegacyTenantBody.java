package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.http.JsonBody;
import io.authcore.recipe.multitenancy.LegacyTenantChange.Factors;
import io.authcore.recipe.multitenancy.LegacyTenantChange.Recipe;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The body of the deprecated v1 create-or-update endpoints of tenants, apps and connection-URI
 * domains, which supertokens-node 15 to 18 (and the Python and Go SDKs of that time) send with
 * recipe switches; the original takes them at every version, and from 5.0 the factors too.
 */
final class LegacyTenantBody {
  private LegacyTenantBody() {}

  /**
   * The v1 body, checked in the original's order: coreConfig, the switches, and from 5.0 the
   * factors (never empty lists) and their conflicts with the switches. Other fields (the {@code
   * totpEnabled} of 4.0 SDKs) are ignored, as by the original.
   */
  static LegacyTenantChange change(Call call) {
    JsonBody in = call.body();
    ObjectNode coreConfig = in.optionalObject("coreConfig").orElse(null);
    Map<Recipe, Boolean> switches = new EnumMap<>(Recipe.class);
    for (Recipe r : Recipe.values()) {
      in.optionalGsonBool(r.field).ifPresent(on -> switches.put(r, on));
    }
    if (call.cdi().below(CdiVersion.V5_0)) {
      return new LegacyTenantChange(coreConfig, switches, false, null);
    }
    List<String> first = MultitenancyApi.factors(in, "firstFactors");
    if (first != null && first.isEmpty()) {
      throw HttpError.badRequest(
          "firstFactors cannot be empty. Set null instead to remove all first factors.");
    }
    List<String> required = MultitenancyApi.factors(in, "requiredSecondaryFactors");
    if (required != null && required.isEmpty()) {
      throw HttpError.badRequest(
          "requiredSecondaryFactors cannot be empty. Set null instead to remove all required"
              + " secondary factors.");
    }
    return new LegacyTenantChange(
        coreConfig,
        switches,
        true,
        new Factors(in.has("firstFactors"), first, in.has("requiredSecondaryFactors"), required));
  }
}
