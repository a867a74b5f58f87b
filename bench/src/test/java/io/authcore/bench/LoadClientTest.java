package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load client against a real Undertow on a real socket; counts only, no timings asserted. */
class LoadClientTest {
  private Undertow undertow;
  private int port;
  private final AtomicInteger served = new AtomicInteger();

  @BeforeEach
  void start() {
    undertow =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setHandler(
                exchange -> {
                  int n = served.incrementAndGet();
                  if (exchange.getRequestPath().equals("/fail")) {
                    exchange.setStatusCode(500);
                  }
                  if (n % 50 == 0) {
                    // now and then the server closes the connection; the client reconnects
                    exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
                  }
                  exchange.getResponseSender().send("{\"status\":\"OK\",\"n\":" + n + "}");
                })
            .build();
    undertow.start();
    port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  @AfterEach
  void stop() {
    undertow.stop();
  }

  @Test
  void countsSuccessesAndErrorsPerOperationAndSurvivesServerCloses() {
    String host = "127.0.0.1:" + port;
    List<Conversation> c = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      c.add(new Conversations.Repeat(Request.post("ok", host, "/ok", "{}")));
    }
    c.add(new Conversations.Repeat(Request.post("fail", host, "/fail", "{}")));
    LoadResult r =
        LoadClient.run(
            new InetSocketAddress("127.0.0.1", port), c, 2, 0.2, 0.5, 2, -1, Machine.NO_TICKS);
    LoadResult.Figures ok = r.figures("ok");
    LoadResult.Figures fail = r.figures("fail");
    assertTrue(ok.count() > 100, "ok count " + ok.count());
    assertEquals(0, ok.errors(), () -> "ok errors " + ok.errorReasons());
    assertEquals(0, fail.count());
    assertTrue(fail.errors() > 10, "fail errors " + fail.errors());
    // The reasons also count the warm-up's errors.
    assertTrue(
        fail.errorReasons().get("fail: HTTP 500") >= fail.errors(), fail.errorReasons()::toString);
  }

  @Test
  void pacedRequestsKeepTheirRate() {
    String host = "127.0.0.1:" + port;
    Conversations.Paced paced =
        new Conversations.Paced(
            new Conversations.Repeat(Request.post("paced", host, "/ok", "{}")), 100, 0);
    LoadResult r =
        LoadClient.run(
            new InetSocketAddress("127.0.0.1", port),
            List.of(paced),
            1,
            0.2,
            1.0,
            1,
            -1,
            Machine.NO_TICKS);
    long n = r.figures("paced").count();
    // 100 per second for one second (unpaced, this loop makes thousands). Generous bounds: the
    // machine is shared, and a schedule that fell behind in the warm-up catches up in the window.
    assertTrue(n >= 50 && n <= 150, "paced count " + n);
  }
}
