package io.authcore.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code metrics_enabled: false}: nothing recorded, no /metrics, no metrics port. */
class MetricsDisabledTest {
  @Test
  void thereIsNoMetricsEndpointNorPort() {
    try (TestServer server =
        TestServer.start(Map.of("metrics_enabled", "false", "metrics_port", "0"))) {
      assertEquals(404, server.http().get("/metrics").status());
      assertEquals(-1, server.metricsPort());
      assertEquals(200, server.http().get("/hello").status());
    }
  }
}
