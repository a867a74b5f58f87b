package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two Authcore instances on one PostgreSQL database serve the same sessions. */
class SharedDatabaseTest {
  static final String[] CDI = {"cdi-version", "5.4"};

  @Test
  void aSessionMadeOnOneInstanceVerifiesAndRefreshesOnTheOther() {
    Map<String, String> database = TestDatabases.fresh(Backend.POSTGRES);
    try (TestServer a = TestServer.onDatabase(database, Map.of(), Clock.systemUTC());
        TestServer b = TestServer.onDatabase(database, Map.of(), Clock.systemUTC())) {
      assertEquals(
          a.http().get("/.well-known/jwks.json").json(),
          b.http().get("/.well-known/jwks.json").json(),
          "both publish the same keys");
      JsonNode created =
          a.http()
              .post(
                  "/public/recipe/session",
                  "{\"userId\":\"u1\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                      + "\"enableAntiCsrf\":false}",
                  CDI)
              .json();
      String access = created.get("accessToken").get("token").asText();
      String refresh = created.get("refreshToken").get("token").asText();
      JsonNode verified =
          b.http()
              .post(
                  "/recipe/session/verify",
                  "{\"accessToken\":\""
                      + access
                      + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,"
                      + "\"checkDatabase\":true}",
                  CDI)
              .json();
      assertEquals("OK", verified.get("status").asText());
      JsonNode refreshed =
          b.http()
              .post(
                  "/recipe/session/refresh",
                  "{\"refreshToken\":\""
                      + refresh
                      + "\",\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}",
                  CDI)
              .json();
      assertEquals("OK", refreshed.get("status").asText(), "one refresh-token key for both");
    }
  }
}
