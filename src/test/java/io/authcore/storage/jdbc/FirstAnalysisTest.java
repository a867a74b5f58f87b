package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A fresh database's sessions found by primary key, not by reading the tenant's every session: the
 * plan PostgreSQL picks before and after the first analysis, with the original's schema.
 */
class FirstAnalysisTest {

  @Test
  void aFreshSessionTableIsAnalysedOnceItHoldsRowsAndLookupsUseThePrimaryKey() throws SQLException {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    DataSource source = TestDatabases.dataSource(db);
    Databases.run(source, DeploymentDocument.statements());
    Databases.run(
        source,
        List.of(
            "INSERT INTO apps (app_id, created_at_time) VALUES ('public', 0)",
            "INSERT INTO tenants (app_id, tenant_id, created_at_time) VALUES ('public', 'public', 0)",
            "INSERT INTO session_info (session_handle, user_id, refresh_token_hash_2,"
                + " session_data, expires_at, created_at_time, jwt_user_payload, use_static_key)"
                + " SELECT 'h' || i, 'u' || i, 'r', '{}', 1, 0, '{}', false"
                + " FROM generate_series(1, 2000) i"));
    awaitLiveRows(source, 2000);
    assertTrue(
        plan(source).contains("session_info_tenant_id_index"),
        "never analysed, PostgreSQL reads the tenant's sessions by the two-column index: "
            + plan(source));

    FirstAnalysis analysis = new FirstAnalysis(source, Tables.of("public", ""));
    List<String> left = analysis.runOnce();
    assertTrue(left.contains("user_metadata"), "an empty table waits for rows: " + left);
    assertTrue(!left.contains("session_info"), "session_info was analysed: " + left);
    assertTrue(plan(source).contains("session_info_pkey"), plan(source));
    assertEquals(2000, reltuples(source), 0.5);

    Databases.run(
        source,
        List.of(
            "INSERT INTO user_metadata (app_id, user_id, user_metadata)"
                + " SELECT 'public', 'u' || i, '{}' FROM generate_series(1, 150) i"));
    awaitLiveRows(source, "user_metadata", 150);
    left = analysis.runOnce();
    assertTrue(!left.contains("user_metadata"), "user_metadata was analysed: " + left);
    analysis.close();
  }

  @Test
  void nothingLeftOnceEveryTableWasAnalysed() throws SQLException {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    DataSource source = TestDatabases.dataSource(db);
    Databases.run(source, DeploymentDocument.statements());
    Databases.run(source, List.of("ANALYZE"));
    try (FirstAnalysis analysis = new FirstAnalysis(source, Tables.of("public", ""))) {
      assertEquals(List.of(), analysis.runOnce());
    }
  }

  private static String plan(DataSource source) throws SQLException {
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute(
          "PREPARE find (varchar, varchar, varchar) AS SELECT * FROM session_info"
              + " WHERE app_id = $1 AND tenant_id = $2 AND session_handle = $3");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE find ('public', 'public', 'h7')")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private static double reltuples(DataSource source) throws SQLException {
    try (Connection c = source.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT reltuples FROM pg_class WHERE relname = 'session_info'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  private static void awaitLiveRows(DataSource source, long rows) throws SQLException {
    awaitLiveRows(source, "session_info", rows);
  }

  // The statistics collector sees a transaction's rows up to a second after it ends.
  private static void awaitLiveRows(DataSource source, String table, long rows)
      throws SQLException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Databases.count(
            source, "SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = '" + table + "'")
        < rows) {
      assertTrue(System.nanoTime() < deadline, table + " never showed " + rows + " live rows");
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
