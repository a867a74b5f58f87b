package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideBySideBoundsTest {
  private static final Yardsticks MACHINE = new Yardsticks(1800, 200, 60);

  private static SideBySideSample sample(
      String side,
      String scenario,
      int conns,
      double rps,
      double meanMs,
      double p99,
      double clientCpu,
      double othersMeanMs,
      double rss) {
    return new SideBySideSample(
        "memory",
        side,
        0,
        scenario,
        rps,
        meanMs,
        p99,
        0,
        Map.of(),
        rss,
        conns,
        meanMs,
        clientCpu,
        -1,
        othersMeanMs);
  }

  private static List<SideBySideBounds.Bound> bounds() {
    List<SideBySideSample> samples = new ArrayList<>();
    samples.add(sample("original", "regenerate", 16, 500, 32, 64, 20, Double.NaN, 210));
    samples.add(sample("authcore", "regenerate", 16, 1100, 14.5, 36, 60, Double.NaN, 100));
    samples.add(sample("original", "create", 16, 200, 80, 120, 10, Double.NaN, 210));
    samples.add(sample("authcore", "create", 16, 700, 22, 60, 40, Double.NaN, 100));
    samples.add(sample("original", "signin", 4, 10, 400, 500, 1, Double.NaN, 210));
    samples.add(sample("authcore", "signin", 4, 10, 400, 520, 1, Double.NaN, 100));
    samples.add(sample("original", "mix", 16, 240, 66, 1000, 20, 40, 210));
    samples.add(sample("authcore", "mix", 16, 350, 45, 2200, 30, 1, 100));
    List<String> scenarios = List.of("regenerate", "create", "signin", "mix");
    List<SideBySideReport.Verdict> verdicts =
        new SideBySideReport("t", samples, List.of("memory"), scenarios).verdicts();
    return new SideBySideBounds(MACHINE, 2, samples, 0.02).of(verdicts);
  }

  private static SideBySideBounds.Bound find(String scenario, String figure) {
    return bounds().stream()
        .filter(b -> b.scenario().equals(scenario) && b.figure().equals(figure))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bound for " + scenario + " " + figure));
  }

  @Test
  void aSigningPathIsBoundByTheSignaturesAndTheClientsCpuPerRequest() {
    // 2 cores / (2/1800 s of signing + 0.6 core / 1100 req/s of client) = 1,207 req/s
    SideBySideBounds.Bound regenerate = find("regenerate", "req/s");
    assertEquals(1207.3, regenerate.allows(), 0.1);
    assertEquals(2000, regenerate.needs(), 1e-9);
    assertTrue(regenerate.beyond(), "4 × 500 is past 1,207");

    SideBySideBounds.Bound create = find("create", "req/s");
    assertEquals(800, create.needs(), 1e-9);
    assertFalse(create.beyond(), "4 × 200 is within what the cores could sign");
  }

  @Test
  void aSigningPathsP99IsBoundByLittlesLawAtTheTighterTail() {
    // the tighter tail: the original's 64 / 32 = 2.0 (Authcore's is 36 / 14.5 = 2.48)
    SideBySideBounds.Bound p99 = find("regenerate", "p99");
    assertEquals(2.0 * 16 / find("regenerate", "req/s").allows() * 1000, p99.allows(), 1e-6);
    assertEquals(64 / 3.0, p99.needs(), 1e-9);
    assertTrue(p99.beyond(), "26.5 ms at the least against 21.3 ms");
  }

  @Test
  void signInP99IsBoundByTheHashAndTheMixByTheClosedLoop() {
    SideBySideBounds.Bound signin = find("signin", "p99");
    assertEquals(400, signin.allows(), 1e-9); // 4 clients × 200 ms / 2 cores
    assertEquals(250, signin.needs(), 1e-9);
    assertTrue(signin.beyond());

    SideBySideBounds.Bound mix = find("mix", "p99");
    assertEquals(1600 - 49, mix.allows(), 1e-9); // 16 × 200 / 2, less 49 other requests of 1 ms
    assertEquals(500, mix.needs(), 1e-9);
    assertTrue(mix.beyond());
    assertTrue(mix.reason().contains("22.4 ms each"), mix.reason());
  }

  @Test
  void idleMemoryAboveTheBareServersFloorIsWithinTheBound() {
    SideBySideBounds.Bound idle = find("idle", "idle RSS");
    assertEquals(70, idle.needs(), 1e-9);
    assertEquals(60, idle.allows(), 1e-9);
    assertFalse(idle.beyond(), "a 60 MB floor leaves room under 70 MB");
    assertTrue(idle.reason().contains("40 MB above it"), idle.reason());
    assertTrue(
        SideBySideBounds.markdown(bounds()).contains("| memory | idle | idle RSS | ≤ 70.0 MB |"));
  }

  @Test
  void aPostgresPathIsJudgedAgainstItsStatementsCeilingAndTheInMemoryWork() {
    List<SideBySideSample> samples = new ArrayList<>();
    double[] postgres = {4000, 6000, 5000};
    for (int r = 0; r < 3; r++) {
      samples.add(
          new SideBySideSample(
              "postgres",
              "authcore",
              r,
              "verify-db",
              postgres[r],
              3,
              9,
              0,
              Map.of(),
              110,
              16,
              Double.NaN,
              -1,
              -1,
              Double.NaN));
      samples.add(
          new SideBySideSample(
              "memory",
              "authcore",
              r,
              "verify-db",
              12000,
              1,
              4,
              0,
              Map.of(),
              100,
              16,
              Double.NaN,
              -1,
              -1,
              Double.NaN));
    }
    Map<Integer, Map<String, Double>> ceilings =
        Map.of(
            0, Map.of("verify-db", 10000.0),
            1, Map.of("verify-db", 12000.0),
            2, Map.of("verify-db", 8000.0));

    List<SideBySideBounds.SqlRow> rows = SideBySideBounds.sqlRows(ceilings, samples);

    assertEquals(1, rows.size(), "only the paths measured on both");
    SideBySideBounds.SqlRow row = rows.get(0);
    assertEquals(0.5, row.fraction(), 1e-9); // 0.4, 0.5 and 0.625: each round against its own
    assertEquals(0.4, row.fractionMin(), 1e-9);
    assertFalse(row.met());
    assertEquals(10000, row.ceiling(), 1e-9);
    assertEquals(1 / (1 / 10000.0 + 1 / 12000.0), row.pathBound(), 1e-6); // 5,455 req/s
    assertTrue(row.beyond(), "0.8 of 10,000 is past 5,455");
    assertTrue(
        SideBySideBounds.sqlMarkdown(rows).contains("| verify-db | 10,000 ops/s | 5,000 req/s |"));
  }
}
