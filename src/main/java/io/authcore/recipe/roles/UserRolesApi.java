package io.authcore.recipe.roles;

import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.recipe.MaxLength;

/** The role-assignment endpoints, which work on the tenant named in the path. */
public final class UserRolesApi implements Api {
  private final UserRolesService userRoles;

  public UserRolesApi(UserRolesService userRoles) {
    this.userRoles = userRoles;
  }

  @Override
  public void routes(Routes r) {
    r.put("/recipe/user/role", this::assign);
    r.post("/recipe/user/role/remove", this::unassign);
    r.get("/recipe/user/roles", this::rolesOf);
    r.get("/recipe/role/users", this::usersWith);
  }

  private Object assign(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String role = RoleInput.role(in.string("role"));
    MaxLength.USER_ID.check("userId", userId);
    boolean added = userRoles.assign(call.tenant(), userId, role);
    return Json.ok().put("didUserAlreadyHaveRole", !added);
  }

  private Object unassign(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String role = RoleInput.role(in.string("role"));
    return Json.ok().put("didUserHaveRole", userRoles.unassign(call.tenant(), userId, role));
  }

  private Object rolesOf(Call call) {
    String userId = call.query().string("userId");
    return RolesApi.list("roles", userRoles.rolesOf(call.tenant(), userId));
  }

  private Object usersWith(Call call) {
    String role = RoleInput.role(call.query().string("role"));
    return RolesApi.list("users", userRoles.usersWith(call.tenant(), role));
  }
}
