package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictsTest {
  private static RunRecord.Ceiling ceiling(String name, double value) {
    return new RunRecord.Ceiling(name, name, value, "ops/s", 2, 0, 0, 0, -1, -1, null);
  }

  @Test
  void theMixCeilingAddsTheTimeOfEachOperation() {
    Map<String, RunRecord.Ceiling> c = new LinkedHashMap<>();
    c.put("rs256-verify", ceiling("rs256-verify", 1000));
    c.put("rs256-sign", ceiling("rs256-sign", 100));
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("verify", 1.0);
    w.put("refresh", 1.0);
    // Half the requests cost 1 ms, half 10 ms: 5.5 ms on average.
    assertEquals(1 / 0.0055, Verdicts.mixCeiling(c, w, true), 1e-6);
    w.put("signin", 1.0);
    assertNull(Verdicts.mixCeiling(c, w, true), "no bcrypt ceiling, no mix ceiling");
  }

  @Test
  void targetsAreTheIssuesInMemoryAndOnlyCreateOnPostgres() {
    assertEquals(0.8, Verdicts.bound("memory", "hello").target());
    assertEquals("undertow-io", Verdicts.bound("memory", "hello").ceiling());
    assertEquals(0.5, Verdicts.bound("memory", "verify").target());
    assertEquals(0.7, Verdicts.bound("memory", "refresh").target());
    assertEquals(0.85, Verdicts.bound("memory", "signin").target());
    assertEquals(0.7, Verdicts.bound("postgres", "create").target());
    assertEquals("create (memory)", Verdicts.bound("postgres", "create").ceiling());
    assertNull(Verdicts.bound("postgres", "refresh").target());
  }

  @Test
  void aFigureBoundByJcaAlsoSaysItsFractionOfOpenSsl() {
    Map<String, RunRecord.Ceiling> c = new LinkedHashMap<>();
    c.put("rs256-sign", ceiling("rs256-sign", 2800));
    assertEquals("", Verdicts.ofOpenSsl("rs256-sign", 4900, c), "no OpenSSL ceiling measured");
    c.put("rs256-sign-openssl", ceiling("rs256-sign-openssl", 9800));
    assertEquals("0.50 of rs256-sign-openssl", Verdicts.ofOpenSsl("rs256-sign", 4900, c));
    assertEquals("", Verdicts.ofOpenSsl("bcrypt", 19, c));
    assertEquals("", Verdicts.ofOpenSsl(null, 19, c));
  }

  private static LoadResult.Figures figures(double p50, double p99, long count, long errors) {
    return new LoadResult.Figures(10, count, errors, 0, p50, p50, p99, p99, Map.of(), p50);
  }

  private static List<Verdicts.Row> rowsOf(
      Map<String, RunRecord.Ceiling> ceilings, String name, Map<String, RunRecord.Phase> phases) {
    RunRecord.ScenarioRecord s =
        new RunRecord.ScenarioRecord(name, name, 16, "ran", null, phases, 100, null, null);
    RunRecord.Backend memory = new RunRecord.Backend("memory", null, "java", 100, 100, List.of(s));
    return Verdicts.rows(ceilings, List.of(memory), Scenarios.DEFAULT_MIX).stream()
        .filter(r -> r.scenario().equals(name))
        .toList();
  }

  @Test
  void aSignInOnABusyServerMayTakeFourBareHashes() {
    Map<String, RunRecord.Ceiling> c = new LinkedHashMap<>();
    c.put(
        "bcrypt-1t",
        new RunRecord.Ceiling("bcrypt-1t", "bcrypt", 6, "ops/s", 1, 160, 170, 44, -1, -1, null));
    LoadResult.Figures verifyDb = figures(2, 20, 1000, 0);
    RunRecord.Phase alone =
        new RunRecord.Phase(verifyDb, Map.of("verify-db", verifyDb), 180, 10, -1);
    for (double p99 : new double[] {600, 700}) {
      LoadResult.Figures signin = figures(p99 - 100, p99, 20, 0);
      RunRecord.Phase busy =
          new RunRecord.Phase(
              verifyDb, Map.of("verify-db", verifyDb, "signin", signin), 180, 10, -1);
      List<Verdicts.Row> rows = rowsOf(c, "busy", Map.of("alone", alone, "busy", busy));
      assertEquals("signin p99 on a busy server", rows.get(0).metric());
      assertEquals(p99 / 160, rows.get(0).fraction(), 1e-9);
      assertEquals(p99 < 640 ? "PASS" : "FAIL", rows.get(0).verdict());
      assertEquals("verify-db p99 with sign-ins", rows.get(1).metric());
    }
  }

  @Test
  void everySignInOfABurstIsAnsweredWithinTheWaitAndTheSdksRetries() {
    for (double p99 : new double[] {8000, 9000}) {
      LoadResult.Figures f =
          new LoadResult.Figures(
              10, 500, 444, 0, 5000, 5000, p99, p99, Map.of("HTTP 429", 444), 5000);
      RunRecord.Phase main = new RunRecord.Phase(f, Map.of("signin", f), -1, -1, -1);
      Verdicts.Row row = rowsOf(Map.of(), "burst", Map.of("main", main)).get(0);
      assertEquals(p99 < 8550 ? "PASS" : "FAIL", row.verdict());
      assertEquals(
          "errors: {HTTP 429=444}; 56 of 500 answered, the rest refused after the SDK's retries",
          row.note());
    }
  }
}
