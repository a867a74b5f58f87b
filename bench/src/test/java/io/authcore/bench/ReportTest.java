package io.authcore.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void everyTableRendersWithARowPerFigure() throws Exception {
    RunRecord.Meta clean =
        new RunRecord.Meta(0.99, 3, "1:x", "0.1 0.1 0.1", "0.2 0.1 0.1", 1, false);
    Map<String, RunRecord.Ceiling> ceilings = new LinkedHashMap<>();
    ceilings.put(
        "undertow-io",
        new RunRecord.Ceiling(
            "undertow-io", "bare", 100000, "req/s", 64, 0.2, 5, 80, 90, 60, clean));
    ceilings.put(
        "bcrypt",
        new RunRecord.Ceiling("bcrypt", "bcrypt", 18, "ops/s", 2, 108, 120, 44, -1, -1, clean));
    LoadResult.Figures hello =
        new LoadResult.Figures(85000, 255000, 0, 0, 0.3, 1, 6, 20, Map.of(), 0.4);
    RunRecord.Phase main = new RunRecord.Phase(hello, Map.of("hello", hello), 120, 50, -1);
    RunRecord.Backend memory =
        new RunRecord.Backend(
            "memory",
            null,
            "java -jar target/authcore.jar",
            70,
            90,
            List.of(
                new RunRecord.ScenarioRecord(
                    "hello", "GET /hello", 64, "ran", null, Map.of("main", main), 95, clean, null),
                RunRecord.ScenarioRecord.skipped(
                    "create", "POST", 16, "endpoint not available yet: 404 POST /x")));
    List<RunRecord.Backend> backends = List.of(memory);
    RunRecord record =
        new RunRecord(
            new RunRecord.Header("t", "now", 2, "java", "0.1", List.of("-Xmx256m"), "", Map.of()),
            ceilings,
            backends,
            Verdicts.rows(ceilings, backends, Scenarios.DEFAULT_MIX));
    Report report = new Report(record);
    String text = report.text();
    assertTrue(text.contains("0.85"), text); // 85000 / 100000
    assertTrue(text.contains("PASS"), text);
    assertTrue(text.contains("SKIP"), text);
    String md = report.markdown();
    assertTrue(md.contains("| memory  | hello "), md);
    assertTrue(report.json().contains("\"fraction\" : 0.85"), report.json());
  }
}
