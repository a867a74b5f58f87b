package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.ConfigLoader;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request pipeline over a real socket, with probe endpoints that echo what they were given. */
class PipelineTest {
  static final String KEY = "abcdefghijklmnopqrstuvwxyz";
  static final String OTHER_KEY = "ZZZZZZZZZZZZZZZZZZZZ-=";

  /** Apps: public, app1; tenants: public/public, public/t1, app1/public, app1/t2. */
  static final Tenants TENANTS =
      new Tenants() {
        final Set<String> apps = Set.of("public", "app1");
        final Set<String> tenants = Set.of("public/public", "public/t1", "app1/public", "app1/t2");

        @Override
        public boolean appExists(TenantId app) {
          return app.connectionUriDomain().isEmpty() && apps.contains(app.appId());
        }

        @Override
        public boolean tenantExists(TenantId t) {
          return appExists(t) && tenants.contains(t.appId() + "/" + t.tenantId());
        }
      };

  static final AtomicBoolean INLINE = new AtomicBoolean();
  static final CountDownLatch ARRIVED = new CountDownLatch(10);
  static final CountDownLatch RELEASE = new CountDownLatch(1);

  static final Api PROBES =
      routes -> {
        Endpoint echo =
            call -> {
              var body = Json.object();
              body.put("app", call.tenant().appId());
              body.put("tenant", call.tenant().tenantId());
              body.put("cdi", call.cdi().wire());
              body.put("method", call.method());
              return body;
            };
        routes.get("/probe/tenant", echo);
        routes.post("/probe/tenant", echo);
        routes.get("/probe/app", echo).scope(Scope.APP);
        routes.get("/probe/named-app", echo).scope(Scope.APP).namesMissingApp();
        routes.get("/probe/public", echo).scope(Scope.APP_PUBLIC_TENANT);
        routes.get("/probe/open", echo).withoutApiKey().anyCdiVersion();
        routes.post(
            "/probe/body",
            call -> {
              var in = call.body();
              var out = Json.ok();
              out.put("email", in.string("email"));
              in.optionalBool("flag").ifPresent(b -> out.put("flag", b));
              return out;
            });
        routes.get("/probe/query", call -> Json.ok().put("q", call.query().string("q")));
        routes.get(
            "/probe/status",
            call -> {
              throw new StatusException(Status.UNKNOWN_USER_ID_ERROR, Map.of("x", 1));
            });
        routes.get(
            "/probe/crash",
            call -> {
              throw new IllegalStateException("secret detail from the database");
            });
        routes.get(
            "/probe/headers",
            call -> Response.withHeaders("plain", Map.of("Cache-Control", "max-age=5")));
        routes.get("/probe/thread", call -> Thread.currentThread().getName());
        routes
            .get("/probe/inline", call -> call.onIoThread() ? "io" : "worker")
            .inlineWhen(INLINE::get);
        routes
            .post(
                "/probe/leave",
                call -> {
                  // Reads its body on the I/O thread, then leaves it when the body asks to block.
                  boolean block = call.body().bool("block");
                  if (call.onIoThread() && block) {
                    throw call.leaveIoThread();
                  }
                  return (call.onIoThread() ? "io " : "worker ") + call.body().string("email");
                })
            .inline();
        routes.get("/probe/slow", call -> Thread.currentThread().getName()).slow();
        routes
            .get(
                "/probe/blocked",
                call -> {
                  // Holds its thread until the test lets go, like a sign-in waiting for a hash.
                  ARRIVED.countDown();
                  RELEASE.await(30, TimeUnit.SECONDS);
                  return "released";
                })
            .slow();
        routes.get("/probe/rid", call -> Json.ok().put("rid", "default"));
        routes.get("/probe/rid", call -> Json.ok().put("rid", "thirdparty")).rid("thirdparty");
      };

  static HttpServer server;
  static HttpServer keyed;
  static Http http;
  static Http keyedHttp;

  @BeforeAll
  static void start() {
    server = start(Map.of());
    keyed = start(Map.of("api_keys", OTHER_KEY + ", " + KEY));
    http = new Http(server.port());
    keyedHttp = new Http(keyed.port());
  }

  static HttpServer start(Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    overrides.put("port", "0");
    return HttpServer.start(
        ConfigLoader.load(null, Map.of(), overrides, false), TENANTS, List.of(PROBES));
  }

  @AfterAll
  static void stop() {
    server.stop();
    keyed.stop();
  }

