package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.config.ConfigLoader;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At most the lane's limit of slow requests are in the server; the rest get a 429 at once. */
class SlowLaneTest {
  final CountDownLatch release = new CountDownLatch(1);
  final AtomicInteger arrived = new AtomicInteger();
  HttpServer server;
  Http http;

  /** A server whose slow endpoint {@code /held} holds its thread until the test releases it. */
  void start(int limit) {
    Api api =
        routes -> {
          routes
              .post(
                  "/held",
                  call -> {
                    arrived.incrementAndGet();
                    release.await(30, TimeUnit.SECONDS);
                    return "done";
                  })
              .slow();
          routes.get("/quick", call -> "quick");
        };
    var config = ConfigLoader.load(null, Map.of(), Map.of("port", "0"), false);
    server =
        HttpServer.start(
            config,
            Tenants.BASE_ONLY,
            TenantConfigs.fixed(config),
            List.of(api),
            new Scheduling(() -> limit, () -> {}));
    http = new Http(server.port());
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop();
  }

  @Test
  void pastTheLimitSlowRequestsAreTurnedAwayAndOthersAreNot() throws Exception {
    start(3);
    List<CompletableFuture<Reply>> held = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      held.add(CompletableFuture.supplyAsync(() -> http.post("/held", "{}")));
    }
    while (arrived.get() < 3) {
      Thread.sleep(10);
    }
    Reply turnedAway = http.post("/held", "{}");
    assertEquals(429, turnedAway.status());
    assertEquals("Too many requests: password hashing is saturated\n", turnedAway.body());
    assertEquals("1", turnedAway.headers().get("retry-after"));
    assertEquals(3, arrived.get(), "the refused request never reached its endpoint");
    assertEquals("quick\n", http.get("/quick").body(), "other endpoints are not limited");

    release.countDown();
    for (CompletableFuture<Reply> reply : held) {
      assertEquals(200, reply.get(10, TimeUnit.SECONDS).status());
    }
    assertEquals(200, http.post("/held", "{}").status(), "room again once they are done");
  }

  @Test
  void aClientTricklingItsBodyHoldsNoPlaceInTheLane() throws Exception {
    start(1);
    try (Socket trickling = new Socket("localhost", server.port())) {
      OutputStream out = trickling.getOutputStream();
      out.write(
          "POST /held HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\""
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(200); // its headers are in and parsed, its body is not

      CompletableFuture<Reply> honest =
          CompletableFuture.supplyAsync(() -> http.post("/held", "{}"));
      while (arrived.get() < 1 && !honest.isDone()) {
        Thread.sleep(10);
      }
      release.countDown();
      Reply reply = honest.get(10, TimeUnit.SECONDS);
      assertEquals(200, reply.status(), reply.body());
    }
  }
}
