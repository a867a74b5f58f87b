package io.authcore.recipe.users;

import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /users/count} at each CDI version (the app-wide count from any tenant before 5.0, the
 * approximate count of 5.6) and {@code /users/count/active}, with the original's answers.
 */
class UserCountsApiTest extends ServerOnEachBackend {
  static final long START = 1_800_000_000_000L;
  final MutableClock clock = new MutableClock(START);

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version};
  }

  String body(Reply reply) {
    return reply.status() + " " + reply.body();
  }

  long count(String path, String version) {
    Reply reply = http.get(path, cdi(version));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("count").asLong();
  }

  String tenant(String name) {
    Reply reply =
        http.put(
            "/recipe/multitenancy/tenant/v2",
            "{\"tenantId\":\"" + name + "\",\"firstFactors\":[\"emailpassword\"]}",
            cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
    return name;
  }

  @Test
  void activeUsersAreCountedSinceATimeAtEveryVersion() {
    clock.advance(Duration.ofSeconds(1)); // after the users of the other tests
    long before = clock.millis();
    TestUsers.signUp(http, TestUsers.email("active"));
    clock.advance(Duration.ofSeconds(10));
    long between = clock.millis();
    TestUsers.signUp(http, TestUsers.email("active"));
    for (String v : new String[] {"2.7", "2.19", "4.0", "5.4", "5.6"}) {
      assertEquals(2, count("/users/count/active?since=" + before, v), v);
      assertEquals(1, count("/users/count/active?since=" + between, v), v);
      assertEquals(0, count("/users/count/active?since=" + (between + 1), v), v);
    }
    assertEquals(
        "400 'since' query parameter must be >= 0\n",
        body(http.get("/users/count/active?since=-1", cdi("5.4"))));
    assertEquals(
        "400 Field name 'since' is missing in GET request\n",
        body(http.get("/users/count/active", cdi("5.4"))));
    assertEquals(
        "400 Field name 'since' must be a long in the GET request\n",
        body(http.get("/users/count/active?since=abc", cdi("5.4"))));
    // App-wide: any tenant of the app before 5.0, only the public one from 5.0.
    String t = tenant("active-t");
    assertEquals(2, count("/" + t + "/users/count/active?since=" + before, "4.0"));
    assertEquals(
        "403 Only public tenantId can call this app specific API\n",
        body(http.get("/" + t + "/users/count/active?since=0", cdi("5.0"))));
  }

  @Test
  void allTenantsCanBeCountedFromAnyTenantBeforeCdi5() {
    String t = tenant("count-t");
    TestUsers.signUp(http, "/" + t, TestUsers.email("in-t"), "password-123");
    long all = count("/users/count?includeAllTenants=true", "5.4");
    assertEquals(all, count("/" + t + "/users/count?includeAllTenants=true", "4.0"));
    assertEquals(1, count("/" + t + "/users/count", "4.0"));
    // Only the app must exist for the app-wide count.
    assertEquals(all, count("/no-such-tenant/users/count?includeAllTenants=TRUE", "3.0"));
    assertEquals(
        "403 Only public tenantId can call this app specific API\n",
        body(http.get("/" + t + "/users/count?includeAllTenants=true", cdi("5.0"))));
    assertEquals(
        "400 AppId or tenantId not found => Tenant with the following connectionURIDomain, appId"
            + " and tenantId combination not found: (, public, no-such-tenant)\n",
        body(http.get("/no-such-tenant/users/count", cdi("4.0"))));
  }

  @Test
  void cdi56CountsApproximatelyWhenAllowed() {
    String t = tenant("approx-t");
    String path = "/" + t + "/users/count";
    TestUsers.signUp(http, "/" + t, TestUsers.email("a"), "password-123");
    // Older clients never see the new fields.
    assertEquals(
        "200 {\"status\":\"OK\",\"count\":1}\n",
        body(http.get(path + "?allowApproximate=true", cdi("5.4"))));
    long asOf = clock.millis() - 60_000;
    assertEquals(
        "200 {\"status\":\"OK\",\"count\":1,\"approximate\":true,\"asOf\":" + asOf + "}\n",
        body(http.get(path + "?allowApproximate=true", cdi("5.6"))));

    // Users who join later are counted live; the anchor stays.
    clock.advance(Duration.ofSeconds(5));
    TestUsers.signUp(http, "/" + t, TestUsers.email("b"), "password-123");
    assertEquals(
        "200 {\"status\":\"OK\",\"count\":2,\"approximate\":true,\"asOf\":" + asOf + "}\n",
        body(http.get(path + "?allowApproximate=TRUE", cdi("5.6"))));

    // A recipe filter or all tenants have no approximate count: exact, and said so.
    assertEquals(
        "200 {\"status\":\"OK\",\"count\":2,\"approximate\":false,\"asOf\":"
            + clock.millis()
            + "}\n",
        body(http.get(path + "?allowApproximate=true&includeRecipeIds=emailpassword", cdi("5.6"))));
    Reply allTenants =
        http.get("/users/count?allowApproximate=true&includeAllTenants=true", cdi("5.6"));
    assertEquals(false, allTenants.json().get("approximate").asBoolean());
    assertEquals(clock.millis(), allTenants.json().get("asOf").asLong());
    // Without the flag nothing changes.
    assertEquals("200 {\"status\":\"OK\",\"count\":2}\n", body(http.get(path, cdi("5.6"))));
  }

  @Test
  void aStaleApproximateCountIsRecomputedInTheBackground() throws Exception {
    String t = tenant("stale-t");
    String path = "/" + t + "/users/count?allowApproximate=true";
    String first =
        TestUsers.signUp(http, "/" + t, TestUsers.email("old"), "password-123")
            .get("user")
            .get("id")
            .asText();
    clock.advance(Duration.ofMinutes(2));
    long asOf = clock.millis() - 60_000;
    assertEquals(asOf, http.get(path, cdi("5.6")).json().get("asOf").asLong());
    // A user who joined before the anchor is still counted after being deleted.
    http.post("/user/remove", json("userId", first), cdi("5.6"));
    assertEquals(1, http.get(path, cdi("5.6")).json().get("count").asLong());

    clock.advance(Duration.ofMinutes(10));
    long refreshedAsOf = clock.millis() - 60_000;
    // The stale anchor answers once more while the new one is computed.
    assertEquals(asOf, http.get(path, cdi("5.6")).json().get("asOf").asLong());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Reply reply = http.get(path, cdi("5.6"));
    while (reply.json().get("asOf").asLong() != refreshedAsOf && System.nanoTime() < deadline) {
      Thread.sleep(20);
      reply = http.get(path, cdi("5.6"));
    }
    assertEquals(
        "{\"status\":\"OK\",\"count\":0,\"approximate\":true,\"asOf\":" + refreshedAsOf + "}\n",
        reply.body());
  }
}