  @ParameterizedTest
  @CsvSource({
    "/probe/tenant, public, public",
    "/probe/tenant/, public, public",
    "/PROBE/Tenant, public, public",
    "/public/probe/tenant, public, public",
    "/t1/probe/tenant, public, t1",
    "/T1/probe/tenant/, public, t1",
    "/appid-app1/probe/tenant, app1, public",
    "/appid-public/probe/tenant, public, public",
    "/appid-/probe/tenant, public, public",
    "/appid-app1/t2/probe/tenant, app1, t2",
    "/appid-app1/public/probe/tenant, app1, public"
  })
  void tenantPrefixesReachTheEndpoint(String path, String app, String tenant) {
    Reply reply = http.get(path);
    assertEquals(200, reply.status(), reply.body());
    assertEquals(app, reply.json().get("app").asText());
    assertEquals(tenant, reply.json().get("tenant").asText());
  }

  @ParameterizedTest
  @CsvSource({
    "/recipe/probe/tenant",
    "/users/probe/tenant",
    "/hello/probe/tenant",
    "/config/probe/tenant",
    "/probe/tenant//",
    "/t_1/probe/tenant",
    "/appid-app1/t2/t3/probe/tenant",
    "/no/such/api"
  })
  void unmatchedPathsAreNotFound(String path) {
    Reply reply = http.get(path);
    assertEquals(404, reply.status());
    assertEquals("Not found\n", reply.body());
    assertEquals("text/html;charset=UTF-8", reply.contentType());
  }

