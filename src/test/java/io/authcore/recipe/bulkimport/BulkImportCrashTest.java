package io.authcore.recipe.bulkimport;

import static io.authcore.recipe.bulkimport.BulkCalls.PASSWORD;
import static io.authcore.recipe.bulkimport.BulkCalls.emailPassword;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A core that dies in the middle of importing a batch loses nothing and imports nothing twice, on
 * PostgreSQL: the batch that was being written is held up inside its transaction (a trigger sleeps
 * on one of its users), its connection is cut as the death of the process cuts it, the core stops;
 * then every user is either imported whole and gone from the queue, or still queued with no row
 * anywhere, and the next core to start imports the rest, each user once.
 */
class BulkImportCrashTest {
  static final int USERS = 2000;
  static final String STALLED = "u1700@example.com";

  @Test
  void aCoreThatDiesMidBatchLosesNothingAndImportsNothingTwice() throws Exception {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    DataSource sql = TestDatabases.dataSource(db);
    // One worker: transactions of 500 users one after the other.
    Map<String, String> config = Map.of("bulk_migration_parallelism", "1");
    try (TestServer a = TestServer.onDatabase(db, config, Clock.systemUTC())) {
      TestDatabases.execute(
          db,
          "CREATE FUNCTION bulk_test_stall() RETURNS trigger AS $$ BEGIN IF NEW.email = '"
              + STALLED
              + "' THEN PERFORM pg_sleep(600); END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
          "CREATE TRIGGER bulk_test_stall BEFORE INSERT ON emailpassword_users"
              + " FOR EACH ROW EXECUTE FUNCTION bulk_test_stall()");
      String[] users = new String[USERS];
      for (int i = 0; i < USERS; i++) {
        users[i] = emailPassword("u" + i + "@example.com");
      }
      new BulkCalls(a.http()).queue("", users);
      int stalled = awaitSleeper(sql, Duration.ofSeconds(60));
      long written = count(sql, "SELECT COUNT(*) FROM emailpassword_users");
      assertTrue(written < USERS, "the stalled batch is not committed");
      count(sql, "SELECT pg_terminate_backend(" + stalled + ")::int");
    }
    // The core is gone: whole transactions only, and the queue holds exactly the others.
    long imported = count(sql, "SELECT COUNT(*) FROM app_id_to_user_id");
    assertEquals(0, imported % 500, "imported " + imported);
    assertTrue(imported < USERS);
    assertEquals(imported, count(sql, "SELECT COUNT(*) FROM emailpassword_users"));
    assertEquals(USERS - imported, count(sql, "SELECT COUNT(*) FROM bulk_import_users"));
    assertEquals(
        0,
        count(
            sql,
            "SELECT COUNT(*) FROM bulk_import_users q JOIN app_id_to_user_id u"
                + " ON u.user_id = q.id OR u.user_id = (q.raw_data::json #>> "
                + "'{loginMethods,0,superTokensUserId}')"));
    assertEquals(
        0, count(sql, "SELECT COUNT(*) FROM bulk_import_users WHERE status <> 'PROCESSING'"));

    TestDatabases.execute(db, "DROP TRIGGER bulk_test_stall ON emailpassword_users");
    try (TestServer b = TestServer.onDatabase(db, config, Clock.systemUTC())) {
      BulkCalls bulk = new BulkCalls(b.http());
      SignIns.awaitDrained(bulk, "", Duration.ofSeconds(120));
      assertEquals(0, bulk.countOf("", null));
      assertEquals(USERS, count(sql, "SELECT COUNT(*) FROM app_id_to_user_id"));
      assertEquals(USERS, count(sql, "SELECT COUNT(DISTINCT email) FROM emailpassword_users"));
      assertEquals(USERS, count(sql, "SELECT COUNT(*) FROM all_auth_recipe_users"));
      new SignIns(b.http()).emailPassword("", STALLED, PASSWORD);
    }
  }

  /** The backend sleeping in the trigger: the import transaction that is held up. */
  static int awaitSleeper(DataSource sql, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long pid =
          count(
              sql,
              "SELECT COALESCE(MAX(pid), 0) FROM pg_stat_activity WHERE wait_event = 'PgSleep'");
      if (pid > 0) {
        return (int) pid;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no import reached the stalled user");
  }

  static long count(DataSource sql, String query) throws SQLException {
    try (Connection c = sql.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
