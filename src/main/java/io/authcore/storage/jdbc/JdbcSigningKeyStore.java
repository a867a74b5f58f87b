package io.authcore.storage.jdbc;

import io.authcore.storage.SigningKeyStore;
import java.util.List;

final class JdbcSigningKeyStore implements SigningKeyStore {
  private final Sql sql;
  private final String dynamicTable;
  private final String staticTable;
  private final String apps;

  JdbcSigningKeyStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.dynamicTable = tables.name("session_access_token_signing_keys");
    this.staticTable = tables.name("jwt_signing_keys");
    this.apps = tables.name("apps");
  }

  @Override
  public List<DynamicKey> dynamicKeys(String appId, int limit) {
    return sql.list(
        "SELECT created_at_time, value FROM "
            + dynamicTable
            + " WHERE app_id = ? ORDER BY created_at_time DESC LIMIT ?",
        rs -> new DynamicKey(rs.getLong(1), rs.getString(2)),
        appId,
        limit);
  }

  @Override
  public void insertDynamicKey(String appId, DynamicKey key) {
    sql.update(
        "INSERT INTO " + dynamicTable + " (app_id, created_at_time, value) VALUES (?, ?, ?)",
        appId,
        key.createdAt(),
        key.value());
  }

  @Override
  public int deleteDynamicKeysCreatedBefore(String appId, long cutoff) {
    return sql.update(
        "DELETE FROM " + dynamicTable + " WHERE app_id = ? AND created_at_time < ?", appId, cutoff);
  }

  @Override
  public List<StaticKey> staticKeys(String appId) {
    return sql.list(
        "SELECT key_id, key_string, algorithm, created_at FROM "
            + staticTable
            + " WHERE app_id = ? ORDER BY created_at ASC, key_id ASC",
        rs -> new StaticKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
        appId);
  }

  @Override
  public void insertStaticKey(String appId, StaticKey key) {
    sql.update(
        "INSERT INTO "
            + staticTable
            + " (app_id, key_id, key_string, algorithm, created_at) VALUES (?, ?, ?, ?, ?)",
        appId,
        key.keyId(),
        key.value(),
        key.algorithm(),
        key.createdAt());
  }

  @Override
  public void lockApp(String appId) {
    sql.list("SELECT app_id FROM " + apps + " WHERE app_id = ? FOR UPDATE", rs -> 1, appId);
  }
}
