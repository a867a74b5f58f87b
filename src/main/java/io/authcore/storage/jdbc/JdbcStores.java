package io.authcore.storage.jdbc;

import io.authcore.storage.KeyValueStore;
import io.authcore.storage.Stores;
import io.authcore.storage.TenantStore;

/** Every store, bound to one {@link ConnectionSource}: the pool, or one open transaction. */
final class JdbcStores implements Stores {
  private final KeyValueStore keyValue;
  private final TenantStore tenants;

  JdbcStores(ConnectionSource source, Dialect dialect, Tables tables) {
    Sql sql = new Sql(source, tables);
    this.keyValue = new JdbcKeyValueStore(sql, dialect, tables);
    this.tenants = new JdbcTenantStore(sql, tables);
  }

  @Override
  public KeyValueStore keyValue() {
    return keyValue;
  }

  @Override
  public TenantStore tenants() {
    return tenants;
  }
}
