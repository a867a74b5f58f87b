package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
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
}
