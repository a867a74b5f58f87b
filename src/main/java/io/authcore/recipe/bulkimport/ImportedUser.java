package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A user to import, checked and normalised, as the original's {@code BulkImportUser}.
 *
 * @param id its queue id: the id of its primary login method when it was queued
 * @param userMetadata null when not given
 * @param userRoles null when not given
 * @param totpDevices null when not given
 */
record ImportedUser(
    String id,
    String externalUserId,
    ObjectNode userMetadata,
    List<RoleGrantInput> userRoles,
    List<TotpDeviceInput> totpDevices,
    List<ImportedLoginMethod> loginMethods) {

  /** A role in the tenants named for it. */
  record RoleGrantInput(String role, List<String> tenantIds) {}

  /** A TOTP device; the name may be null. */
  record TotpDeviceInput(String secretKey, int period, int skew, String deviceName) {}

  /**
   * The login method the user's group is known by: the one marked primary, else the one that joined
   * first (the first of those on a tie), as the original chooses it.
   */
  ImportedLoginMethod primary() {
    ImportedLoginMethod oldest = loginMethods.get(0);
    for (ImportedLoginMethod m : loginMethods) {
      if (m.primary()) {
        return m;
      }
      if (m.timeJoined() < oldest.timeJoined()) {
        oldest = m;
      }
    }
    return oldest;
  }

  /** The id its metadata, roles and TOTP devices are stored under: the external one if given. */
  String ownerId() {
    return externalUserId != null ? externalUserId : primary().superTokensUserId();
  }

  /** Whether it becomes a primary user: one method marked primary, or several methods. */
  boolean isPrimaryUser() {
    return loginMethods.size() > 1 || loginMethods.stream().anyMatch(ImportedLoginMethod::primary);
  }

  ImportedUser withId(String newId) {
    return new ImportedUser(
        newId, externalUserId, userMetadata, userRoles, totpDevices, loginMethods);
  }

  ImportedUser withLoginMethods(List<ImportedLoginMethod> methods) {
    return new ImportedUser(id, externalUserId, userMetadata, userRoles, totpDevices, methods);
  }
}
