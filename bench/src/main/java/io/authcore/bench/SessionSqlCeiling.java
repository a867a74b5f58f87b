package io.authcore.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 25's JDBC ceiling: the statements each of Authcore's PostgreSQL session paths runs, in the
 * same order and transactions, from plain JDBC threads through a HikariCP pool of the server's
 * size, on the database Authcore has just used (its schema, its rows). No HTTP, JSON or token work:
 * what the path would cost if the server did nothing but its SQL.
 *
 * <p>The texts mirror what Authcore sends (read from PostgreSQL's statement log with {@code
 * log_statement = all}: {@code JdbcSessionStore}, {@code JdbcAccountIdStore}); a change there is to
 * be made here too.
 */
final class SessionSqlCeiling {
  static final List<String> PATHS =
      List.of("create", "verify-db", "refresh", "regenerate", "revoke");

  private static final String COLUMNS =
      "app_id, tenant_id, session_handle, user_id, refresh_token_hash_2, session_data,"
          + " expires_at, created_at_time, jwt_user_payload, use_static_key";
  private static final String ROW =
      COLUMNS + ", prev_refresh_token_hash_2, refresh_token_rotated_at";
  private static final String IDENTIFY =
      "SELECT g.supertokens_user_id, m.external_user_id, u.primary_or_recipe_user_id"
          + " FROM (SELECT 1 AS one) given"
          + " LEFT JOIN userid_mapping g ON g.app_id = ? AND g.external_user_id = ?"
          + " LEFT JOIN userid_mapping m ON m.app_id = ?"
          + " AND m.supertokens_user_id = COALESCE(g.supertokens_user_id, ?)"
          + " LEFT JOIN app_id_to_user_id u ON u.app_id = ?"
          + " AND u.user_id = COALESCE(g.supertokens_user_id, ?)";
  private static final String CREATE =
      "WITH who AS ("
          + IDENTIFY
          + "), written AS (INSERT INTO session_info ("
          + COLUMNS
          + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM who WHERE who.external_user_id = ?"
          + " OR (who.external_user_id IS NULL AND who.supertokens_user_id IS NULL) RETURNING 1)"
          + " SELECT who.*, EXISTS (SELECT 1 FROM written) FROM who";
  private static final String FIND =
      "SELECT "
          + ROW
          + " FROM session_info WHERE app_id = ? AND tenant_id = ? AND session_handle = ?";
  private static final String ROTATE =
      "UPDATE session_info SET refresh_token_hash_2 = ?, prev_refresh_token_hash_2 = ?,"
          + " refresh_token_rotated_at = ?, expires_at = ?, use_static_key = ?"
          + " WHERE app_id = ? AND tenant_id = ? AND session_handle = ?";
  private static final String REGENERATE =
      "UPDATE session_info SET jwt_user_payload = ?"
          + " WHERE app_id = ? AND tenant_id = ? AND session_handle = ? AND expires_at > ?"
          + " RETURNING "
          + ROW;
  private static final String REVOKE =
      "DELETE FROM session_info WHERE app_id = ? AND tenant_id = ? AND session_handle IN (?)"
          + " RETURNING session_handle";
  private static final String HASH = "0".repeat(64);

  private SessionSqlCeiling() {}

  /** Operations a second of each path's statements, over {@code threads} threads. */
  static Map<String, Double> measure(
      String jdbcUrl,
      String user,
      String password,
      int threads,
      int poolSize,
      double warmupSeconds,
      double measureSeconds)
      throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setAutoCommit(true);
    Map<String, Double> out = new LinkedHashMap<>();
    try (HikariDataSource ds = new HikariDataSource(config)) {
      for (String path : PATHS) {
        ThreadLocal<String> own = ThreadLocal.withInitial(() -> create(ds, userOf()));
        CeilingProbe.Op op =
            switch (path) {
              case "create" -> () -> create(ds, userOf());
              case "verify-db" -> () -> find(ds, own.get());
              case "refresh" -> () -> refresh(ds, own.get());
              case "regenerate" -> () -> regenerate(ds, own.get());
              case "revoke" -> () -> revoke(ds, create(ds, userOf()));
              default -> throw new IllegalArgumentException(path);
            };
        out.put(path, CeilingProbe.measure(op, threads, warmupSeconds, measureSeconds).perSecond());
      }
    }
    return out;
  }

  private static String userOf() {
    return "sql-ceiling-" + Thread.currentThread().getName();
  }

  private static String create(HikariDataSource ds, String userId) {
    String handle = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(CREATE)) {
      int i = bindIdentify(s, userId);
      s.setString(i++, "public");
      s.setString(i++, "public");
      s.setString(i++, handle);
      s.setString(i++, userId);
      s.setString(i++, HASH);
      s.setString(i++, "{}");
      s.setLong(i++, now + 100L * 24 * 3600 * 1000);
      s.setLong(i++, now);
      s.setString(i++, "{}");
      s.setBoolean(i++, false);
      s.setString(i, userId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(4)) {
          throw new IllegalStateException("no session written");
        }
      }
      return handle;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void find(HikariDataSource ds, String handle) throws SQLException {
    try (Connection c = ds.getConnection()) {
      expectRow(c, FIND, handle);
    }
  }

  private static void refresh(HikariDataSource ds, String handle) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        expectRow(c, FIND + " FOR UPDATE", handle);
        try (PreparedStatement s = c.prepareStatement(IDENTIFY)) {
          bindIdentify(s, userOf());
          s.executeQuery().close();
        }
        try (PreparedStatement s = c.prepareStatement(ROTATE)) {
          long now = System.currentTimeMillis();
          s.setString(1, HASH);
          s.setString(2, HASH);
          s.setLong(3, now);
          s.setLong(4, now + 100L * 24 * 3600 * 1000);
          s.setBoolean(5, false);
          s.setString(6, "public");
          s.setString(7, "public");
          s.setString(8, handle);
          s.executeUpdate();
        }
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static void regenerate(HikariDataSource ds, String handle) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(REGENERATE)) {
      s.setString(1, "{\"k\":" + System.nanoTime() + "}");
      s.setString(2, "public");
      s.setString(3, "public");
      s.setString(4, handle);
      s.setLong(5, System.currentTimeMillis());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no session regenerated");
        }
      }
    }
  }

  private static void revoke(HikariDataSource ds, String handle) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(REVOKE)) {
      s.setString(1, "public");
      s.setString(2, "public");
      s.setString(3, handle);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no session revoked");
        }
      }
    }
  }

  /** {@link #IDENTIFY}'s six parameters, first in {@code s}; returns the next one's index. */
  private static int bindIdentify(PreparedStatement s, String userId) throws SQLException {
    for (int i = 1; i <= 6; i += 2) {
      s.setString(i, "public");
      s.setString(i + 1, userId);
    }
    return 7;
  }

  private static void expectRow(Connection c, String sql, String handle) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, "public");
      s.setString(2, "public");
      s.setString(3, handle);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no session " + handle);
        }
      }
    }
  }
}
