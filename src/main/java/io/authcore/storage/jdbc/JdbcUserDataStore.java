package io.authcore.storage.jdbc;

import io.authcore.storage.UserDataStore;
import java.util.ArrayList;
import java.util.List;

final class JdbcUserDataStore implements UserDataStore {
  /**
   * Login-recipe tables keyed by (app_id, user_id) that do not cascade from all_auth_recipe_users.
   */
  private static final List<String> RECIPE_TABLES =
      List.of(
          "emailpassword_users",
          "emailpassword_pswd_reset_tokens",
          "thirdparty_users",
          "passwordless_users",
          "webauthn_users");

  /** Tables of the non-login recipes keyed by (app_id, user_id), for any tenant. */
  private static final List<String> NON_LOGIN_TABLES =
      List.of(
          "user_metadata",
          "session_info",
          "emailverification_verified_emails",
          "emailverification_tokens",
          "user_roles",
          "user_last_active",
          // Its devices and used codes follow by cascade.
          "totp_users");

  private final Sql sql;
  private final Tables tables;

  JdbcUserDataStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.tables = tables;
  }

  @Override
  public boolean lock(String appId, String superTokensUserId) {
    return sql.exists(
        "SELECT user_id FROM "
            + tables.name("app_id_to_user_id")
            + " WHERE app_id = ? AND user_id = ? FOR UPDATE",
        appId,
        superTokensUserId);
  }

  @Override
  public void deleteRecipeUser(String appId, String superTokensUserId, boolean withIdRow) {
    if (withIdRow) {
      // Everything else of a recipe user hangs off this row and goes with it.
      delete("app_id_to_user_id", appId, superTokensUserId);
      return;
    }
    // The per-tenant tables cascade from these rows.
    delete("all_auth_recipe_users", appId, superTokensUserId);
    for (String table : RECIPE_TABLES) {
      delete(table, appId, superTokensUserId);
    }
  }

  @Override
  public void deleteNonLoginData(String appId, String userId) {
    for (String table : NON_LOGIN_TABLES) {
      delete(table, appId, userId);
    }
  }

  @Override
  public List<String> recipesUsing(String appId, String userId, long now) {
    List<String> recipes = new ArrayList<>();
    if (sql.exists(
        "SELECT 1 FROM "
            + tables.name("session_info")
            + " WHERE app_id = ? AND user_id = ? AND expires_at >= ?",
        appId,
        userId,
        now)) {
      recipes.add("Session");
    }
    if (uses("user_metadata", appId, userId)) {
      recipes.add("UserMetadata");
    }
    if (uses("user_roles", appId, userId)) {
      recipes.add("UserRoles");
    }
    if (uses("emailverification_tokens", appId, userId)
        || uses("emailverification_verified_emails", appId, userId)) {
      recipes.add("EmailVerification");
    }
    if (uses("totp_user_devices", appId, userId)) {
      recipes.add("TOTP");
    }
    return recipes;
  }

  private boolean uses(String table, String appId, String userId) {
    return sql.exists(
        "SELECT 1 FROM " + tables.name(table) + " WHERE app_id = ? AND user_id = ?", appId, userId);
  }

  private void delete(String table, String appId, String userId) {
    sql.update(
        "DELETE FROM " + tables.name(table) + " WHERE app_id = ? AND user_id = ?", appId, userId);
  }
}
