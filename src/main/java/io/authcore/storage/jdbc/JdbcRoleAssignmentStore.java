package io.authcore.storage.jdbc;

import io.authcore.storage.RoleAssignmentStore;
import java.util.List;

final class JdbcRoleAssignmentStore implements RoleAssignmentStore {
  private final Sql sql;
  private final String table;

  JdbcRoleAssignmentStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.table = tables.name("user_roles");
  }

  @Override
  public boolean assign(String appId, String tenantId, String userId, String role) {
    return sql.update(
            "INSERT INTO "
                + table
                + " (app_id, tenant_id, user_id, role) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            appId,
            tenantId,
            userId,
            role)
        > 0;
  }

  @Override
  public boolean unassign(String appId, String tenantId, String userId, String role) {
    return sql.update(
            "DELETE FROM "
                + table
                + " WHERE app_id = ? AND tenant_id = ? AND user_id = ? AND role = ?",
            appId,
            tenantId,
            userId,
            role)
        > 0;
  }

  @Override
  public List<String> rolesOf(String appId, String tenantId, String userId) {
    return sql.list(
        "SELECT role FROM " + table + " WHERE app_id = ? AND tenant_id = ? AND user_id = ?",
        rs -> rs.getString(1),
        appId,
        tenantId,
        userId);
  }

  @Override
  public List<String> usersWith(String appId, String tenantId, String role) {
    return sql.list(
        "SELECT user_id FROM " + table + " WHERE app_id = ? AND tenant_id = ? AND role = ?",
        rs -> rs.getString(1),
        appId,
        tenantId,
        role);
  }

  @Override
  public boolean unassignEverywhere(String appId, String role) {
    return sql.update("DELETE FROM " + table + " WHERE app_id = ? AND role = ?", appId, role) > 0;
  }
}
