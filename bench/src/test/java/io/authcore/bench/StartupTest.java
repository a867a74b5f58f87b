package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTest {
  @Test
  void phasesAreMillisecondsFromTheLaunchToEachMarkersFirstLine() {
    long launched = OffsetDateTime.parse("2026-12-07T15:00:00.000Z").toInstant().toEpochMilli();
    List<String> log =
        List.of(
            "2026-12-07T15:00:00.300Z INFO  [main] io.authcore - Completed config.yaml loading.",
            "2026-12-07T15:00:00.800Z INFO  [main] i.a.s.j.BaselineMigration - Created 41 tables"
                + " in schema public",
            "2026-12-07T15:00:00.950Z INFO  [main] i.a.r.s.SigningKeys - app public: created a new"
                + " access-token signing key",
            "2026-12-07T15:00:00.990Z INFO  [main] i.a.r.s.SigningKeys - app public: created a new"
                + " access-token signing key",
            "Started SuperTokens on 127.0.0.1:1234 with PID: 1",
            "2026-12-07T15:00:01.020Z INFO  [main] io.authcore.http.Connections - Accepting at most"
                + " 18000 connections at once");
    assertEquals(
        Map.of("config", 300L, "schema", 800L, "keys", 950L, "http", 1020L),
        Startup.phases(log, launched));
    assertTrue(Startup.phases(List.of("Started SuperTokens"), launched).isEmpty());
  }

  @Test
  void summariesGroupByBackendArchiveAndKindWithMediansAndTheTargetInMemory() {
    List<Startup.Launch> launches =
        List.of(
            new Startup.Launch("memory", "CDS", "start", 900, 700, Map.of("http", 800L), "0"),
            new Startup.Launch("memory", "CDS", "start", 1200, 900, Map.of("http", 1000L), "0"),
            new Startup.Launch("memory", "CDS", "start", 950, 800, Map.of("http", 900L), "0"),
            new Startup.Launch("postgres", "CDS", "restart", 1500, 900, Map.of(), "0"));
    List<Startup.Summary> s = Startup.summarise(launches);
    assertEquals(2, s.size());
    assertEquals(950, s.get(0).medianMs());
    assertEquals(900, s.get(0).minMs());
    assertEquals(1200, s.get(0).maxMs());
    assertEquals(800, s.get(0).medianCpuMs());
    assertEquals(Map.of("http", 900L), s.get(0).medianPhases());
    assertEquals("pass (≤ 1000 ms)", s.get(0).target());
    assertEquals("", s.get(1).target(), "the target is the in-memory default's");
    assertEquals(2, Startup.table(s).size() - 1);
  }
}
