package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scenario against a fake core that answers in the original's shapes and is strict where the
 * real one is: a refresh token works once (the next one of the chain must be used), a verify needs
 * an issued access token, a sign-in needs the signed-up password. Counts only, no timings.
 */
class ScenariosTest {
  private static Undertow undertow;
  private static int port;
  private static final AtomicLong ids = new AtomicLong();
  private static final Map<String, String> refreshToSession = new ConcurrentHashMap<>();
  private static final Map<String, String> accessTokens = new ConcurrentHashMap<>();
  private static final Map<String, String> users = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    undertow =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setHandler(new BlockingHandler(ScenariosTest::handle))
            .build();
    undertow.start();
    port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  @AfterAll
  static void stop() {
    undertow.stop();
  }

  private static void handle(HttpServerExchange ex) throws IOException {
    String path = ex.getRequestPath();
    if (path.equals("/hello")) {
      ex.getResponseSender().send("Hello\n");
      return;
    }
    if (path.equals(BulkImport.COUNT)) {
      // Imported at once: nothing waits, nothing failed.
      ex.getResponseSender().send("{\"status\":\"OK\",\"count\":0}");
      return;
    }
    String text = new String(ex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode in = Conversations.parse(text);
    ObjectNode out = Conversations.JSON.createObjectNode();
    switch (path) {
      case "/public/recipe/session" -> {
        if (!in.has("userId")) {
          bad(ex);
          return;
        }
        tokens(out, "s" + ids.incrementAndGet());
      }
      case "/recipe/session/refresh" -> {
        if (!in.has("refreshToken") || !in.has("useDynamicSigningKey")) {
          bad(ex);
          return;
        }
        String session = refreshToSession.remove(in.get("refreshToken").asText());
        if (session == null) {
          out.put("status", "UNAUTHORISED");
        } else {
          tokens(out, session);
        }
      }
      case "/recipe/session/verify" -> {
        if (!in.has("accessToken") || !in.has("checkDatabase")) {
          bad(ex);
          return;
        }
        out.put(
            "status",
            accessTokens.containsKey(in.get("accessToken").asText()) ? "OK" : "TRY_REFRESH_TOKEN");
      }
      case "/recipe/session/regenerate" -> {
        if (!accessTokens.containsKey(in.path("accessToken").asText())
            || !in.has("userDataInJWT")) {
          out.put("status", "UNAUTHORISED");
        } else {
          out.put("status", "OK");
        }
      }
      case "/recipe/session/remove" -> {
        JsonNode handles = in.path("sessionHandles");
        if (!handles.isArray()) {
          bad(ex);
          return;
        }
        out.put("status", "OK");
        var revoked = out.putArray("sessionHandlesRevoked");
        // Live sessions only: the handle of a session already revoked is not listed again.
        handles.forEach(
            h -> {
              if (refreshToSession.values().remove(h.asText())) {
                revoked.add(h.asText());
              }
            });
      }
      case "/public/recipe/signup" -> {
        if (!in.has("email")) {
          bad(ex);
          return;
        }
        String id = "u" + ids.incrementAndGet();
        boolean fresh =
            users.putIfAbsent(in.get("email").asText(), in.get("password").asText()) == null;
        out.put("status", fresh ? "OK" : "EMAIL_ALREADY_EXISTS_ERROR");
        out.putObject("user").put("id", id);
      }
      case "/public/recipe/signin" -> {
        if (!in.has("email")) {
          bad(ex);
          return;
        }
        String pw = users.get(in.get("email").asText());
        out.put(
            "status",
            pw != null && pw.equals(in.path("password").asText())
                ? "OK"
                : "WRONG_CREDENTIALS_ERROR");
      }
      case BulkImport.USERS -> {
        JsonNode queued = in.path("users");
        if (!queued.isArray() || queued.size() > BulkImport.PER_REQUEST) {
          bad(ex);
          return;
        }
        queued.forEach(
            u ->
                users.put(
                    u.path("loginMethods").path(0).path("email").asText(), Conversations.PASSWORD));
        out.put("status", "OK");
      }
      default -> {
        ex.setStatusCode(404);
        ex.getResponseSender().send("Not found\n");
        return;
      }
    }
    ex.getResponseSender().send(out.toString());
  }

  private static void tokens(ObjectNode out, String session) {
    String access = "at-" + ids.incrementAndGet();
    String refresh = "rt-" + ids.incrementAndGet();
    accessTokens.put(access, session);
    refreshToSession.put(refresh, session);
    out.putObject("session").put("handle", session);
    out.putObject("accessToken").put("token", access);
    out.putObject("refreshToken").put("token", refresh);
    out.put("status", "OK");
  }

  private static void bad(HttpServerExchange ex) {
    ex.setStatusCode(400);
    ex.getResponseSender().send("Field name 'x' is invalid in JSON input\n");
  }

  private static Scenarios.Scenario scenario(String name) {
    return Scenarios.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, LoadResult> run(String name, int conns) throws Exception {
    return run(name, conns, "--bulk-users=100");
  }

  private static Map<String, LoadResult> run(String name, int conns, String option)
      throws Exception {
    Scenarios.Context ctx =
        new Scenarios.Context(
            new InetSocketAddress("127.0.0.1", port),
            -1,
            Machine.NO_TICKS,
            false,
            conns,
            2,
            0.1,
            0.4,
            "t" + ids.incrementAndGet(),
            new Options(
                new String[] {"--flood-verify-rate=200", "--flood-refresh-rate=50", option}, 0));
    return scenario(name).runner().run(ctx);
  }

  private static void assertClean(LoadResult r, String... ops) {
    for (String op : ops) {
      LoadResult.Figures f = r.figures(op);
      assertTrue(f != null && f.count() > 0, op + " ran");
      assertEquals(0, f.errors(), () -> op + " errors " + f.errorReasons());
    }
  }

  @Test
  void plainScenariosRunCleanAgainstTheDocumentedShapes() throws Exception {
    assertClean(run("hello", 4).get("main"), "hello");
    assertClean(run("create", 2).get("main"), "create");
    assertClean(run("verify", 4).get("main"), "verify");
    assertClean(run("verify-db", 2).get("main"), "verify-db");
    assertClean(run("signup", 2).get("main"), "signup");
    assertClean(run("signin", 2).get("main"), "signin");
    assertClean(run("regenerate", 2).get("main"), "regenerate");
  }

  @Test
  void revokeRevokesTheLiveSessionEachConnectionJustCreated() throws Exception {
    LoadResult r = run("revoke", 3).get("main");
    assertClean(r, "create", "revoke");
    long creates = r.figures("create").count();
    long revokes = r.figures("revoke").count();
    assertTrue(Math.abs(creates - revokes) <= 3, creates + " creates, " + revokes + " revokes");
  }

  @Test
  void refreshFollowsEachChainSoEveryRefreshSucceeds() throws Exception {
    LoadResult r = run("refresh", 3).get("main");
    assertClean(r, "refresh");
    assertTrue(r.figures("refresh").count() > 30, "refreshed " + r.figures("refresh").count());
  }

  @Test
  void theMixKeepsItsTokensCurrent() throws Exception {
    assertClean(run("mix", 4).get("main"), "verify", "refresh");
  }

  @Test
  void theFloodRunsABaselineThenTheFlood() throws Exception {
    Map<String, LoadResult> phases = run("flood", 2);
    assertClean(phases.get("baseline"), "verify", "refresh");
    assertEquals(null, phases.get("baseline").ops.get("signin"), "no sign-in in the baseline");
    assertClean(phases.get("flood"), "verify", "refresh", "signin");
  }

  @Test
  void theBulkImportQueuesInRequestsOfTenThousandThenWaitsForTheImport() throws Exception {
    Map<String, LoadResult> phases = run("bulkimport", 1, "--bulk-users=25000");
    LoadResult.Figures queued = phases.get("queue").figures("queue");
    assertEquals(3, queued.count(), "three requests");
    assertEquals(0, queued.errors(), () -> "errors " + queued.errorReasons());
    LoadResult.Figures imported = phases.get("import").figures("import");
    assertEquals(25000, imported.count());
    assertEquals(0, imported.errors(), () -> "errors " + imported.errorReasons());
    assertTrue(imported.rps() > 0);
  }
}
