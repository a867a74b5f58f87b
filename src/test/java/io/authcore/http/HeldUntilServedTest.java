package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tracing.Tracing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A server bound before its services exist holds early requests and answers them once served. */
class HeldUntilServedTest {
  @Test
  void requestsThatComeBeforeServeAreAnsweredByTheServedChain() throws Exception {
    CoreConfig config = ConfigLoader.load(null, Map.of(), Map.of("port", "0"), false);
    HttpServer server = HttpServer.bind(config);
    try {
      Http http = new Http(server.port());
      List<CompletableFuture<Reply>> early = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        early.add(CompletableFuture.supplyAsync(() -> http.get("/probe/tenant")));
        early.add(
            CompletableFuture.supplyAsync(
                () -> http.post("/probe/body", "{\"email\":\"held@example.com\"}")));
      }
      Thread.sleep(300);
      early.forEach(reply -> assertFalse(reply.isDone(), "answered before the server was served"));

      server.serve(
          PipelineTest.TENANTS,
          TenantConfigs.fixed(config),
          List.of(PipelineTest.PROBES),
          Scheduling.NONE,
          Tracing.OFF);

      for (int i = 0; i < early.size(); i++) {
        Reply reply = early.get(i).get(10, TimeUnit.SECONDS);
        assertEquals(200, reply.status(), reply.body());
        if (i % 2 == 0) {
          assertEquals("public", reply.json().get("tenant").asText());
        } else {
          assertEquals("held@example.com", reply.json().get("email").asText());
        }
      }
      Reply later = http.get("/probe/tenant");
      assertEquals(200, later.status(), later.body());
    } finally {
      server.stop();
    }
  }
}
