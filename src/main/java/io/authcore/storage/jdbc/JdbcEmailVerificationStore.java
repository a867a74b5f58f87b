package io.authcore.storage.jdbc;

import io.authcore.storage.EmailVerificationStore;
import java.util.List;
import java.util.Optional;

final class JdbcEmailVerificationStore implements EmailVerificationStore {
  private final Sql sql;
  private final String tokens;
  private final String verified;
  private final String markVerified;

  JdbcEmailVerificationStore(Sql sql, Dialect dialect, Tables tables) {
    this.sql = sql;
    this.tokens = tables.name("emailverification_tokens");
    this.verified = tables.name("emailverification_verified_emails");
    this.markVerified = dialect.upsert(verified, List.of("app_id", "user_id", "email"), List.of());
  }

  @Override
  public void insertToken(VerificationToken t) {
    sql.update(
        "INSERT INTO "
            + tokens
            + " (app_id, tenant_id, user_id, email, token, token_expiry)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        t.appId(),
        t.tenantId(),
        t.userId(),
        t.email(),
        t.tokenHash(),
        t.expiry());
  }

  @Override
  public Optional<VerificationToken> token(String appId, String tenantId, String tokenHash) {
    return sql.one(
        "SELECT user_id, email, token, token_expiry FROM "
            + tokens
            + " WHERE app_id = ? AND tenant_id = ? AND token = ?",
        rs ->
            new VerificationToken(
                appId, tenantId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
        appId,
        tenantId,
        tokenHash);
  }

  @Override
  public boolean deleteToken(String appId, String tenantId, String tokenHash) {
    return sql.update(
            "DELETE FROM " + tokens + " WHERE app_id = ? AND tenant_id = ? AND token = ?",
            appId,
            tenantId,
            tokenHash)
        > 0;
  }

  @Override
  public void deleteTokens(String appId, String tenantId, String userId, String email) {
    sql.update(
        "DELETE FROM "
            + tokens
            + " WHERE app_id = ? AND tenant_id = ? AND user_id = ? AND email = ?",
        appId,
        tenantId,
        userId,
        email);
  }

  @Override
  public int deleteExpiredTokens(long now) {
    return sql.update("DELETE FROM " + tokens + " WHERE token_expiry < ?", now);
  }

  @Override
  public boolean isVerified(String appId, String userId, String email) {
    return sql.exists(
        "SELECT 1 FROM " + verified + " WHERE app_id = ? AND user_id = ? AND email = ?",
        appId,
        userId,
        email);
  }

  @Override
  public void markVerified(String appId, String userId, String email) {
    sql.update(markVerified, appId, userId, email);
  }

  @Override
  public void unverify(String appId, String userId, String email) {
    sql.update(
        "DELETE FROM " + verified + " WHERE app_id = ? AND user_id = ? AND email = ?",
        appId,
        userId,
        email);
  }

  @Override
  public void moveUserId(String appId, String fromUserId, String toUserId) {
    sql.update(
        "UPDATE " + verified + " SET user_id = ? WHERE app_id = ? AND user_id = ?",
        toUserId,
        appId,
        fromUserId);
    sql.update(
        "UPDATE " + tokens + " SET user_id = ? WHERE app_id = ? AND user_id = ?",
        toUserId,
        appId,
        fromUserId);
  }
}
