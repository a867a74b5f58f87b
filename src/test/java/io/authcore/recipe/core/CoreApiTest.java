package io.authcore.recipe.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Http.Reply;
import io.authcore.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /hello, the root and /apiversion through the whole server. */
class CoreApiTest {
  static final String KEY = "key-with-twenty-chars-or-more";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("api_keys", KEY));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void helloAnswersAnyMethodWithoutAKey() {
    for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
      Reply reply = server.http().send(method, "/hello", null);
      assertEquals(200, reply.status(), method);
      assertEquals("Hello\n", reply.body());
      assertEquals("text/html;charset=UTF-8", reply.contentType());
    }
    assertEquals(200, server.http().get("/public/hello/").status());
    assertEquals(405, server.http().send("HEAD", "/hello", null).status());
  }

  @Test
  void helloChecksTheCdiVersionSyntaxOnly() {
    assertEquals(200, server.http().get("/hello", "cdi-version", "2.7").status());
    Reply bad = server.http().get("/hello", "cdi-version", "x.y");
    assertEquals(400, bad.status());
    assertEquals("cdi-version header is invalid\n", bad.body());
  }

  @Test
  void livenessAnswersWithoutAKeyOrTheDatabase() {
    Reply reply = server.http().get("/health/live", "cdi-version", "1.0");
    assertEquals(200, reply.status());
    assertEquals("Alive\n", reply.body());
    assertEquals(405, server.http().post("/health/live", "").status());
  }

  @Test
  void rootAnswersHelloForExistingTenantsOnly() {
    assertEquals("Hello\n", server.http().get("/").body());
    assertEquals("Hello\n", server.http().get("/public").body());
    assertEquals("Hello\n", server.http().get("/appid-public/public/").body());
    assertEquals(404, server.http().get("/t1").status());
    assertEquals(400, server.http().get("/appid-other").status());
  }

  @Test
  void apiVersionListsTheImplementedVersions() {
    Reply reply = server.http().get("/apiversion", "api-key", KEY);
    assertEquals(200, reply.status());
    assertEquals("application/json;charset=UTF-8", reply.contentType());
    assertTrue(reply.body().endsWith("}\n"));
    // The original's order (a hash set's), with 5.5 and 5.6 where its newest release lists them.
    assertEquals(
        "{\"versions\":[\"2.14\",\"2.13\",\"2.12\",\"2.11\",\"2.10\",\"2.21\",\"2.20\","
            + "\"2.19\",\"2.18\",\"2.17\",\"3.0\",\"2.16\",\"3.1\",\"4.0\",\"2.15\",\"5.0\","
            + "\"5.1\",\"5.2\",\"5.3\",\"2.7\",\"5.4\",\"2.8\",\"5.5\",\"2.9\",\"5.6\"]}\n",
        reply.body());
  }

  @Test
  void apiVersionStopsAtTheConfiguredMaximum() {
    try (TestServer capped =
        TestServer.start(
            Map.of("supertokens_max_cdi_version", "5.4", "supertokens_min_cdi_version", "3.0"))) {
      // What the original 11.4.7 (whose newest is 5.4) answers, byte for byte; the minimum
      // refuses requests but does not shorten the list.
      assertEquals(
          "{\"versions\":[\"2.14\",\"2.13\",\"2.12\",\"2.11\",\"2.10\",\"2.21\",\"2.20\","
              + "\"2.19\",\"2.18\",\"2.17\",\"3.0\",\"2.16\",\"3.1\",\"4.0\",\"2.15\",\"5.0\","
              + "\"5.1\",\"5.2\",\"5.3\",\"2.7\",\"5.4\",\"2.8\",\"2.9\"]}\n",
          capped.http().get("/apiversion").body());
      Reply tooOld = capped.http().get("/recipe/roles", "cdi-version", "2.21");
      assertEquals(400, tooOld.status());
      assertEquals(
          "cdi-version 2.21 is lower than the minimum allowed version 3.0\n", tooOld.body());
      Reply tooNew = capped.http().get("/recipe/roles", "cdi-version", "5.5");
      assertEquals("cdi-version 5.5 not supported\n", tooNew.body());
    }
  }

  @Test
  void apiVersionNeedsTheKey() {
    Reply reply = server.http().get("/apiversion");
    assertEquals(401, reply.status());
    assertEquals("Invalid API key\n", reply.body());
  }

  @Test
  void apiVersionRefusesNewerVersions() {
    Reply reply = server.http().get("/apiversion", "api-key", KEY, "cdi-version", "99.0");
    assertEquals(400, reply.status());
    assertEquals("cdi-version 99.0 not supported\n", reply.body());
  }
}
