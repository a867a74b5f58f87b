package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.MutableClock;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * password_hashing_alg and the reset-token lifetime set per app reach the email-password recipe.
 */
class PerAppHashingTest {
  static final String[] CDI = {"cdi-version", "5.4"};

  @Test
  void anAppChoosesItsHashAlgorithmAndResetTokenLifetime() throws Exception {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    MutableClock clock = new MutableClock();
    try (TestServer server = TestServer.onDatabase(db, Map.of("bcrypt_log_rounds", "4"), clock)) {
      Http http = server.http();
      assertEquals(
          "{\"status\":\"OK\",\"createdNew\":true}\n",
          http.put(
                  "/recipe/multitenancy/app/v2",
                  "{\"appId\":\"argon\",\"coreConfig\":{\"password_hashing_alg\":\"ARGON2\","
                      + "\"password_reset_token_lifetime\":1000}}",
                  CDI)
              .body());
      String body = "{\"email\":\"a@b.c\",\"password\":\"secret-123\"}";
      String argonUser =
          http.post("/appid-argon/public/recipe/signup", body, CDI)
              .json()
              .get("user")
              .get("id")
              .asText();
      http.post("/public/recipe/signup", body, CDI);
      try (Connection c = TestDatabases.dataSource(db).getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT app_id, password_hash FROM emailpassword_users ORDER BY app_id")) {
        assertTrue(rs.next());
        assertEquals("argon", rs.getString(1));
        assertTrue(rs.getString(2).startsWith("$argon2id$"), "the app's algorithm");
        assertTrue(rs.next());
        assertEquals("public", rs.getString(1));
        assertTrue(rs.getString(2).startsWith("$2a$"), "the default elsewhere");
      }
      assertEquals(
          "OK",
          http.post("/appid-argon/public/recipe/signin", body, CDI).json().get("status").asText());

      String token =
          http.post(
                  "/appid-argon/public/recipe/user/password/reset/token",
                  "{\"userId\":\"" + argonUser + "\",\"email\":\"a@b.c\"}",
                  CDI)
              .json()
              .get("token")
              .asText();
      clock.advance(Duration.ofSeconds(2));
      assertEquals(
          "RESET_PASSWORD_INVALID_TOKEN_ERROR",
          http.post(
                  "/appid-argon/public/recipe/user/password/reset/token/consume",
                  "{\"method\":\"TOKEN\",\"token\":\"" + token + "\"}",
                  CDI)
              .json()
              .get("status")
              .asText(),
          "the app's one-second lifetime, not the default hour");
    }
  }
}
