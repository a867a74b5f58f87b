package io.authcore.storage.jdbc;

import io.authcore.storage.KeyValueStore;
import io.authcore.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

final class JdbcKeyValueStore implements KeyValueStore {
  private final Sql sql;
  private final String select;
  private final String upsert;
  private final String delete;

  JdbcKeyValueStore(Sql sql, Dialect dialect, Tables tables) {
    this.sql = sql;
    String table = tables.name("key_value");
    this.select =
        "SELECT value, created_at_time FROM "
            + table
            + " WHERE app_id = ? AND tenant_id = ? AND name = ?";
    this.upsert =
        dialect.upsert(
            table, List.of("app_id", "tenant_id", "name"), List.of("value", "created_at_time"));
    this.delete = "DELETE FROM " + table + " WHERE app_id = ? AND tenant_id = ? AND name = ?";
  }

  @Override
  public Optional<KeyValue> get(TenantId tenant, String name) {
    return sql.one(
        select,
        rs -> new KeyValue(rs.getString(1), rs.getLong(2)),
        tenant.appId(),
        tenant.tenantId(),
        name);
  }

  @Override
  public void set(TenantId tenant, String name, KeyValue value) {
    sql.update(
        upsert, tenant.appId(), tenant.tenantId(), name, value.value(), value.createdAtTime());
  }

  @Override
  public boolean delete(TenantId tenant, String name) {
    return sql.update(delete, tenant.appId(), tenant.tenantId(), name) > 0;
  }
}
