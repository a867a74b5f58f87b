package io.authcore.storage;

import java.util.List;

/**
 * Which users hold which roles, per tenant: {@code user_roles}. The user id is stored as given;
 * nothing checks that such a user exists.
 */
public interface RoleAssignmentStore {
  /**
   * Gives the user the role in this tenant unless it already has it; returns whether it was added.
   *
   * @throws StorageException with a {@link Violation.Kind#FOREIGN_KEY} violation when the tenant
   *     does not exist
   */
  boolean assign(String appId, String tenantId, String userId, String role);

  /** Returns whether the user had the role in this tenant. */
  boolean unassign(String appId, String tenantId, String userId, String role);

  /** The user's roles in this tenant. */
  List<String> rolesOf(String appId, String tenantId, String userId);

  /** The users holding the role in this tenant. */
  List<String> usersWith(String appId, String tenantId, String role);

  /** Takes the role from every user of every tenant of the app; returns whether anyone had it. */
  boolean unassignEverywhere(String appId, String role);
}
