package io.authcore.storage.jdbc;

import io.authcore.storage.WebAuthnStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code webauthn_*} tables, written column for column as the original writes them, so that a
 * database shared with it works both ways. Recovery tokens live in {@link JdbcWebAuthnTokens}.
 */
final class JdbcWebAuthnStore implements WebAuthnStore {
  private static final String RECIPE = "webauthn";
  private static final String OPTIONS_COLUMNS =
      "id, challenge, email, rp_id, rp_name, origin, expires_at, created_at,"
          + " user_presence_required, user_verification";
  private static final String CREDENTIAL_COLUMNS =
      "id, rp_id, user_id, counter, public_key, transports, created_at, updated_at";

  private final Sql sql;
  private final RecipeUserRows recipeUsers;
  private final JdbcWebAuthnTokens tokens;
  private final String options;
  private final String users;
  private final String toTenant;
  private final String credentials;

  JdbcWebAuthnStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.recipeUsers = new RecipeUserRows(sql, tables);
    this.tokens = new JdbcWebAuthnTokens(sql, tables);
    this.options = tables.name("webauthn_generated_options");
    this.users = tables.name("webauthn_users");
    this.toTenant = tables.name("webauthn_user_to_tenant");
    this.credentials = tables.name("webauthn_credentials");
  }

  @Override
  public void insertOptions(String appId, String tenantId, Options o) {
    sql.update(
        "INSERT INTO "
            + options
            + " (app_id, tenant_id, "
            + OPTIONS_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        appId,
        tenantId,
        o.id(),
        o.challenge(),
        o.email(),
        o.rpId(),
        o.rpName(),
        o.origin(),
        o.expiresAt(),
        o.createdAt(),
        o.userPresenceRequired(),
        o.userVerification());
  }

  @Override
  public Optional<Options> options(String appId, String tenantId, String optionsId) {
    return sql.one(optionsQuery(""), JdbcWebAuthnStore::options, appId, tenantId, optionsId);
  }

  @Override
  public Optional<Options> optionsInApp(String appId, String optionsId) {
    return sql.one(appOptionsQuery(""), JdbcWebAuthnStore::options, appId, optionsId);
  }

  @Override
  public Optional<Options> lockOptionsInApp(String appId, String optionsId) {
    return sql.one(appOptionsQuery(" FOR UPDATE"), JdbcWebAuthnStore::options, appId, optionsId);
  }

  private String optionsQuery(String suffix) {
    return "SELECT "
        + OPTIONS_COLUMNS
        + " FROM "
        + options
        + " WHERE app_id = ? AND tenant_id = ? AND id = ?"
        + suffix;
  }

  private String appOptionsQuery(String suffix) {
    return "SELECT "
        + OPTIONS_COLUMNS
        + " FROM "
        + options
        + " WHERE app_id = ? AND id = ?"
        + suffix;
  }

  private static Options options(ResultSet rs) throws SQLException {
    return new Options(
        rs.getString(1).trim(),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getBoolean(9),
        rs.getString(10));
  }

  @Override
  public boolean deleteOptions(String appId, String tenantId, String optionsId) {
    return sql.update(
            "DELETE FROM " + options + " WHERE app_id = ? AND tenant_id = ? AND id = ?",
            appId,
            tenantId,
            optionsId)
        > 0;
  }

  @Override
  public boolean deleteOptionsInApp(String appId, String optionsId) {
    return sql.update("DELETE FROM " + options + " WHERE app_id = ? AND id = ?", appId, optionsId)
        > 0;
  }

  @Override
  public int deleteOptionsExpiredBefore(long time) {
    return sql.update("DELETE FROM " + options + " WHERE expires_at < ?", time);
  }

  @Override
  public void insertUser(
      String appId, String tenantId, String userId, String email, String rpId, long timeJoined) {
    recipeUsers.insert(appId, tenantId, userId, RECIPE, timeJoined);
    sql.update(
        "INSERT INTO " + toTenant + " (app_id, tenant_id, user_id, email) VALUES (?, ?, ?, ?)",
        appId,
        tenantId,
        userId,
        email);
    sql.update(
        "INSERT INTO "
            + users
            + " (app_id, user_id, email, rp_id, time_joined) VALUES (?, ?, ?, ?, ?)",
        appId,
        userId,
        email,
        rpId,
        timeJoined);
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
  public List<String> tenantsOf(String appId, String userId) {
    return sql.list(
        "SELECT tenant_id FROM "
            + toTenant
            + " WHERE app_id = ? AND user_id = ? ORDER BY tenant_id",
        rs -> rs.getString(1),
        appId,
        userId);
  }

  @Override
  public Optional<String> otherUserWithEmail(
      String appId, List<String> tenantIds, String email, String userId) {
    if (tenantIds.isEmpty()) {
      return Optional.empty();
    }
    Object[] params = new Object[tenantIds.size() + 3];
    params[0] = appId;
    params[1] = email;
    params[2] = userId;
    for (int i = 0; i < tenantIds.size(); i++) {
      params[i + 3] = tenantIds.get(i);
    }
    return sql.one(
        "SELECT user_id FROM "
            + toTenant
            + " WHERE app_id = ? AND email = ? AND user_id <> ? AND tenant_id IN ("
            + String.join(", ", Collections.nCopies(tenantIds.size(), "?"))
            + ")",
        rs -> rs.getString(1).trim(),
        params);
  }

  @Override
  public void updateEmail(String appId, String userId, String email) {
    sql.update(
        "UPDATE " + toTenant + " SET email = ? WHERE app_id = ? AND user_id = ?",
        email,
        appId,
        userId);
    sql.update(
        "UPDATE " + users + " SET email = ? WHERE app_id = ? AND user_id = ?",
        email,
        appId,
        userId);
  }

  @Override
  public void insertCredential(String appId, Credential c) {
    sql.update(insertCredential(credentials), credentialRow(appId, c));
  }

  /** The statement that writes a credential to {@code table}, for {@link #credentialRow}. */
  static String insertCredential(String table) {
    return "INSERT INTO "
        + table
        + " (app_id, "
        + CREDENTIAL_COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  static Object[] credentialRow(String appId, Credential c) {
    return new Object[] {
      appId,
      c.id(),
      c.rpId(),
      c.userId(),
      c.counter(),
      c.publicKey(),
      c.transports(),
      c.createdAt(),
      c.updatedAt()
    };
  }

  @Override
  public Optional<Credential> lockCredential(String appId, String rpId, String credentialId) {
    return sql.one(
        "SELECT "
            + CREDENTIAL_COLUMNS
            + " FROM "
            + credentials
            + " WHERE app_id = ? AND rp_id = ? AND id = ? FOR UPDATE",
        JdbcWebAuthnStore::credential,
        appId,
        rpId,
        credentialId);
  }

  @Override
  public Optional<Credential> credentialOfUser(String appId, String userId, String credentialId) {
    return sql.one(
        "SELECT "
            + CREDENTIAL_COLUMNS
            + " FROM "
            + credentials
            + " WHERE app_id = ? AND user_id = ? AND id = ?",
        JdbcWebAuthnStore::credential,
        appId,
        userId,
        credentialId);
  }

  @Override
  public List<Credential> credentialsOf(String appId, String userId) {
    return sql.list(
        "SELECT "
            + CREDENTIAL_COLUMNS
            + " FROM "
            + credentials
            + " WHERE app_id = ? AND user_id = ? ORDER BY created_at, id",
        JdbcWebAuthnStore::credential,
        appId,
        userId);
  }

  private static Credential credential(ResultSet rs) throws SQLException {
    String userId = rs.getString(3);
    return new Credential(
        rs.getString(1),
        rs.getString(2),
        userId == null ? null : userId.trim(),
        rs.getLong(4),
        rs.getBytes(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getLong(8));
  }

  @Override
  public void updateCounter(
      String appId, String rpId, String credentialId, long counter, long updatedAt) {
    sql.update(
        "UPDATE "
            + credentials
            + " SET counter = ?, updated_at = ? WHERE app_id = ? AND rp_id = ? AND id = ?",
        counter,
        updatedAt,
        appId,
        rpId,
        credentialId);
  }

  @Override
  public boolean deleteCredential(String appId, String userId, String credentialId) {
    return sql.update(
            "DELETE FROM " + credentials + " WHERE app_id = ? AND user_id = ? AND id = ?",
            appId,
            userId,
            credentialId)
        > 0;
  }

  @Override
  public void insertRecoveryToken(String appId, String tenantId, RecoveryToken token) {
    tokens.insert(appId, tenantId, token);
  }

  @Override
  public List<RecoveryToken> recoveryTokens(String appId, String tenantId, String tokenHash) {
    return tokens.find(appId, tenantId, tokenHash, "");
  }

  @Override
  public List<RecoveryToken> lockRecoveryTokens(String appId, String tenantId, String tokenHash) {
    return tokens.find(appId, tenantId, tokenHash, " FOR UPDATE");
  }

  @Override
  public int deleteRecoveryTokensOfEmail(String appId, String tenantId, String email) {
    return tokens.deleteOfEmail(appId, tenantId, email);
  }

  @Override
  public int deleteRecoveryTokensExpiredBefore(long time) {
    return tokens.deleteExpiredBefore(time);
  }
}
