package io.authcore.recipe.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.Query;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import java.time.Clock;
import java.util.List;

/** {@code /users/count} (exact or, from CDI 5.6, approximate) and {@code /users/count/active}. */
public final class UserCountsApi implements Api {
  private final UsersService users;
  private final ApproximateUserCount approximate;
  private final ActiveUsers activeUsers;
  private final Tenants tenants;
  private final Clock clock;

  public UserCountsApi(
      UsersService users,
      ApproximateUserCount approximate,
      ActiveUsers activeUsers,
      Tenants tenants,
      Clock clock) {
    this.users = users;
    this.approximate = approximate;
    this.activeUsers = activeUsers;
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public void routes(Routes r) {
    // Tenant-specific, or app-specific with includeAllTenants: the endpoint checks which.
    r.get("/users/count", this::count).scope(Scope.NONE);
    r.get("/users/count/active", this::countActive).scope(Scope.APP_PUBLIC_TENANT);
  }

  private Object count(Call call) {
    Query q = call.query();
    List<String> recipeIds = RecipeIds.of(q);
    boolean allTenants =
        q.optional("includeAllTenants").map(v -> v.equalsIgnoreCase("true")).orElse(false);
    // Older clients never see the new fields, whatever they send.
    boolean approximateAsked =
        q.optional("allowApproximate").map(v -> v.equalsIgnoreCase("true")).orElse(false)
            && call.cdi().atLeast(CdiVersion.V5_6);
    TenantId tenant = call.tenant();
    if (allTenants) {
      AppScope.publicTenantOfExistingApp(call, tenants);
    } else if (!tenants.tenantExists(tenant)) {
      throw HttpError.tenantNotFound(tenant);
    }
    ObjectNode out = Json.ok();
    // Only a whole tenant has an approximate count; the other shapes are counted exactly, and say
    // so.
    if (approximateAsked && !allTenants && recipeIds.isEmpty()) {
      ApproximateUserCount.Count counted = approximate.count(tenant);
      out.put("count", counted.count());
      out.put("approximate", true);
      out.put("asOf", counted.asOf());
      return out;
    }
    out.put("count", users.count(tenant, allTenants, recipeIds));
    if (approximateAsked) {
      out.put("approximate", false);
      out.put("asOf", clock.millis());
    }
    return out;
  }

  private Object countActive(Call call) {
    call.query().string("since"); // present, else the original's "missing" text
    long since = call.query().optionalLong("since").orElseThrow();
    if (since < 0) {
      throw HttpError.badRequest("'since' query parameter must be >= 0");
    }
    ObjectNode out = Json.ok();
    out.put("count", activeUsers.countSince(call.tenant().appId(), since));
    return out;
  }
}
