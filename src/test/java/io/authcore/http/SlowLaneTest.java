package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.config.ConfigLoader;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** At most the lane's limit of slow requests are in the server; the rest get a 429 at once. */
class SlowLaneTest {
  @Test
  void pastTheLimitSlowRequestsAreTurnedAwayAndOthersAreNot() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger arrived = new AtomicInteger();
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
    HttpServer server =
        HttpServer.start(
            config,
            Tenants.BASE_ONLY,
            TenantConfigs.fixed(config),
            List.of(api),
            new Scheduling(() -> 3, () -> {}));
    try {
      Http http = new Http(server.port());
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
    } finally {
      release.countDown();
      server.stop();
    }
  }
}
