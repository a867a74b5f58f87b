package io.authcore.storage;

import java.util.List;

/**
 * What belongs to one user across the recipes, for deleting a user and for the user-id mapping's
 * checks: the recipe-user rows, and the data non-login recipes key by a free-form user id
 * (sessions, metadata, roles, email verification, TOTP, last-active time).
 */
public interface UserDataStore {
  /**
   * Locks the user's {@code app_id_to_user_id} row until the transaction ends.
   *
   * @return false when there is no such user
   */
  boolean lock(String appId, String superTokensUserId);

  /**
   * Deletes a recipe user from every login-recipe table. With {@code withIdRow} its {@code
   * app_id_to_user_id} row goes too (and with it, by cascade, its mapping); without, that row stays
   * because other recipe users still name it as their primary user.
   */
  void deleteRecipeUser(String appId, String superTokensUserId, boolean withIdRow);

  /**
   * Deletes the sessions, metadata, roles, email verification, TOTP and last-active data of an id.
   */
  void deleteNonLoginData(String appId, String userId);

  /**
   * The non-login recipes that hold data for this id, in the order the original reports them:
   * {@code Session} (unexpired sessions), {@code UserMetadata}, {@code UserRoles}, {@code
   * EmailVerification}, {@code TOTP}.
   */
  List<String> recipesUsing(String appId, String userId, long now);
}
