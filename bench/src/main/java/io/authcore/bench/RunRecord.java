package io.authcore.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything one run measured, as written to bench/results/<run>.json. */
record RunRecord(
    RunRecord.Header header,
    Map<String, RunRecord.Ceiling> ceilings,
    List<RunRecord.Backend> backends,
    List<Verdicts.Row> rows) {

  record Header(
      String name,
      String startedAt,
      int cores,
      String java,
      String loadAtStart,
      List<String> serverFlags,
      String args,
      Map<String, Object> settings) {}

  /** How clean the machine was while a figure was measured. */
  record Meta(
      double idleBefore,
      double foreignCpuPercent,
      String foreignProcess,
      String loadStart,
      String loadEnd,
      int attempts,
      boolean noisy) {
    String flag() {
      return noisy
          ? String.format(
              Locale.ROOT,
              "NOISY (%s %.0f%% CPU, idle before %.0f%%)",
              foreignProcess,
              foreignCpuPercent,
              idleBefore * 100)
          : "";
    }
  }

  record Ceiling(
      String name,
      String what,
      double value,
      String unit,
      int threads,
      double p50Ms,
      double p99Ms,
      double rssMb,
      double serverCpuPercent,
      double clientCpuPercent,
      Meta meta) {
    Ceiling withMeta(Meta m) {
      return new Ceiling(
          name,
          what,
          value,
          unit,
          threads,
          p50Ms,
          p99Ms,
          rssMb,
          serverCpuPercent,
          clientCpuPercent,
          m);
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "%10.1f %-5s p50 %s ms, p99 %s ms%s; load %s %s",
          value,
          unit,
          Report.ms(p50Ms),
          Report.ms(p99Ms),
          serverCpuPercent < 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  " (CPU server %s%%, client %s%%)",
                  Report.cpu(serverCpuPercent),
                  Report.cpu(clientCpuPercent)),
          meta == null ? "?" : meta.loadStart(),
          meta == null ? "" : meta.flag());
    }
  }

  /** One load run; CPU in % of one core over the window (200 % = both cores of two). */
  record Phase(
      LoadResult.Figures total,
      Map<String, LoadResult.Figures> ops,
      double serverCpuPercent,
      double clientCpuPercent,
      double databaseCpuPercent) {
    static Phase of(LoadResult r) {
      Map<String, LoadResult.Figures> ops = new LinkedHashMap<>();
      r.ops.keySet().forEach(op -> ops.put(op, r.figures(op)));
      return new Phase(
          r.figures(), ops, r.serverCpuPercent, r.clientCpuPercent, r.databaseCpuPercent);
    }
  }

  record ScenarioRecord(
      String name,
      String what,
      int conns,
      String status,
      String note,
      Map<String, Phase> phases,
      double rssAfterMb,
      Meta meta,
      String jfr) {
    static ScenarioRecord skipped(String name, String what, int conns, String why) {
      return new ScenarioRecord(name, what, conns, "skipped", why, Map.of(), -1, null, null);
    }

    static ScenarioRecord failed(String name, String what, int conns, String why) {
      return new ScenarioRecord(name, what, conns, "failed", why, Map.of(), -1, null, null);
    }

    String summary() {
      StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s", name));
      phases.forEach(
          (phase, p) -> {
            LoadResult.Figures f = p.total();
            out.append(
                String.format(
                    Locale.ROOT,
                    " %s%9.1f req/s p50 %.2f ms p99 %.2f ms errors %d (CPU server %s%%, client"
                        + " %s%%%s)",
                    phase.equals("main") ? "" : phase + ":",
                    f.rps(),
                    f.p50Ms(),
                    f.p99Ms(),
                    f.errors(),
                    Report.cpu(p.serverCpuPercent()),
                    Report.cpu(p.clientCpuPercent()),
                    p.databaseCpuPercent() < 0
                        ? ""
                        : ", PostgreSQL " + Report.cpu(p.databaseCpuPercent()) + "%"));
            if (!f.errorReasons().isEmpty()) {
              out.append(" ").append(f.errorReasons());
            }
          });
      out.append(
          String.format(
              Locale.ROOT, "; RSS %.0f MB; load %s %s", rssAfterMb, meta.loadStart(), meta.flag()));
      return out.toString();
    }
  }

  record Backend(
      String name,
      String skipped,
      String serverCommand,
      double idleRssMb,
      double idleRssAfterMb,
      List<ScenarioRecord> scenarios) {
    static Backend skipped(String name, String why) {
      return new Backend(name, why, null, -1, -1, List.of());
    }
  }
}
