package io.authcore.recipe.totp;

import static io.authcore.recipe.totp.TotpCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * TOTP over a PostgreSQL database shared with the original: a device and a used code written as the
 * original writes them work on Authcore, and Authcore's rows are the original's.
 */
class TotpSharedDatabaseTest {
  static final String SECRET = "IV3VTHPURXJ75HKPWXZ2O6F6CUBSOSI5";

  @Test
  void theOriginalsDeviceVerifiesAndItsUsedCodeIsAReplay() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      long now = System.currentTimeMillis();
      String used = TotpCalls.code(SECRET, 30, now - 30_000);
      TestDatabases.execute(
          db,
          "INSERT INTO totp_users VALUES ('public', 'orig-user')",
          "INSERT INTO totp_user_devices VALUES ('public', 'orig-user', 'TOTP Device 0', '"
              + SECRET
              + "', 30, 1, true, 1700000000000)",
          "INSERT INTO totp_used_codes VALUES ('public', 'public', 'orig-user', '"
              + used
              + "', true, "
              + (now + 60_000)
              + ", "
              + (now - 30_000)
              + ")");
      TotpCalls totp = new TotpCalls(server.http());
      assertEquals(
          "200 {\"status\":\"OK\",\"devices\":[{\"name\":\"TOTP Device 0\",\"period\":30,\"skew\":1,"
              + "\"verified\":true}]}",
          shape(totp.list("5.4", "orig-user")));
      assertEquals(
          "200 {\"status\":\"INVALID_TOTP_ERROR\",\"currentNumberOfFailedAttempts\":1,"
              + "\"maxNumberOfFailedAttempts\":5}",
          shape(totp.verify("5.4", "orig-user", used)));
      String current = TotpCalls.code(SECRET, 30, System.currentTimeMillis());
      if (!current.equals(used)) {
        assertEquals("200 {\"status\":\"OK\"}", shape(totp.verify("5.4", "orig-user", current)));
      }
    }
  }

  @Test
  void authcoreWritesTheOriginalsRows() throws Exception {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer server = TestServer.onDatabase(db, Map.of(), Clock.systemUTC())) {
      TotpCalls totp = new TotpCalls(server.http());
      long before = System.currentTimeMillis();
      String secret = totp.secretOf("new-user", "phone", 2, 60);
      totp.verify("5.4", "new-user", "12");
      try (Connection c = TestDatabases.dataSource(db).getConnection();
          Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT device_name, secret_key, period, skew, verified, created_at"
                    + " FROM totp_user_devices WHERE user_id = 'new-user'")) {
          rs.next();
          assertEquals("phone " + secret + " 60 2 f", row(rs, 5));
          assertEquals(true, rs.getLong(6) >= before);
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT tenant_id, code, is_valid, expiry_time_ms - created_time_ms"
                    + " FROM totp_used_codes WHERE user_id = 'new-user'")) {
          rs.next();
          // No verified device: the longest lifetime over none is 0.
          assertEquals("public 12 f 0", row(rs, 4));
        }
      }
    }
  }

  private static String row(ResultSet rs, int columns) throws Exception {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= columns; i++) {
      out.append(i == 1 ? "" : " ").append(rs.getString(i));
    }
    // PostgreSQL gives booleans as text as t and f.
    return out.toString();
  }
}
