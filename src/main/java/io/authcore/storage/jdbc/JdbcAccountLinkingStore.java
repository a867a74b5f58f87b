package io.authcore.storage.jdbc;

import io.authcore.storage.AccountLinkingStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class JdbcAccountLinkingStore implements AccountLinkingStore {
  private final Sql sql;
  private final Dialect dialect;
  private final Tables tables;
  private final String apps;
  private final String ids;
  private final String recipeUsers;

  JdbcAccountLinkingStore(Sql sql, Dialect dialect, Tables tables) {
    this.sql = sql;
    this.dialect = dialect;
    this.tables = tables;
    this.apps = tables.name("apps");
    this.ids = tables.name("app_id_to_user_id");
    this.recipeUsers = tables.name("all_auth_recipe_users");
  }

  @Override
  public void lockApp(String appId) {
    // A row lock on the app, not a table lock: sign-ups that reference the app row still pass.
    sql.one(
        "SELECT app_id FROM " + apps + " WHERE app_id = ?" + dialect.lockWithoutKeyUpdate(),
        rs -> rs.getString(1),
        appId);
  }

  @Override
  public Set<String> groupsWithEmail(String appId, String email) {
    Set<String> groups = new LinkedHashSet<>();
    for (String table :
        List.of(
            "emailpassword_users", "thirdparty_users", "passwordless_users", "webauthn_users")) {
      groups.addAll(groupsOf(table, "r.email = ?", appId, email));
    }
    return groups;
  }

  @Override
  public Set<String> groupsWithPhoneNumber(String appId, String phoneNumber) {
    return new LinkedHashSet<>(
        groupsOf("passwordless_users", "r.phone_number = ?", appId, phoneNumber));
  }

  @Override
  public Set<String> groupsWithThirdParty(
      String appId, String thirdPartyId, String thirdPartyUserId) {
    return new LinkedHashSet<>(
        groupsOf(
            "thirdparty_users",
            "r.third_party_id = ? AND r.third_party_user_id = ?",
            appId,
            thirdPartyId,
            thirdPartyUserId));
  }

  private List<String> groupsOf(String table, String condition, String appId, Object... values) {
    Object[] params = new Object[values.length + 1];
    params[0] = appId;
    System.arraycopy(values, 0, params, 1, values.length);
    return sql.list(
        "SELECT DISTINCT i.primary_or_recipe_user_id FROM "
            + tables.name(table)
            + " r JOIN "
            + ids
            + " i ON i.app_id = r.app_id AND i.user_id = r.user_id WHERE r.app_id = ? AND "
            + condition,
        rs -> rs.getString(1).trim(),
        params);
  }

  @Override
  public void makePrimary(String appId, String recipeUserId) {
    for (String table : List.of(ids, recipeUsers)) {
      sql.update(
          "UPDATE "
              + table
              + " SET is_linked_or_is_a_primary_user = TRUE WHERE app_id = ? AND user_id = ?",
          appId,
          recipeUserId);
    }
  }

  @Override
  public void link(String appId, String recipeUserId, String primaryUserId) {
    for (String table : List.of(ids, recipeUsers)) {
      sql.update(
          "UPDATE "
              + table
              + " SET is_linked_or_is_a_primary_user = TRUE, primary_or_recipe_user_id = ?"
              + " WHERE app_id = ? AND user_id = ?",
          primaryUserId,
          appId,
          recipeUserId);
    }
    updateGroupTimeJoined(appId, primaryUserId);
  }

  @Override
  public void unlink(String appId, String recipeUserId, String primaryUserId) {
    sql.update(
        "UPDATE "
            + ids
            + " SET is_linked_or_is_a_primary_user = FALSE, primary_or_recipe_user_id = user_id"
            + " WHERE app_id = ? AND user_id = ?",
        appId,
        recipeUserId);
    sql.update(
        "UPDATE "
            + recipeUsers
            + " SET is_linked_or_is_a_primary_user = FALSE, primary_or_recipe_user_id = user_id,"
            + " primary_or_recipe_user_time_joined = time_joined WHERE app_id = ? AND user_id = ?",
        appId,
        recipeUserId);
    if (!primaryUserId.equals(recipeUserId)) {
      updateGroupTimeJoined(appId, primaryUserId);
    }
  }

  private void updateGroupTimeJoined(String appId, String primaryUserId) {
    sql.update(
        "UPDATE "
            + recipeUsers
            + " SET primary_or_recipe_user_time_joined = (SELECT MIN(time_joined) FROM "
            + recipeUsers
            + " WHERE app_id = ? AND primary_or_recipe_user_id = ?)"
            + " WHERE app_id = ? AND primary_or_recipe_user_id = ?",
        appId,
        primaryUserId,
        appId,
        primaryUserId);
  }
}
