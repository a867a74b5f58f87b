package io.authcore.storage.jdbc;

import io.authcore.storage.EmailPasswordStore;
import java.util.List;
import java.util.Optional;

final class JdbcEmailPasswordStore implements EmailPasswordStore {
  private static final String RECIPE = "emailpassword";

  private final Sql sql;
  private final RecipeUserRows recipeUsers;
  private final String users;
  private final String toTenant;
  private final String tokens;

  JdbcEmailPasswordStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.recipeUsers = new RecipeUserRows(sql, tables);
    this.users = tables.name("emailpassword_users");
    this.toTenant = tables.name("emailpassword_user_to_tenant");
    this.tokens = tables.name("emailpassword_pswd_reset_tokens");
  }

  @Override
  public void insertUser(
      String appId,
      String tenantId,
      String userId,
      String email,
      String passwordHash,
      long timeJoined) {
    recipeUsers.insert(appId, tenantId, userId, RECIPE, timeJoined);
    sql.update(
        "INSERT INTO "
            + users
            + " (app_id, user_id, email, password_hash, time_joined)"
            + " VALUES (?, ?, ?, ?, ?)",
        appId,
        userId,
        email,
        passwordHash,
        timeJoined);
    sql.update(
        "INSERT INTO " + toTenant + " (app_id, tenant_id, user_id, email) VALUES (?, ?, ?, ?)",
        appId,
        tenantId,
        userId,
        email);
  }

  @Override
  public Optional<Credentials> findByEmail(String appId, String tenantId, String email) {
    return sql.one(
        "SELECT u.user_id, u.password_hash FROM "
            + toTenant
            + " t JOIN "
            + users
            + " u ON u.app_id = t.app_id AND u.user_id = t.user_id"
            + " WHERE t.app_id = ? AND t.tenant_id = ? AND t.email = ?",
        rs -> new Credentials(rs.getString(1).trim(), rs.getString(2)),
        appId,
        tenantId,
        email);
  }

  @Override
  public Optional<String> passwordHash(String appId, String userId) {
    return sql.one(
        "SELECT password_hash FROM " + users + " WHERE app_id = ? AND user_id = ?",
        rs -> rs.getString(1),
        appId,
        userId);
  }

  @Override
  public void updatePasswordHash(String appId, String userId, String passwordHash) {
    sql.update(
        "UPDATE " + users + " SET password_hash = ? WHERE app_id = ? AND user_id = ?",
        passwordHash,
        appId,
        userId);
  }

  @Override
  public boolean emailTakenInTenantsOf(String appId, String userId, String email) {
    return sql.exists(
        "SELECT 1 FROM "
            + toTenant
            + " other WHERE other.app_id = ? AND other.email = ? AND other.user_id <> ?"
            + " AND other.tenant_id IN (SELECT mine.tenant_id FROM "
            + toTenant
            + " mine WHERE mine.app_id = ? AND mine.user_id = ?)",
        appId,
        email,
        userId,
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
    sql.update(
        "UPDATE " + toTenant + " SET email = ? WHERE app_id = ? AND user_id = ?",
        email,
        appId,
        userId);
  }

  @Override
  public void insertResetToken(ResetToken token) {
    sql.update(
        "INSERT INTO "
            + tokens
            + " (app_id, user_id, token, token_expiry, email)"
            + " VALUES (?, ?, ?, ?, ?)",
        token.appId(),
        token.userId(),
        token.tokenHash(),
        token.expiry(),
        token.email());
  }

  @Override
  public Optional<ResetToken> resetToken(String appId, String tokenHash) {
    return sql.one(
        "SELECT user_id, token, token_expiry, email FROM "
            + tokens
            + " WHERE app_id = ? AND token = ?",
        rs ->
            new ResetToken(
                appId, rs.getString(1).trim(), rs.getString(2), rs.getLong(3), rs.getString(4)),
        appId,
        tokenHash);
  }

  @Override
  public List<ResetToken> resetTokensOf(String appId, String userId) {
    return sql.list(
        "SELECT user_id, token, token_expiry, email FROM "
            + tokens
            + " WHERE app_id = ? AND user_id = ?",
        rs ->
            new ResetToken(
                appId, rs.getString(1).trim(), rs.getString(2), rs.getLong(3), rs.getString(4)),
        appId,
        userId);
  }

  @Override
  public int deleteResetTokensOf(String appId, String userId) {
    return sql.update("DELETE FROM " + tokens + " WHERE app_id = ? AND user_id = ?", appId, userId);
  }

  @Override
  public int deleteExpiredResetTokens(long now) {
    return sql.update("DELETE FROM " + tokens + " WHERE token_expiry < ?", now);
  }
}
