package io.authcore.storage.jdbc;

import io.authcore.storage.RoleStore;
import java.util.List;

final class JdbcRoleStore implements RoleStore {
  private final Sql sql;
  private final String roles;
  private final String permissions;
  private final String selectRole;

  JdbcRoleStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.roles = tables.name("roles");
    this.permissions = tables.name("role_permissions");
    this.selectRole = "SELECT 1 FROM " + roles + " WHERE app_id = ? AND role = ?";
  }

  @Override
  public boolean create(String appId, String role) {
    return sql.update(
            "INSERT INTO " + roles + " (app_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING",
            appId,
            role)
        > 0;
  }

  @Override
  public boolean lock(String appId, String role) {
    return sql.exists(selectRole + " FOR UPDATE", appId, role);
  }

  @Override
  public boolean exists(String appId, String role) {
    return sql.exists(selectRole, appId, role);
  }

  @Override
  public List<String> all(String appId) {
    return sql.list(
        "SELECT role FROM " + roles + " WHERE app_id = ?", rs -> rs.getString(1), appId);
  }

  @Override
  public boolean delete(String appId, String role) {
    // role_permissions rows go with it (ON DELETE CASCADE).
    return sql.update("DELETE FROM " + roles + " WHERE app_id = ? AND role = ?", appId, role) > 0;
  }

  @Override
  public void addPermission(String appId, String role, String permission) {
    sql.update(
        "INSERT INTO "
            + permissions
            + " (app_id, role, permission) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        appId,
        role,
        permission);
  }

  @Override
  public List<String> permissions(String appId, String role) {
    return sql.list(
        "SELECT permission FROM " + permissions + " WHERE app_id = ? AND role = ?",
        rs -> rs.getString(1),
        appId,
        role);
  }

  @Override
  public void removePermission(String appId, String role, String permission) {
    sql.update(
        "DELETE FROM " + permissions + " WHERE app_id = ? AND role = ? AND permission = ?",
        appId,
        role,
        permission);
  }

  @Override
  public void removeAllPermissions(String appId, String role) {
    sql.update("DELETE FROM " + permissions + " WHERE app_id = ? AND role = ?", appId, role);
  }

  @Override
  public List<String> rolesWithPermission(String appId, String permission) {
    return sql.list(
        "SELECT role FROM " + permissions + " WHERE app_id = ? AND permission = ?",
        rs -> rs.getString(1),
        appId,
        permission);
  }
}
