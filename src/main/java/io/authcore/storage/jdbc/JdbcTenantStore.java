package io.authcore.storage.jdbc;

import io.authcore.storage.TenantStore;
import io.authcore.tenancy.TenantId;
import java.util.List;

final class JdbcTenantStore implements TenantStore {
  private final Sql sql;
  private final String all;
  private final String exists;

  JdbcTenantStore(Sql sql, Tables tables) {
    this.sql = sql;
    String table = tables.name("tenant_configs");
    this.all = "SELECT connection_uri_domain, app_id, tenant_id FROM " + table;
    this.exists =
        "SELECT 1 FROM "
            + table
            + " WHERE connection_uri_domain = ? AND app_id = ? AND tenant_id = ?";
  }

  @Override
  public List<TenantId> all() {
    return sql.list(all, rs -> new TenantId(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  @Override
  public boolean appExists(TenantId app) {
    return tenantExists(app.appLevel());
  }

  @Override
  public boolean tenantExists(TenantId tenant) {
    return sql.exists(exists, tenant.connectionUriDomain(), tenant.appId(), tenant.tenantId());
  }
}
