package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Authcore processes on one PostgreSQL database: an app made through one is usable through the
 * other at once, and a change of its configuration takes effect there within the original's sync
 * interval of one minute.
 */
class SharedDatabaseTenancyTest {
  static final String[] CDI = {"cdi-version", "5.4"};

  static JsonNode session(Http http, String prefix) {
    Reply reply =
        http.post(
            prefix + "/public/recipe/session",
            "{\"userId\":\"u1\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}",
            CDI);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static long lifetime(JsonNode session) {
    return session.get("accessToken").get("expiry").asLong()
        - session.get("accessToken").get("createdTime").asLong();
  }

  @Test
  void appsAndTheirConfigReachEveryCoreOnTheDatabase() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    MutableClock clockA = new MutableClock();
    MutableClock clockB = new MutableClock();
    // Lifetimes are compared exactly: no access_token_validity_jitter.
    Map<String, String> exact = Map.of("access_token_validity_jitter", "0");
    try (TestServer a = TestServer.onDatabase(db, exact, clockA);
        TestServer b = TestServer.onDatabase(db, exact, clockB)) {
      assertEquals(
          200,
          a.http()
              .put(
                  "/recipe/multitenancy/app/v2",
                  "{\"appId\":\"shared\",\"coreConfig\":{\"access_token_validity\":100}}",
                  CDI)
              .status());

      JsonNode fromB = session(b.http(), "/appid-shared");
      assertEquals(100_000, lifetime(fromB), "B finds the new app and its config at once");
      Reply verifiedByA =
          a.http()
              .post(
                  "/appid-shared/recipe/session/verify",
                  "{\"accessToken\":\""
                      + fromB.get("accessToken").get("token").asText()
                      + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,"
                      + "\"checkDatabase\":true}",
                  CDI);
      assertEquals("OK", verifiedByA.json().get("status").asText(), "both use the app's keys");

      assertEquals(
          200,
          a.http()
              .put(
                  "/recipe/multitenancy/app/v2",
                  "{\"appId\":\"shared\",\"coreConfig\":{\"access_token_validity\":200}}",
                  CDI)
              .status());
      assertEquals(200_000, lifetime(session(a.http(), "/appid-shared")), "at once where changed");
      clockB.advance(Duration.ofSeconds(59));
      assertEquals(100_000, lifetime(session(b.http(), "/appid-shared")), "B has not synced yet");
      clockB.advance(Duration.ofSeconds(1));
      assertEquals(200_000, lifetime(session(b.http(), "/appid-shared")), "B synced after 60 s");

      assertEquals(
          200,
          a.http().post("/recipe/multitenancy/app/remove", "{\"appId\":\"shared\"}", CDI).status());
      clockB.advance(Duration.ofSeconds(60));
      assertEquals(
          "TENANT_NOT_FOUND_ERROR",
          b.http()
              .get("/appid-shared/public/recipe/multitenancy/tenant/v2", CDI)
              .json()
              .get("status")
              .asText(),
          "B sees the removal after its next sync");
    }
  }
}
