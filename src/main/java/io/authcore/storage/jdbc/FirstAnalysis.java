package io.authcore.storage.jdbc;

import io.authcore.threads.Daemons;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses the busiest tables of a fresh PostgreSQL database as soon as they hold rows.
 *
 * <p>Until a table's first {@code ANALYZE}, PostgreSQL has no statistics for it, and for a lookup
 * by primary key it rates {@code session_info}'s two-column index on (app_id, tenant_id) as cheap
 * as the primary key; a prepared statement then keeps a plan that reads every session of the tenant
 * to find one (1 ms of the database's CPU per verify with 8,000 sessions, against 60 µs).
 * Autovacuum's first analysis comes a minute or more later. So for its first minutes a server looks
 * every few seconds for those tables that were never analysed but now hold rows, and analyses them;
 * after that autovacuum keeps the statistics. Nothing in the schema changes, and a table another
 * user owns is skipped with the server's warning, not an error.
 */
final class FirstAnalysis implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FirstAnalysis.class);
  private static final List<String> TABLES =
      List.of(
          "session_info",
          "app_id_to_user_id",
          "all_auth_recipe_users",
          "emailpassword_users",
          "emailpassword_user_to_tenant",
          "thirdparty_users",
          "thirdparty_user_to_tenant",
          "passwordless_users",
          "passwordless_user_to_tenant",
          "userid_mapping",
          "user_last_active",
          "user_roles",
          "user_metadata");
  private static final int MIN_ROWS = 100;
  private static final Duration EVERY = Duration.ofSeconds(3);
  private static final Duration FOR = Duration.ofMinutes(10);

  private final DataSource pool;
  private final Tables tables;
  private final Map<String, String> byRelname = new HashMap<>(); // as pg_class spells them
  private final ScheduledExecutorService timer;
  private final long until;

  FirstAnalysis(DataSource pool, Tables tables) {
    this.pool = pool;
    this.tables = tables;
    for (String table : TABLES) {
      byRelname.put(tables.catalogName(table), table);
    }
    this.until = System.nanoTime() + FOR.toNanos();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(Daemons.named("authcore-first-analysis"));
  }

  /** Looks every few seconds for the first ten minutes, or until every table was analysed. */
  FirstAnalysis start() {
    timer.scheduleWithFixedDelay(
        this::check, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void check() {
    try {
      if (runOnce().isEmpty() || System.nanoTime() > until) {
        timer.shutdown();
      }
    } catch (SQLException | RuntimeException e) {
      log.debug("Could not look at the tables' statistics", e); // again at the next check
    }
  }

  /**
   * Analyses the tables that were never analysed and hold at least {@link #MIN_ROWS} rows; returns
   * the ones still never analysed.
   */
  List<String> runOnce() throws SQLException {
    try (Connection c = pool.getConnection()) {
      List<String> never = new ArrayList<>();
      List<String> grown = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT c.relname, c.reltuples, s.n_live_tup FROM pg_class c"
                  + " JOIN pg_stat_user_tables s ON s.relid = c.oid"
                  + " WHERE s.schemaname = ? AND c.relname = ANY (?)")) {
        s.setString(1, tables.schema());
        s.setArray(2, c.createArrayOf("text", byRelname.keySet().toArray(String[]::new)));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (rs.getFloat(2) < 0) {
              String table = byRelname.get(rs.getString(1));
              never.add(table);
              if (rs.getLong(3) >= MIN_ROWS) {
                grown.add(table);
              }
            }
          }
        }
      }
      for (String table : grown) {
        try (Statement s = c.createStatement()) {
          s.execute("ANALYZE " + tables.name(table));
        }
        never.remove(table);
        log.debug("Analysed {}, never analysed before", table);
      }
      return never;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