  @Test
  void unknownAppAndTenantGetTheOriginalText() {
    Reply app = http.get("/appid-nope/probe/app");
    assertEquals(400, app.status());
    assertEquals(
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, nope, public)\n",
        app.body(),
        "most app-level endpoints look the app's public tenant up");
    assertEquals(
        "AppId or tenantId not found => App with the following connectionURIDomain and appId"
            + " combination not found: (, nope)\n",
        http.get("/appid-nope/probe/named-app").body());
    Reply tenantOfNoApp = http.get("/appid-nope/probe/tenant");
    assertEquals(400, tenantOfNoApp.status());
    assertEquals(
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, nope, public)\n",
        tenantOfNoApp.body(),
        "a tenant-level endpoint looks the tenant up directly, as the original does");
    Reply tenant = http.get("/appid-app1/t9/probe/tenant");
    assertEquals(400, tenant.status());
    assertEquals(
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, app1, t9)\n",
        tenant.body());
  }

  @Test
  void appScopedEndpointsIgnoreTheTenantAndPublicOnlyOnesRefuseOthers() {
    Reply app = http.get("/t9/probe/app");
    assertEquals(200, app.status(), "an app-level endpoint does not check the tenant");
    Reply refused = http.get("/t1/probe/public");
    assertEquals(403, refused.status());
    assertEquals("Only public tenantId can call this app specific API\n", refused.body());
    assertEquals(200, http.get("/public/probe/public").status());
    assertEquals(
        403, http.get("/t1/probe/public", "cdi-version", "5.0").status(), "refused from 5.0");
    assertEquals(
        "t1",
        http.get("/t1/probe/public", "cdi-version", "4.0").json().get("tenant").asText(),
        "older clients may still name a tenant");
  }

  @Test
  void tenantsDoNotExistBelowCdi3() {
    Reply old = http.get("/t1/probe/tenant", "cdi-version", "2.21");
    assertEquals(404, old.status());
    assertEquals("Not found\n", old.body());
    assertEquals(404, http.get("/appid-app1/t2/probe/app", "cdi-version", "2.7").status());
    assertEquals(200, http.get("/public/probe/tenant", "cdi-version", "2.21").status());
    assertEquals(
        "app1",
        http.get("/appid-app1/probe/tenant", "cdi-version", "2.7").json().get("app").asText(),
        "an app prefix alone names its public tenant");
    assertEquals(200, http.get("/t1/probe/tenant", "cdi-version", "3.0").status());
  }

  @Test
  void wrongMethodIsNotSupported() {
    for (String method : List.of("PUT", "DELETE", "HEAD", "PATCH", "OPTIONS")) {
      Reply reply = http.send(method, "/probe/tenant", null);
      assertEquals(405, reply.status(), method);
      if (!method.equals("HEAD")) {
        assertEquals("Method not supported\n", reply.body());
      }
    }
  }

  @Test
  void jsonResponsesHaveTheOriginalContentTypeAndNewline() {
    Reply reply = http.post("/probe/body", "{\"email\":\"a@b.c\",\"unknown\":[1,2]}");
    assertEquals(200, reply.status());
    assertEquals("application/json;charset=UTF-8", reply.contentType());
    assertEquals("{\"status\":\"OK\",\"email\":\"a@b.c\"}\n", reply.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | Invalid Json Input",
        "[1,2] | Invalid Json Input",
        "'' | Invalid Json Input",
        "{\"email\":\"a\"} xx | Invalid Json Input",
        "{\"email\":\"a\"}{\"email\":\"b\"} | Invalid Json Input",
        "{\"email\":\"a\"}] | Invalid Json Input",
        "{} | Field name 'email' is invalid in JSON input",
        "{\"email\":5} | Field name 'email' is invalid in JSON input",
        "{\"email\":null} | Field name 'email' is invalid in JSON input",
        "{\"email\":\"a\",\"flag\":\"true\"} | Field name 'flag' is invalid in JSON input",
        "{\"email\":\"a\",\"flag\":null} | Field name 'flag' is invalid in JSON input"
      })
  void badBodiesGetTheOriginalTexts(String body, String message) {
    Reply reply = http.post("/probe/body", body);
    assertEquals(400, reply.status());
    assertEquals(message + "\n", reply.body());
    assertEquals("close", reply.headers().get("connection"));
  }

  @Test
  void whitespaceAfterTheBodyIsFine() {
    Reply reply = http.post("/probe/body", "{\"email\":\"a@b.c\"}\r\n \t");
    assertEquals(200, reply.status(), reply.body());
  }

  @Test
  void missingQueryParameter() {
    Reply reply = http.get("/probe/query");
    assertEquals(400, reply.status());
    assertEquals("Field name 'q' is missing in GET request\n", reply.body());
    assertEquals("x", http.get("/probe/query?q=x").json().get("q").asText());
  }

  @Test
  void businessStatusIsA200WithStatusFirst() {
    Reply reply = http.get("/probe/status");
    assertEquals(200, reply.status());
    assertEquals("{\"status\":\"UNKNOWN_USER_ID_ERROR\",\"x\":1}\n", reply.body());
  }

  @Test
  void unexpectedFailureIsA500ThatHidesDetails() {
    Reply reply = http.get("/probe/crash");
    assertEquals(500, reply.status());
    assertEquals("Internal Error\n", reply.body());
    assertEquals("text/html;charset=UTF-8", reply.contentType());
  }

  @Test
  void endpointsCanAddHeaders() {
    Reply reply = http.get("/probe/headers");
    assertEquals("max-age=5", reply.headers().get("cache-control"));
    assertEquals("plain\n", reply.body());
  }

  @Test
  void ridChoosesAmongRoutesOfOnePath() {
    assertEquals("default", http.get("/probe/rid").json().get("rid").asText());
    assertEquals(
        "thirdparty", http.get("/probe/rid", "rid", "thirdparty").json().get("rid").asText());
    assertEquals("default", http.get("/probe/rid", "rid", "unknown").json().get("rid").asText());
  }

  @Test
  void cdiVersionHeader() {
    assertEquals("5.6", http.get("/probe/tenant").json().get("cdi").asText(), "missing = latest");
    for (String version : List.of("2.7", "2.10", "2.21", "3.0", "3.1", "4.0", "5.4", "5.6")) {
      assertEquals(
          version, http.get("/probe/tenant", "cdi-version", version).json().get("cdi").asText());
    }
    assertBadRequest(
        http.get("/probe/tenant", "cdi-version", "abc"), "cdi-version header is invalid");
    assertBadRequest(
        http.get("/probe/tenant", "cdi-version", "5."), "cdi-version header is invalid");
    assertBadRequest(
        http.get("/probe/tenant", "cdi-version", "99.0"), "cdi-version 99.0 not supported");
    assertBadRequest(
        http.get("/probe/tenant", "cdi-version", "5.4.0"), "cdi-version 5.4.0 not supported");
    assertBadRequest(
        http.get("/probe/tenant", "cdi-version", "2.6"), "cdi-version 2.6 not supported");
    assertBadRequest(
        http.get("/probe/tenant", "cdi-version", "99999999999999999999999.1"),
        "cdi-version 99999999999999999999999.1 not supported");
    assertEquals(
        200,
        http.get("/probe/open", "cdi-version", "2.9").status(),
        "endpoints that need no version accept any well-formed one");
    assertBadRequest(http.get("/probe/open", "cdi-version", "x"), "cdi-version header is invalid");
    assertBadRequest(http.get("/no/such/api", "cdi-version", "x"), "cdi-version header is invalid");
  }

  @Test
  void apiKeys() {
    assertEquals(401, keyedHttp.get("/probe/tenant").status());
    assertEquals("Invalid API key\n", keyedHttp.get("/probe/tenant").body());
    assertEquals(401, keyedHttp.get("/probe/tenant", "api-key", KEY + "x").status());
    assertEquals(401, keyedHttp.get("/probe/tenant", "api-key", KEY.substring(1)).status());
    assertEquals(200, keyedHttp.get("/probe/tenant", "api-key", KEY).status());
    assertEquals(200, keyedHttp.get("/probe/tenant", "API-KEY", " " + OTHER_KEY + " ").status());
    assertEquals(200, keyedHttp.get("/probe/tenant", "Authorization", "Bearer " + KEY).status());
    assertEquals(200, keyedHttp.get("/probe/tenant", "Authorization", "bearer " + KEY).status());
    assertEquals(200, keyedHttp.get("/probe/tenant", "Authorization", KEY).status());
    assertEquals(401, keyedHttp.get("/probe/tenant", "Authorization", "Basic " + KEY).status());
    assertEquals(200, keyedHttp.get("/probe/open").status(), "exempt routes need no key");
    assertEquals(404, keyedHttp.get("/no/such/api").status(), "unknown paths are 404, not 401");
    Reply unknownApp = keyedHttp.get("/appid-nope/probe/tenant");
    assertEquals(401, unknownApp.status(), "app ids cannot be probed without a key");
    assertEquals("Invalid API key\n", unknownApp.body());
    assertEquals(401, keyedHttp.get("/appid-nope/t1/probe/app", "api-key", "x").status());
    Reply withKey = keyedHttp.get("/appid-nope/probe/tenant", "api-key", KEY);
    assertEquals(400, withKey.status(), "with config.yaml's key an unknown app is reported");
    assertTrue(withKey.body().startsWith("AppId or tenantId not found"), withKey.body());
    Reply beforeVersion = keyedHttp.get("/probe/tenant", "cdi-version", "abc");
    assertEquals(401, beforeVersion.status(), "the key is checked before the cdi-version");
  }

  @Test
  void inlineEndpointsStayOnTheIoThreadOnlyWhileTheirConditionHolds() {
    INLINE.set(true);
    assertEquals("io\n", http.get("/probe/inline").body());
    assertEquals("worker\n", http.get("/t1/probe/inline").body(), "only the public tenant");
    INLINE.set(false);
    assertEquals("worker\n", http.get("/probe/inline").body());
  }

  @Test
  void anInlineEndpointReadsItsBodyOnTheIoThreadAndLeavesItWhenItMustBlock() {
    Reply stays = http.post("/probe/leave", "{\"block\":false,\"email\":\"a@b.c\"}");
    assertEquals(200, stays.status());
    assertEquals("io a@b.c\n", stays.body());
    Reply leaves = http.post("/probe/leave", "{\"block\":true,\"email\":\"a@b.c\"}");
    assertEquals(200, leaves.status());
    assertEquals("worker a@b.c\n", leaves.body(), "the same body, read again on the worker");
    Reply bad = http.post("/probe/leave", "{\"block\":true}");
    assertEquals(400, bad.status(), "errors on the worker are mapped as usual");
    assertEquals("Field name 'email' is invalid in JSON input\n", bad.body());
    assertEquals(
        "worker a@b.c\n",
        http.post("/t1/probe/leave", "{\"block\":false,\"email\":\"a@b.c\"}").body(),
        "only the public tenant runs inline");
  }

  @Test
  void slowEndpointsRunOnTheirOwnPool() {
    assertTrue(http.get("/probe/slow").body().startsWith("authcore-slow"));
    assertFalse(http.get("/probe/thread").body().startsWith("authcore-slow"));
  }

  @Test
  void aFloodOfSlowRequestsLeavesTheWorkersFree() throws Exception {
    // More blocked slow requests than there are worker threads (max_server_pool_size 10), each on
    // a client thread of its own so that all of them are in flight at once.
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Reply>> blocked = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        blocked.add(clients.submit(() -> http.get("/probe/blocked")));
      }
      try {
        assertTrue(ARRIVED.await(10, TimeUnit.SECONDS), "ten slow requests hold ten threads");
        Reply normal = clients.submit(() -> http.get("/probe/tenant")).get(10, TimeUnit.SECONDS);
        assertEquals(200, normal.status(), "answered while every slow thread is busy");
        assertFalse(blocked.get(0).isDone(), "the slow requests are still waiting");
      } finally {
        RELEASE.countDown();
      }
      for (Future<Reply> reply : blocked) {
        assertEquals("released\n", reply.get(30, TimeUnit.SECONDS).body());
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void basePath() {
    HttpServer based = start(Map.of("base_path", "/auth/"));
    try {
      Http client = new Http(based.port());
      assertEquals(200, client.get("/auth/probe/tenant").status());
      assertEquals(200, client.get("/auth/t1/probe/tenant").status());
      assertEquals(404, client.get("/probe/tenant").status());
      assertEquals(404, client.get("/authx/probe/tenant").status());
    } finally {
      based.stop();
    }
  }

  static void assertBadRequest(Reply reply, String message) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals(message + "\n", reply.body());
  }
}
