package io.authcore.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Issue 25's targets judged from side-by-side samples: each ratio is Authcore's figure over the
 * original's in the same round, reported as the median of the rounds with their range.
 */
final class SideBySideReport {
  /**
   * One target: the ratio of a figure, its bound ({@code targetRatio}, NaN for a figure only
   * reported), and whether the ratio must reach or stay under it.
   */
  record Verdict(
      String backend,
      String scenario,
      String figure,
      double originalMedian,
      double authcoreMedian,
      double ratioMedian,
      double ratioMin,
      double ratioMax,
      String target,
      double targetRatio,
      boolean met) {}

  private final String name;
  private final List<SideBySideSample> samples;
  private final List<String> backends;
  private final List<String> scenarios;

  SideBySideReport(
      String name, List<SideBySideSample> samples, List<String> backends, List<String> scenarios) {
    this.name = name;
    this.samples = samples;
    this.backends = backends;
    this.scenarios = scenarios;
  }

  List<Verdict> verdicts() {
    List<Verdict> out = new ArrayList<>();
    for (String backend : backends) {
      for (String scenario : scenarios) {
        boolean session = SideBySide.SESSION_PATHS.contains(scenario);
        if (session) {
          out.add(judge(backend, scenario, "req/s", SideBySideSample::rps, 4.0, true));
          out.add(judge(backend, scenario, "p99", SideBySideSample::p99Ms, 1 / 3.0, false));
        } else if (scenario.equals("signin")) {
          out.add(judge(backend, scenario, "req/s", SideBySideSample::rps, 0.9, true));
          out.add(judge(backend, scenario, "p99", SideBySideSample::p99Ms, 0.5, false));
        } else if (scenario.equals("mix")) {
          out.add(judge(backend, scenario, "req/s", SideBySideSample::rps, Double.NaN, true));
          out.add(judge(backend, scenario, "p99", SideBySideSample::p99Ms, 0.5, false));
        } else {
          out.add(judge(backend, scenario, "req/s", SideBySideSample::rps, Double.NaN, true));
        }
      }
      if (!scenarios.isEmpty()) {
        out.add(
            judge(
                backend,
                scenarios.get(0),
                "idle RSS",
                SideBySideSample::idleRssMb,
                1 / 3.0,
                false));
      }
    }
    out.removeIf(v -> v == null);
    return out;
  }

  // null when a side has no sample for this figure
  private Verdict judge(
      String backend,
      String scenario,
      String figure,
      ToDoubleFunction<SideBySideSample> value,
      double bound,
      boolean atLeast) {
    Map<Integer, double[]> byRound = new LinkedHashMap<>();
    for (SideBySideSample s : samples) {
      if (s.backend().equals(backend) && s.scenario().equals(scenario)) {
        double[] pair =
            byRound.computeIfAbsent(s.round(), r -> new double[] {Double.NaN, Double.NaN});
        pair[s.side().equals("original") ? 0 : 1] = value.applyAsDouble(s);
      }
    }
    List<Double> ratios = new ArrayList<>();
    List<Double> originals = new ArrayList<>();
    List<Double> authcores = new ArrayList<>();
    for (double[] pair : byRound.values()) {
      if (!Double.isNaN(pair[0]) && !Double.isNaN(pair[1]) && pair[0] > 0) {
        ratios.add(pair[1] / pair[0]);
        originals.add(pair[0]);
        authcores.add(pair[1]);
      }
    }
    if (ratios.isEmpty()) {
      return null;
    }
    double ratio = median(ratios);
    String target =
        Double.isNaN(bound)
            ? "(reported)"
            : (atLeast ? "≥ " : "≤ ") + String.format(Locale.ROOT, "%.2f", bound) + "×";
    boolean met = Double.isNaN(bound) || (atLeast ? ratio >= bound : ratio <= bound);
    return new Verdict(
        backend,
        figure.equals("idle RSS") ? "idle" : scenario,
        figure,
        median(originals),
        median(authcores),
        ratio,
        ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
        target,
        bound,
        met);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  String markdown(Map<String, Object> settings) {
    StringBuilder md = new StringBuilder();
    md.append("# Side by side ").append(name).append("\n\n");
    settings.forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
    md.append(
        "\nEach ratio is Authcore's figure over the original's in the same round; the median of the"
            + " rounds, then their range. req/s: higher is better; p99 and memory: lower is"
            + " better.\n\n");
    md.append("| backend | scenario | figure | original | Authcore | ratio | range | target | |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Verdict v : verdicts()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %.2f× | %.2f–%.2f | %s | %s |%n",
              v.backend(),
              v.scenario(),
              v.figure(),
              format(v.figure(), v.originalMedian()),
              format(v.figure(), v.authcoreMedian()),
              v.ratioMedian(),
              v.ratioMin(),
              v.ratioMax(),
              v.target(),
              v.target().startsWith("(") ? "" : v.met() ? "met" : "**not met**"));
    }
    md.append(
        "\n## Samples\n\n| backend | round | side | scenario | req/s | p50 ms | p99 ms | errors |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (SideBySideSample s : samples) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %.0f | %.2f | %.2f | %d |%n",
              s.backend(),
              s.round() + 1,
              s.side(),
              s.scenario(),
              s.rps(),
              s.p50Ms(),
              s.p99Ms(),
              s.errors()));
    }
    return md.toString();
  }

  private static String format(String figure, double value) {
    return switch (figure) {
      case "req/s" -> String.format(Locale.ROOT, "%,.0f", value);
      case "idle RSS" -> String.format(Locale.ROOT, "%.0f MB", value);
      default -> String.format(Locale.ROOT, "%.1f ms", value);
    };
  }
}
