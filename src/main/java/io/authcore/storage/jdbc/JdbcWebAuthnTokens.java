package io.authcore.storage.jdbc;

import io.authcore.storage.WebAuthnStore.RecoveryToken;
import java.util.List;

/** {@code webauthn_account_recovery_tokens} for {@link JdbcWebAuthnStore}. */
final class JdbcWebAuthnTokens {
  private final Sql sql;
  private final String tokens;

  JdbcWebAuthnTokens(Sql sql, Tables tables) {
    this.sql = sql;
    this.tokens = tables.name("webauthn_account_recovery_tokens");
  }

  void insert(String appId, String tenantId, RecoveryToken token) {
    sql.update(
        "INSERT INTO "
            + tokens
            + " (app_id, tenant_id, user_id, email, token, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        appId,
        tenantId,
        token.userId(),
        token.email(),
        token.tokenHash(),
        token.expiresAt());
  }

  List<RecoveryToken> find(String appId, String tenantId, String tokenHash, String suffix) {
    return sql.list(
        "SELECT user_id, email, token, expires_at FROM "
            + tokens
            + " WHERE app_id = ? AND tenant_id = ? AND token = ?"
            + suffix,
        rs ->
            new RecoveryToken(
                rs.getString(1).trim(), rs.getString(2), rs.getString(3), rs.getLong(4)),
        appId,
        tenantId,
        tokenHash);
  }

  int deleteOfEmail(String appId, String tenantId, String email) {
    return sql.update(
        "DELETE FROM " + tokens + " WHERE app_id = ? AND tenant_id = ? AND email = ?",
        appId,
        tenantId,
        email);
  }

  int deleteExpiredBefore(long time) {
    return sql.update("DELETE FROM " + tokens + " WHERE expires_at < ?", time);
  }
}
