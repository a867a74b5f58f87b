package io.authcore.recipe.roles;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.MaxLength;
import java.util.List;

/** The role-definition endpoints. Roles belong to the app, so these answer on its public tenant. */
public final class RolesApi implements Api {
  private final RolesService roles;

  public RolesApi(RolesService roles) {
    this.roles = roles;
  }

  @Override
  public void routes(Routes r) {
    r.put("/recipe/role", this::create).scope(Scope.APP_PUBLIC_TENANT);
    r.get("/recipe/role/permissions", this::permissions).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/role/permissions/remove", this::removePermissions)
        .scope(Scope.APP_PUBLIC_TENANT);
    r.get("/recipe/permission/roles", this::rolesWithPermission).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/role/remove", this::delete).scope(Scope.APP_PUBLIC_TENANT);
    r.get("/recipe/roles", this::all).scope(Scope.APP_PUBLIC_TENANT);
  }

  private Object create(Call call) {
    JsonBody in = call.body();
    String role = RoleInput.role(in.string("role"));
    List<String> permissions = RoleInput.permissions(in).orElse(List.of());
    MaxLength.ROLE.check("role", role);
    MaxLength.ROLE.checkEach("permissions", permissions);
    boolean created = roles.createOrAddPermissions(call.tenant().appId(), role, permissions);
    return Json.ok().put("createdNewRole", created);
  }

  private Object permissions(Call call) {
    String role = RoleInput.role(call.query().string("role"));
    return list("permissions", roles.permissions(call.tenant().appId(), role));
  }

  private Object removePermissions(Call call) {
    JsonBody in = call.body();
    String role = RoleInput.role(in.string("role"));
    roles.removePermissions(call.tenant().appId(), role, RoleInput.permissions(in));
    return Json.ok();
  }

  private Object rolesWithPermission(Call call) {
    String permission = RoleInput.permission(call.query().string("permission"));
    return list("roles", roles.rolesWithPermission(call.tenant().appId(), permission));
  }

  private Object delete(Call call) {
    String role = RoleInput.role(call.body().string("role"));
    return Json.ok().put("didRoleExist", roles.delete(call.tenant().appId(), role));
  }

  private Object all(Call call) {
    return list("roles", roles.all(call.tenant().appId()));
  }

  /** {@code {"<field>":[...],"status":"OK"}}: the list first, as the original writes it. */
  static ObjectNode list(String field, List<String> values) {
    ObjectNode out = Json.object();
    values.forEach(out.putArray(field)::add);
    return out.put("status", "OK");
  }
}
