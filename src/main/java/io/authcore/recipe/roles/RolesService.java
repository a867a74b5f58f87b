package io.authcore.recipe.roles;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.Storage;
import java.util.List;
import java.util.Optional;

/**
 * Role definitions and their permissions, which belong to an app and are shared by its tenants.
 * Lists are sorted, so both storages answer alike (the original leaves the order to the database).
 */
public final class RolesService {
  private final Storage storage;

  public RolesService(Storage storage) {
    this.storage = storage;
  }

  /**
   * Creates the role unless it exists, then adds the permissions it lacks (none are removed).
   * Returns whether the role was created.
   */
  public boolean createOrAddPermissions(String appId, String role, List<String> permissions) {
    return storage.inTransaction(
        tx -> {
          boolean created = false;
          // Locking an existing role keeps a concurrent deletion from orphaning the permissions;
          // a role created here is locked by its insert.
          while (!created && !tx.roles().lock(appId, role)) {
            created = tx.roles().create(appId, role);
          }
          permissions.forEach(permission -> tx.roles().addPermission(appId, role, permission));
          return created;
        });
  }

  public List<String> permissions(String appId, String role) {
    if (!storage.roles().exists(appId, role)) {
      throw unknownRole();
    }
    return sorted(storage.roles().permissions(appId, role));
  }

  /** Removes these permissions from the role, or all of them when none are named. */
  public void removePermissions(String appId, String role, Optional<List<String>> permissions) {
    storage.runInTransaction(
        tx -> {
          if (!tx.roles().lock(appId, role)) {
            throw unknownRole();
          }
          if (permissions.isEmpty()) {
            tx.roles().removeAllPermissions(appId, role);
          } else {
            permissions.get().forEach(p -> tx.roles().removePermission(appId, role, p));
          }
        });
  }

  public List<String> rolesWithPermission(String appId, String permission) {
    return sorted(storage.roles().rolesWithPermission(appId, permission));
  }

  /**
   * Deletes the role, its permissions and every user's assignment of it in every tenant. Returns
   * whether any of them existed.
   */
  public boolean delete(String appId, String role) {
    return storage.inTransaction(
        tx -> {
          // The role row goes first: an assignment waiting on its lock then finds no role.
          boolean roleExisted = tx.roles().delete(appId, role);
          boolean anyAssigned = tx.roleAssignments().unassignEverywhere(appId, role);
          return roleExisted || anyAssigned;
        });
  }

  public List<String> all(String appId) {
    return sorted(storage.roles().all(appId));
  }

  static StatusException unknownRole() {
    return new StatusException(Status.UNKNOWN_ROLE_ERROR);
  }

  static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
