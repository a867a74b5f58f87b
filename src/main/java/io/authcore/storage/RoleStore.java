package io.authcore.storage;

import java.util.List;

/**
 * Role definitions, which belong to an app: {@code roles} and {@code role_permissions} (whose rows
 * go with their role). Lists come in no particular order.
 */
public interface RoleStore {
  /** Creates the role unless it exists; returns whether it was created. */
  boolean create(String appId, String role);

  /**
   * Locks the role's row until the transaction ends (a concurrent deletion waits, or has already
   * happened); returns whether the role exists. Only useful inside {@link Storage#inTransaction}.
   */
  boolean lock(String appId, String role);

  boolean exists(String appId, String role);

  /** Every role of the app. */
  List<String> all(String appId);

  /** Deletes the role and its permissions; returns whether it existed. */
  boolean delete(String appId, String role);

  /** Adds the permission unless the role already has it. The role must exist. */
  void addPermission(String appId, String role, String permission);

  List<String> permissions(String appId, String role);

  void removePermission(String appId, String role, String permission);

  void removeAllPermissions(String appId, String role);

  /** The roles that hold this permission. */
  List<String> rolesWithPermission(String appId, String permission);
}
