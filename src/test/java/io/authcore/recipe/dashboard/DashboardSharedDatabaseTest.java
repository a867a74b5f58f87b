package io.authcore.recipe.dashboard;

import static io.authcore.recipe.dashboard.DashboardCalls.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard over a PostgreSQL database shared with the original: an admin and a session the
 * original wrote (rows copied from the original 11.4.7) sign in and verify on Authcore, and
 * Authcore writes the rows the original writes.
 */
class DashboardSharedDatabaseTest {
  static final String ORIGINAL_ID = "a59f13d8-f216-4ae3-8965-2dd5fcf9b724";
  // What the original stored for "password123" with its default bcrypt settings.
  static final String ORIGINAL_HASH =
      "$2a$11$Qgjc1XiIJCmmvbN8m7xWHuAQQCutXACiOPMjsRGwJQCi4HprDM6Q.";
  static final String ORIGINAL_SESSION = "8db86d29-b57c-478a-a345-0c58af207ba4";

  @Test
  void theOriginalsAdminAndSessionWorkHere() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      long now = System.currentTimeMillis();
      TestDatabases.execute(
          db,
          "INSERT INTO dashboard_users VALUES ('public', '"
              + ORIGINAL_ID
              + "', 'orig@example.com', '"
              + ORIGINAL_HASH
              + "', 1796654784023)",
          "INSERT INTO dashboard_user_sessions VALUES ('public', '"
              + ORIGINAL_SESSION
              + "', '"
              + ORIGINAL_ID
              + "', "
              + now
              + ", "
              + (now + 2_592_000_000L)
              + ")");
      DashboardCalls dashboard = new DashboardCalls(server.http());
      assertOk(
          "{\"status\":\"OK\",\"email\":\"orig@example.com\"}",
          dashboard.verify(ORIGINAL_SESSION, "5.4"));
      String sessionId = dashboard.sessionOf("orig@example.com", "password123");
      assertOk(
          "{\"status\":\"OK\",\"email\":\"orig@example.com\"}", dashboard.verify(sessionId, "5.4"));
      assertOk(
          "{\"status\":\"OK\",\"users\":[{\"email\":\"orig@example.com\",\"userId\":\""
              + ORIGINAL_ID
              + "\",\"timeJoined\":1796654784023}]}",
          server.http().get("/recipe/dashboard/users", DashboardCalls.cdi("5.4")));
    }
  }

  @Test
  void authcoreWritesTheOriginalsRows() throws Exception {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      DashboardCalls dashboard = new DashboardCalls(server.http());
      long before = System.currentTimeMillis();
      String userId = dashboard.createAdmin("new@example.com");
      String sessionId = dashboard.sessionOf("new@example.com", "password123");
      try (Connection c = TestDatabases.dataSource(db).getConnection();
          Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT app_id, user_id, email, password_hash, time_joined FROM dashboard_users")) {
          rs.next();
          assertEquals("public", rs.getString(1));
          assertEquals(userId, rs.getString(2));
          assertEquals("new@example.com", rs.getString(3));
          // bcrypt at the default cost, in the $2a$ form the original writes and reads.
          assertTrue(rs.getString(4).matches("\\$2a\\$11\\$[./A-Za-z0-9]{53}"), rs.getString(4));
          assertTrue(rs.getLong(5) >= before);
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT app_id, session_id, user_id, expiry - time_created"
                    + " FROM dashboard_user_sessions")) {
          rs.next();
          assertEquals("public " + sessionId + " " + userId + " 2592000000", row(rs, 4));
        }
      }
    }
  }

  @Test
  void theAppsAlgorithmHashesTheAdminsPassword() throws Exception {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server =
        TestServer.onDatabase(db, Map.of("password_hashing_alg", "ARGON2"), Clock.systemUTC())) {
      DashboardCalls dashboard = new DashboardCalls(server.http());
      dashboard.createAdmin("argon@example.com");
      dashboard.sessionOf("argon@example.com", "password123");
      try (Connection c = TestDatabases.dataSource(db).getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT password_hash FROM dashboard_users")) {
        rs.next();
        String hash = rs.getString(1);
        assertTrue(hash.startsWith("$argon2id$v=19$m=87795,t=1,p=2$"), hash);
      }
    }
  }

  private static String row(ResultSet rs, int columns) throws Exception {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      out.append(i == 1 ? "" : " ").append(rs.getString(i));
    }
    return out.toString();
  }
}
