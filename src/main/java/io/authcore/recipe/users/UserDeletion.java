package io.authcore.recipe.users;

import io.authcore.storage.Storage;
import io.authcore.storage.Stores;
import io.authcore.storage.UserIdMappingStore.Mapping;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;

/**
 * {@code POST /user/remove}: deletes a user's login methods and the data other recipes keep for it
 * (sessions, metadata, roles, email verification, TOTP), all in one transaction, with the
 * original's rules for linked accounts and user-id mappings.
 *
 * <p>Login-recipe rows are keyed by the SuperTokens id; the other recipes' data by the id the SDK
 * used, which is the external id when a mapping exists. When the external id of a mapping is itself
 * a SuperTokens user id (a migration state the original calls A4), only login data is deleted.
 */
public final class UserDeletion {
  private final Storage storage;
  private final UsersService users;

  public UserDeletion(Storage storage, UsersService users) {
    this.storage = storage;
    this.users = users;
  }

  /**
   * Deletes the user named by {@code userId} (SuperTokens or external id); with {@code
   * removeAllLinkedAccounts}, every login method of its group. An unknown id is not an error.
   */
  public void delete(String appId, String userId, boolean removeAllLinkedAccounts) {
    if (users.superTokensId(appId, userId).isEmpty()) {
      return;
    }
    storage.runInTransaction(
        tx -> {
          // Deletes wait for links and unlinks in flight, so that neither acts on a stale group.
          tx.accountLinking().lockApp(appId);
          Mapping mapping = mappingOf(tx, appId, userId);
          delete(tx, appId, userId, removeAllLinkedAccounts, mapping);
        });
  }

  /**
   * Deletes one login method (a SuperTokens id) of a group, in a transaction that holds the app's
   * linking lock: what an unlink of a primary user with other members does.
   */
  public void deleteLoginMethod(Stores tx, String appId, String superTokensUserId) {
    delete(tx, appId, superTokensUserId, false, mappingOf(tx, appId, superTokensUserId));
  }

  /** The mapping that {@code userId} belongs to, by either of its ids, preferring its own. */
  private static Mapping mappingOf(Stores tx, String appId, String userId) {
    Mapping found = null;
    for (Mapping m : tx.userIdMappings().byEitherId(appId, userId)) {
      if (m.superTokensUserId().equals(userId)) {
        return m;
      }
      found = m;
    }
    return found;
  }

  private void delete(Stores tx, String appId, String userId, boolean removeAll, Mapping mapping) {
    String loginId;
    String dataId;
    if (mapping == null) {
      loginId = userId;
      dataId = userId;
    } else if (tx.accountIds().primaryUserOf(appId, mapping.externalUserId()).isPresent()) {
      loginId = userId;
      dataId = null;
    } else {
      loginId = mapping.superTokensUserId();
      dataId = mapping.externalUserId();
    }
    if (!tx.userData().lock(appId, loginId)) {
      return; // deleted meanwhile
    }
    AuthUser group = tx.users().find(appId, loginId).orElse(null);
    if (group == null) {
      return;
    }
    boolean isPrimary = group.id().equals(loginId);
    String primaryDataId = null;
    if (removeAll || group.loginMethods().size() == 1) {
      if (isPrimary) {
        primaryDataId = dataId;
        if (primaryDataId == null) {
          tx.userData().deleteRecipeUser(appId, loginId, true);
          return;
        }
      } else {
        primaryDataId =
            tx.userIdMappings()
                .bySuperTokensId(appId, group.id())
                .map(Mapping::externalUserId)
                .orElse(group.id());
      }
    } else if (isPrimary) {
      // The primary user's own login method goes, the group stays: its other members still use
      // the data kept under the primary id.
      dataId = null;
    }

    if (removeAll) {
      for (LoginMethod m : group.loginMethods()) {
        Mapping own =
            m.recipeUserId().equals(loginId)
                ? mapping
                : tx.userIdMappings().bySuperTokensId(appId, m.recipeUserId()).orElse(null);
        delete(tx, appId, m.recipeUserId(), false, own);
      }
      return;
    }
    tx.userData().deleteRecipeUser(appId, loginId, !isPrimary);
    if (dataId != null) {
      tx.userData().deleteNonLoginData(appId, dataId);
    }
    if (primaryDataId != null) {
      tx.userData().deleteNonLoginData(appId, primaryDataId);
      // Also takes the primary's id row, and with it its mapping.
      tx.userData().deleteRecipeUser(appId, group.id(), true);
    }
  }
}
