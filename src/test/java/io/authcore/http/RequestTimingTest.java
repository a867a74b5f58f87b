package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.ConfigLoader;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.support.Http;
import io.authcore.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RequestObserver#completed}: once per request, with the status actually sent. */
class RequestTimingTest {
  record Completed(TenantId tenant, String route, String method, int status, long nanos) {}

  static final BlockingQueue<Completed> SEEN = new LinkedBlockingQueue<>();

  static final class Timed implements Api, RequestObserver {
    @Override
    public void routes(Routes r) {
      r.get("/probe/ok", call -> Json.ok());
      r.get(
          "/probe/status",
          call -> {
            throw new StatusException(Status.UNKNOWN_USER_ID_ERROR);
          });
      r.get(
          "/probe/crash",
          call -> {
            throw new IllegalStateException("boom");
          });
      r.get(
              "/probe/leave",
              call -> {
                if (call.onIoThread()) {
                  throw call.leaveIoThread();
                }
                return "worker";
              })
          .inline();
    }

    @Override
    public void answered(TenantId tenant) {}

    @Override
    public void completed(TenantId tenant, String route, String method, int status, long nanos) {
      SEEN.add(new Completed(tenant, route, method, status, nanos));
    }
  }

  static HttpServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server =
        HttpServer.start(
            ConfigLoader.load(null, Map.of(), Map.of("port", "0"), false),
            PipelineTest.TENANTS,
            List.of(new Timed()));
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Completed next() throws InterruptedException {
    Completed completed = SEEN.poll(5, TimeUnit.SECONDS);
    assertTrue(completed != null, "no completion heard");
    return completed;
  }

  @Test
  void eachRequestIsHeardOnceWithItsRouteAndTheStatusSent() throws InterruptedException {
    SEEN.clear();
    assertEquals(200, http.get("/t1/probe/ok?userId=someone").status());
    Completed ok = next();
    assertEquals("/probe/ok", ok.route(), "the registered path, without prefix or query");
    assertEquals(new TenantId("", "public", "t1"), ok.tenant());
    assertEquals("GET", ok.method());
    assertEquals(200, ok.status());
    assertTrue(ok.nanos() > 0);

    assertEquals(200, http.get("/probe/status").status());
    assertEquals(200, next().status());
    assertEquals(500, http.get("/probe/crash").status());
    assertEquals(500, next().status(), "the error answer, as sent");
    assertEquals(405, http.post("/probe/ok", "{}").status());
    Completed notAllowed = next();
    assertEquals("/probe/ok", notAllowed.route());
    assertEquals(405, notAllowed.status());

    assertEquals(404, http.get("/no/such/path").status());
    Completed unknown = next();
    assertNull(unknown.route());
    assertEquals(404, unknown.status());

    assertEquals(200, http.get("/probe/leave").status());
    assertEquals("/probe/leave", next().route());
    Thread.sleep(100);
    assertTrue(SEEN.isEmpty(), "a request run again on a worker is heard once: " + SEEN);
  }
}
