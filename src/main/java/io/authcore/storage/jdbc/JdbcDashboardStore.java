package io.authcore.storage.jdbc;

import io.authcore.storage.DashboardStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcDashboardStore implements DashboardStore {
  private static final String ADMIN_COLUMNS = "user_id, email, password_hash, time_joined";
  private static final String SESSION_COLUMNS = "user_id, session_id, time_created, expiry";

  private final Sql sql;
  private final String users;
  private final String sessions;

  JdbcDashboardStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.users = tables.name("dashboard_users");
    this.sessions = tables.name("dashboard_user_sessions");
  }

  @Override
  public void insertAdmin(String appId, Admin admin) {
    sql.update(
        "INSERT INTO " + users + " (app_id, " + ADMIN_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        appId,
        admin.userId(),
        admin.email(),
        admin.passwordHash(),
        admin.timeJoined());
  }

  @Override
  public Optional<Admin> adminById(String appId, String userId) {
    return sql.one(
        "SELECT " + ADMIN_COLUMNS + " FROM " + users + " WHERE app_id = ? AND user_id = ?",
        JdbcDashboardStore::admin,
        appId,
        userId);
  }

  @Override
  public Optional<Admin> adminByEmail(String appId, String email) {
    return sql.one(
        "SELECT " + ADMIN_COLUMNS + " FROM " + users + " WHERE app_id = ? AND email = ?",
        JdbcDashboardStore::admin,
        appId,
        email);
  }

  @Override
  public List<Admin> admins(String appId) {
    return sql.list(
        "SELECT "
            + ADMIN_COLUMNS
            + " FROM "
            + users
            + " WHERE app_id = ? ORDER BY time_joined ASC, user_id ASC",
        JdbcDashboardStore::admin,
        appId);
  }

  private static Admin admin(ResultSet rs) throws SQLException {
    return new Admin(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
  }

  @Override
  public boolean deleteAdmin(String appId, String userId) {
    return sql.update("DELETE FROM " + users + " WHERE app_id = ? AND user_id = ?", appId, userId)
        > 0;
  }

  @Override
  public boolean updateEmail(String appId, String userId, String email) {
    return sql.update(
            "UPDATE " + users + " SET email = ? WHERE app_id = ? AND user_id = ?",
            email,
            appId,
            userId)
        > 0;
  }

  @Override
  public boolean updatePasswordHash(String appId, String userId, String passwordHash) {
    return sql.update(
            "UPDATE " + users + " SET password_hash = ? WHERE app_id = ? AND user_id = ?",
            passwordHash,
            appId,
            userId)
        > 0;
  }

  @Override
  public void insertSession(String appId, AdminSession session) {
    sql.update(
        "INSERT INTO " + sessions + " (app_id, " + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        appId,
        session.userId(),
        session.sessionId(),
        session.timeCreated(),
        session.expiry());
  }

  @Override
  public Optional<AdminSession> session(String appId, String sessionId) {
    return sql.one(
        "SELECT " + SESSION_COLUMNS + " FROM " + sessions + " WHERE app_id = ? AND session_id = ?",
        JdbcDashboardStore::session,
        appId,
        sessionId);
  }

  @Override
  public List<AdminSession> sessions(String appId, String userId) {
    return sql.list(
        "SELECT "
            + SESSION_COLUMNS
            + " FROM "
            + sessions
            + " WHERE app_id = ? AND user_id = ? ORDER BY time_created ASC, session_id ASC",
        JdbcDashboardStore::session,
        appId,
        userId);
  }

  private static AdminSession session(ResultSet rs) throws SQLException {
    return new AdminSession(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
  }

  @Override
  public boolean deleteSession(String appId, String sessionId) {
    return sql.update(
            "DELETE FROM " + sessions + " WHERE app_id = ? AND session_id = ?", appId, sessionId)
        > 0;
  }

  @Override
  public int deleteSessionsOf(String appId, String userId) {
    return sql.update(
        "DELETE FROM " + sessions + " WHERE app_id = ? AND user_id = ?", appId, userId);
  }

  @Override
  public int deleteSessionsExpiredBefore(long time) {
    return sql.update("DELETE FROM " + sessions + " WHERE expiry < ?", time);
  }
}
