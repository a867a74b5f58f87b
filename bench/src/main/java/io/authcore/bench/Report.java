package io.authcore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run as a console table, a Markdown file and a JSON file. */
final class Report {
  private final RunRecord record;

  Report(RunRecord record) {
    this.record = record;
  }

  String json() throws Exception {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(record)
        + "\n";
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append("Ceilings (measured in this run, JVMs with the server's flags)\n");
    out.append(table(ceilingTable(), false));
    out.append("\nResults (fraction = figure / ceiling)\n");
    out.append(table(resultTable(), false));
    return out.toString();
  }

  String markdown() {
    RunRecord.Header h = record.header();
    StringBuilder out = new StringBuilder();
    out.append("# Benchmark run ").append(h.name()).append("\n\n");
    out.append("- started ")
        .append(h.startedAt())
        .append(", ")
        .append(h.cores())
        .append(" cores, ");
    out.append(h.java()).append(", load average at start ").append(h.loadAtStart()).append('\n');
    out.append("- server JVM flags (the launcher's): `").append(String.join(" ", h.serverFlags()));
    out.append("`\n");
    out.append("- settings: `").append(h.settings()).append("`\n");
    for (RunRecord.Backend b : record.backends()) {
      if (b.serverCommand() != null) {
        out.append("- ").append(b.name()).append(" server: `").append(b.serverCommand());
        out.append("`\n");
      }
    }
    out.append("\n## Ceilings\n\n");
    out.append(table(ceilingTable(), true));
    out.append("\n## Results\n\n");
    out.append(table(resultTable(), true));
    return out.toString();
  }

  private List<List<String>> ceilingTable() {
    List<List<String>> t = new ArrayList<>();
    t.add(
        List.of(
            "ceiling",
            "value",
            "unit",
            "threads/conns",
            "p50 ms",
            "p99 ms",
            "RSS MB",
            "CPU srv/cli %",
            "load",
            "clean",
            "what"));
    record
        .ceilings()
        .values()
        .forEach(
            c ->
                t.add(
                    List.of(
                        c.name(),
                        num(c.value()),
                        c.unit(),
                        Integer.toString(c.threads()),
                        ms(c.p50Ms()),
                        ms(c.p99Ms()),
                        num(c.rssMb()),
                        c.serverCpuPercent() < 0
                            ? ""
                            : cpu(c.serverCpuPercent()) + "/" + cpu(c.clientCpuPercent()),
                        c.meta() == null ? "" : c.meta().loadStart(),
                        c.meta() == null ? "" : (c.meta().noisy() ? "NOISY" : "yes"),
                        c.what())));
    return t;
  }

  private List<List<String>> resultTable() {
    List<List<String>> t = new ArrayList<>();
    t.add(
        List.of(
            "backend",
            "scenario",
            "metric",
            "value",
            "p50 ms",
            "p99 ms",
            "errors",
            "RSS MB",
            "CPU srv/cli %",
            "ceiling",
            "ceiling value",
            "fraction",
            "target",
            "verdict",
            "note"));
    for (Verdicts.Row r : record.rows()) {
      t.add(
          List.of(
              r.backend(),
              r.scenario(),
              r.metric(),
              r.value() == null
                  ? ""
                  : num(r.value())
                      + ("MB".equals(r.unit()) || "ms".equals(r.unit()) ? " " + r.unit() : ""),
              r.p50Ms() == null ? "" : ms(r.p50Ms()),
              r.p99Ms() == null ? "" : ms(r.p99Ms()),
              r.errors() == null ? "" : Long.toString(r.errors()),
              r.rssMb() == null ? "" : num(r.rssMb()),
              r.serverCpuPercent() == null
                  ? ""
                  : cpu(r.serverCpuPercent()) + "/" + cpu(r.clientCpuPercent()),
              r.ceiling() == null ? "" : r.ceiling(),
              r.ceilingValue() == null ? "" : num(r.ceilingValue()),
              r.fraction() == null ? "" : String.format(Locale.ROOT, "%.2f", r.fraction()),
              r.target() == null ? "" : r.target(),
              r.verdict(),
              r.note() == null ? "" : r.note()));
    }
    return t;
  }

  static String num(double v) {
    if (v < 0) {
      return "?";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String cpu(double v) {
    return v < 0 ? "?" : String.format(Locale.ROOT, "%.0f", v);
  }

  static String ms(double v) {
    if (!(v >= 0)) {
      return ""; // not measured
    }
    return v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  static String table(List<List<String>> rows, boolean markdown) {
    int cols = rows.get(0).size();
    for (List<String> r : rows) {
      if (r.size() != cols) {
        throw new IllegalStateException(
            "a row of " + r.size() + " cells under " + cols + " headers");
      }
    }
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < rows.size(); n++) {
      List<String> r = rows.get(n);
      StringBuilder line = new StringBuilder(markdown ? "|" : "");
      for (int i = 0; i < cols; i++) {
        String cell = markdown ? r.get(i).replace("|", "\\|") : r.get(i);
        boolean last = i == cols - 1;
        line.append(markdown ? " " : "").append(last && !markdown ? cell : pad(cell, width[i]));
        line.append(markdown ? " |" : last ? "" : "  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (n == 0 && markdown) {
        StringBuilder sep = new StringBuilder("|");
        for (int i = 0; i < cols; i++) {
          sep.append(" ").append("-".repeat(Math.max(3, width[i]))).append(" |");
        }
        out.append(sep).append('\n');
      }
    }
    return out.toString();
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }
}
