package io.authcore.storage.jdbc;

import io.authcore.storage.ThirdPartyStore;
import java.util.List;
import java.util.Optional;

final class JdbcThirdPartyStore implements ThirdPartyStore {
  private static final String RECIPE = "thirdparty";

  private final Sql sql;
  private final RecipeUserRows recipeUsers;
  private final String users;
  private final String toTenant;

  JdbcThirdPartyStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.recipeUsers = new RecipeUserRows(sql, tables);
    this.users = tables.name("thirdparty_users");
    this.toTenant = tables.name("thirdparty_user_to_tenant");
  }

  @Override
  public void insertUser(
      String appId,
      String tenantId,
      String userId,
      String thirdPartyId,
      String thirdPartyUserId,
      String email,
      long timeJoined) {
    recipeUsers.insert(appId, tenantId, userId, RECIPE, timeJoined);
    sql.update(
        "INSERT INTO "
            + users
            + " (app_id, third_party_id, third_party_user_id, user_id, email, time_joined)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        appId,
        thirdPartyId,
        thirdPartyUserId,
        userId,
        email,
        timeJoined);
    sql.update(
        "INSERT INTO "
            + toTenant
            + " (app_id, tenant_id, user_id, third_party_id, third_party_user_id)"
            + " VALUES (?, ?, ?, ?, ?)",
        appId,
        tenantId,
        userId,
        thirdPartyId,
        thirdPartyUserId);
  }

  @Override
  public Optional<String> findUserId(
      String appId, String tenantId, String thirdPartyId, String thirdPartyUserId) {
    return sql.one(
        "SELECT user_id FROM "
            + toTenant
            + " WHERE app_id = ? AND tenant_id = ? AND third_party_id = ?"
            + " AND third_party_user_id = ?",
        rs -> rs.getString(1).trim(),
        appId,
        tenantId,
        thirdPartyId,
        thirdPartyUserId);
  }

  @Override
  public Optional<String> email(String appId, String userId) {
    return sql.one(
        "SELECT email FROM " + users + " WHERE app_id = ? AND user_id = ?",
        rs -> rs.getString(1),
        appId,
        userId);
  }

  @Override
  public void updateEmail(String appId, String userId, String email) {
    sql.update(
        "UPDATE " + users + " SET email = ? WHERE app_id = ? AND user_id = ?",
        email,
        appId,
        userId);
  }

  @Override
  public List<String> userIdsByEmail(String appId, String tenantId, String email) {
    return sql.list(
        "SELECT u.user_id FROM "
            + users
            + " u JOIN "
            + toTenant
            + " t ON t.app_id = u.app_id AND t.user_id = u.user_id"
            + " WHERE u.app_id = ? AND t.tenant_id = ? AND u.email = ?"
            + " ORDER BY u.time_joined, u.user_id",
        rs -> rs.getString(1).trim(),
        appId,
        tenantId,
        email);
  }
}
