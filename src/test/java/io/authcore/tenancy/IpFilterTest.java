package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code ip_allow_regex} / {@code ip_deny_regex} in an app's or tenant's coreConfig, as the
 * original applies them: per tenant, an unknown tenant held to its app's public tenant, 403 before
 * anything else is looked at. The test client connects from loopback.
 */
class IpFilterTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String LOOPBACK = "127[.]0[.]0[.]1|0:0:0:0:0:0:0:1";
  static final String SESSION =
      "{\"userId\":\"%s\",\"userDataInJWT\":{},\"userDataInDatabase\":{},\"enableAntiCsrf\":false}";

  String app(String coreConfig) {
    String id = "ip-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\"" + id + "\",\"coreConfig\":" + coreConfig + "}",
            CDI);
    assertEquals(200, reply.status(), reply.body());
    return "/appid-" + id;
  }

  String tenant(String app, String coreConfig) {
    String id = "t" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply =
        http.put(
            app + "/recipe/multitenancy/tenant/v2",
            "{\"tenantId\":\"" + id + "\",\"coreConfig\":" + coreConfig + "}",
            CDI);
    assertEquals(200, reply.status(), reply.body());
    return app + "/" + id;
  }

  static void assertForbidden(Reply reply) {
    assertForbidden(reply, reply.body());
  }

  static void assertForbidden(Reply reply, String why) {
    assertEquals(403, reply.status(), why);
    assertEquals("Forbidden\n", reply.body());
  }

  Reply createSession(String prefix, String userId) {
    return http.post(prefix + "/recipe/session", String.format(SESSION, userId), CDI);
  }

  @Test
  void anAppsDenyListRefusesItsRequestsAndOnlyThose() {
    String denied = app("{\"ip_deny_regex\":\"" + LOOPBACK + "\"}");
    assertForbidden(createSession(denied + "/public", "u1"));
    assertForbidden(http.get(denied + "/hello"));
    assertForbidden(http.get(denied + "/recipe/multitenancy/tenant/v2", CDI));
    assertEquals(200, createSession("/public", "u1").status(), "other apps are not filtered");
    assertEquals(200, http.get("/hello").status());
  }

  @Test
  void aTenantsFilterAppliesToThatTenantAndAnUnknownTenantFallsBackToItsApp() {
    String app = app("{}");
    String denied = tenant(app, "{\"ip_deny_regex\":\"" + LOOPBACK + "\"}");
    assertForbidden(createSession(denied, "u2"));
    assertEquals(200, createSession(app + "/public", "u2").status());
    assertEquals(
        400, createSession(app + "/no-such-tenant", "u2").status(), "the app has no filter");

    String deniedApp = app("{\"ip_deny_regex\":\"" + LOOPBACK + "\"}");
    assertForbidden(createSession(deniedApp + "/no-such-tenant", "u2"));
  }

  @Test
  void allowDenyAndTheirOrder() {
    assertForbidden(createSession(app("{\"ip_allow_regex\":\"10[.].*\"}") + "/public", "u3"));
    assertEquals(
        200,
        createSession(app("{\"ip_allow_regex\":\"" + LOOPBACK + "\"}") + "/public", "u3").status());
    assertEquals(
        200,
        createSession(app("{\"ip_deny_regex\":\"10[.].*\"}") + "/public", "u3").status(),
        "with only a deny list, everyone else passes");
    assertForbidden(
        createSession(
            app("{\"ip_allow_regex\":\".*\",\"ip_deny_regex\":\"" + LOOPBACK + "\"}") + "/public",
            "u3"));
    assertForbidden(
        createSession(app("{\"ip_allow_regex\":\"127\"}") + "/public", "u3"),
        "the whole address must match");
  }

  @Test
  void theFilterComesBeforeEveryOtherCheckAndChangesNothing() {
    String app = app("{\"ip_deny_regex\":\"" + LOOPBACK + "\"}");
    assertForbidden(http.post(app + "/public/recipe/session", "not json", CDI));
    assertForbidden(http.get(app + "/public/recipe/session/user", "cdi-version", "x.y"));
    assertForbidden(http.post(app + "/public/recipe/session", "{}", "api-key", "wrong"));
    assertForbidden(createSession(app + "/public", "u4"));

    // Lift the filter: nothing was written while it held.
    http.put(
        "/recipe/multitenancy/app/v2",
        "{\"appId\":\""
            + app.substring("/appid-".length())
            + "\",\"coreConfig\":{\"ip_deny_regex\":null}}",
        CDI);
    Reply sessions = http.get(app + "/public/recipe/session/user?userId=u4", CDI);
    assertEquals(200, sessions.status(), sessions.body());
    assertEquals(0, sessions.json().get("sessionHandles").size(), sessions.body());
  }

  @Test
  void theFilterOfConfigYamlHoldsForTheWholeServer() {
    try (var server =
        TestServer.start(backend, Map.of("ip_deny_regex", LOOPBACK), Clock.systemUTC())) {
      Http denied = server.http();
      assertForbidden(denied.get("/hello"));
      assertForbidden(createSessionOn(denied));
      assertForbidden(denied.get("/no/such/path"));
    }
    try (var server =
        TestServer.start(backend, Map.of("ip_allow_regex", LOOPBACK), Clock.systemUTC())) {
      assertEquals(200, server.http().get("/hello").status());
    }
  }

  static Reply createSessionOn(Http client) {
    return client.post("/recipe/session", String.format(SESSION, "u5"), CDI);
  }
}
