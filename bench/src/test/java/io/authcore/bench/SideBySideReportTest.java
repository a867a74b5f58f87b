package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideBySideReportTest {
  private static SideBySideSample sample(
      String side, int round, String scenario, double rps, double p99, double rss) {
    return new SideBySideSample(
        "memory",
        side,
        round,
        scenario,
        rps,
        p99 / 2,
        p99,
        0,
        Map.of(),
        rss,
        16,
        Double.NaN,
        -1,
        -1,
        Double.NaN);
  }

  private static SideBySideReport.Verdict find(
      List<SideBySideReport.Verdict> verdicts, String scenario, String figure) {
    return verdicts.stream()
        .filter(v -> v.scenario().equals(scenario) && v.figure().equals(figure))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eachRatioIsTheMedianOfTheRoundsRatiosJudgedAgainstItsTarget() {
    List<SideBySideSample> samples = new ArrayList<>();
    double[] original = {1000, 1200, 800};
    double[] authcore = {5000, 4200, 3000}; // ratios 5.0, 3.5, 3.75: median 3.75
    for (int r = 0; r < 3; r++) {
      samples.add(sample("original", r, "verify", original[r], 30, 240));
      samples.add(sample("authcore", r, "verify", authcore[r], 9, 120));
      samples.add(sample("original", r, "signin", 100, 400, 240));
      samples.add(sample("authcore", r, "signin", 95, 150, 120));
    }
    List<SideBySideReport.Verdict> v =
        new SideBySideReport("t", samples, List.of("memory"), List.of("verify", "signin"))
            .verdicts();

    SideBySideReport.Verdict verify = find(v, "verify", "req/s");
    assertEquals(3.75, verify.ratioMedian(), 1e-9);
    assertEquals(3.5, verify.ratioMin(), 1e-9);
    assertEquals(5.0, verify.ratioMax(), 1e-9);
    assertEquals(1000, verify.originalMedian(), 1e-9);
    assertFalse(verify.met(), "3.75× is short of 4×");
    assertTrue(find(v, "verify", "p99").met(), "9 ms against 30 is under a third");
    assertTrue(find(v, "signin", "req/s").met(), "0.95× reaches 0.9×");
    assertTrue(find(v, "signin", "p99").met(), "150 against 400 is under a half");
    SideBySideReport.Verdict idle = find(v, "idle", "idle RSS");
    assertEquals(0.5, idle.ratioMedian(), 1e-9);
    assertFalse(idle.met(), "half the memory is not a third");
  }

  @Test
  void aRoundWithOneSideMissingIsLeftOutAndTheMarkdownSaysMetOrNot() {
    List<SideBySideSample> samples =
        List.of(
            sample("original", 0, "create", 600, 50, 240),
            sample("authcore", 0, "create", 3000, 10, 70),
            sample("authcore", 1, "create", 9000, 1, 70));
    SideBySideReport report =
        new SideBySideReport("t", samples, List.of("memory"), List.of("create"));
    assertEquals(5.0, find(report.verdicts(), "create", "req/s").ratioMedian(), 1e-9);
    String md = report.markdown(Map.of("rounds", 2));
    assertTrue(
        md.contains(
            "| memory | create | req/s | 600 | 3,000 | 5.00× | 5.00–5.00 | ≥ 4.00× | met |"),
        md);
    assertTrue(md.contains("| memory | idle | idle RSS | 240 MB | 70 MB | 0.29× |"), md);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(2.5, SideBySideReport.median(List.of(4.0, 1.0, 3.0, 2.0)), 1e-9);
  }
}
