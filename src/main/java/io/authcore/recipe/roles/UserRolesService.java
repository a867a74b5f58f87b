package io.authcore.recipe.roles;

import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantId;
import java.util.List;

/**
 * Which users hold which roles, per tenant. A role must be defined in the app before it is given;
 * the user id is taken as given (no user needs to exist), as in the original.
 */
public final class UserRolesService {
  private final Storage storage;

  public UserRolesService(Storage storage) {
    this.storage = storage;
  }

  /** Gives the user the role in this tenant; returns whether the user did not have it yet. */
  public boolean assign(TenantId tenant, String userId, String role) {
    return storage.inTransaction(
        tx -> {
          // Holding the role's lock until the insert commits keeps a concurrent deletion of the
          // role from missing this assignment.
          if (!tx.roles().lock(tenant.appId(), role)) {
            throw RolesService.unknownRole();
          }
          return tx.roleAssignments().assign(tenant.appId(), tenant.tenantId(), userId, role);
        });
  }

  /** Takes the role from the user in this tenant; returns whether the user had it. */
  public boolean unassign(TenantId tenant, String userId, String role) {
    if (!storage.roles().exists(tenant.appId(), role)) {
      throw RolesService.unknownRole();
    }
    return storage.roleAssignments().unassign(tenant.appId(), tenant.tenantId(), userId, role);
  }

  public List<String> rolesOf(TenantId tenant, String userId) {
    return RolesService.sorted(
        storage.roleAssignments().rolesOf(tenant.appId(), tenant.tenantId(), userId));
  }

  public List<String> usersWith(TenantId tenant, String role) {
    if (!storage.roles().exists(tenant.appId(), role)) {
      throw RolesService.unknownRole();
    }
    return RolesService.sorted(
        storage.roleAssignments().usersWith(tenant.appId(), tenant.tenantId(), role));
  }
}
