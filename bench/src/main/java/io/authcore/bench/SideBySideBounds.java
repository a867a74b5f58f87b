package io.authcore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * For each side-by-side target not met, the physical bound that applies to it, computed from this
 * run's yardsticks and Authcore's own samples, and whether the target lies beyond it. A bound is
 * generous by construction (it leaves out work the server must also do), so "beyond" means no
 * server on this machine could meet the target in this closed loop; "within" means the bound does
 * not explain the miss.
 */
final class SideBySideBounds {
  /** The paths whose every request signs one RSA-2048 token (each revocation follows a create). */
  static final List<String> SIGNING = List.of("create", "refresh", "regenerate", "revoke");

  record Bound(
      String backend,
      String scenario,
      String figure,
      String target,
      double needs,
      double allows,
      String unit,
      boolean beyond,
      String reason) {}

  private final Yardsticks y;
  private final int cores;
  private final List<SideBySideSample> samples;
  private final double signinShare;

  /** {@code signinShare}: the sign-ins' fraction of the mix's requests (0 when none). */
  SideBySideBounds(
      Yardsticks yardsticks, int cores, List<SideBySideSample> samples, double signinShare) {
    this.y = yardsticks;
    this.cores = cores;
    this.samples = samples;
    this.signinShare = signinShare;
  }

  List<Bound> of(List<SideBySideReport.Verdict> verdicts) {
    List<Bound> out = new ArrayList<>();
    for (SideBySideReport.Verdict v : verdicts) {
      if (v.met() || Double.isNaN(v.targetRatio())) {
        continue;
      }
      Bound b = bound(v);
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }

  private Bound bound(SideBySideReport.Verdict v) {
    String backend = v.backend();
    String scenario = v.scenario();
    if (v.figure().equals("idle RSS")) {
      return row(
          v,
          y.bareUndertowMb(),
          "MB",
          String.format(
              Locale.ROOT,
              "a bare Undertow on the same JVM flags idles at %.0f MB; Authcore's %.0f MB are"
                  + " %.0f MB above it (its classes, touched heap and compiled code)",
              y.bareUndertowMb(),
              v.authcoreMedian(),
              v.authcoreMedian() - y.bareUndertowMb()));
    }
    if (SIGNING.contains(scenario)) {
      double most = median(backend, scenario, "authcore", this::signingBound);
      if (v.figure().equals("req/s")) {
        return row(
            v,
            most,
            "req/s",
            String.format(
                Locale.ROOT,
                "%d cores sign %.0f RSA-2048 tokens a second (OpenSSL alone); with the load"
                    + " client's%s CPU per request as measured, at most %.0f req/s",
                cores,
                y.signsPerSecond(),
                backend.equals("postgres") ? " and PostgreSQL's" : "",
                most));
      }
      // Little's law: in a closed loop of C clients the mean latency is C over the throughput.
      double shape =
          Math.min(
              median(backend, scenario, "authcore", SideBySideBounds::tailShape),
              median(backend, scenario, "original", SideBySideBounds::tailShape));
      int conns = conns(backend, scenario);
      double least = shape * conns / most * 1000;
      return row(
          v,
          least,
          "ms",
          String.format(
              Locale.ROOT,
              "%d clients in a closed loop at the most %.0f req/s wait %.1f ms on average; at the"
                  + " tighter of the two servers' tails (p99 %.2f× the mean) p99 is at least %.1f"
                  + " ms",
              conns,
              most,
              conns / most * 1000,
              shape,
              least));
    }
    if (scenario.equals("signin") && v.figure().equals("p99")) {
      int conns = conns(backend, scenario);
      double least = conns * y.bcryptMs() / cores;
      return row(
          v,
          least,
          "ms",
          String.format(
              Locale.ROOT,
              "a bcrypt hash at cost %d takes a core %.0f ms, so %d cores hash at most %.1f a"
                  + " second and %d clients in a closed loop wait at least %.0f ms on average",
              Yardsticks.BCRYPT_COST,
              y.bcryptMs(),
              cores,
              cores * 1000 / y.bcryptMs(),
              conns,
              least));
    }
    if (scenario.equals("mix") && v.figure().equals("p99") && signinShare > 0.01) {
      // Sign-ins are more than 1 % of the requests, so the p99 is a sign-in's latency. Each
      // client makes k other requests per sign-in and the cores hash at most cores / h a second:
      // a sign-in takes at least C h / cores - k R, R the other requests' mean latency.
      int conns = conns(backend, scenario);
      double k = (1 - signinShare) / signinShare;
      double others = median(backend, scenario, "authcore", SideBySideSample::othersMeanMs);
      double loop = conns * y.bcryptMs() / cores;
      double least = loop - k * others;
      return row(
          v,
          least,
          "ms",
          String.format(
              Locale.ROOT,
              "sign-ins are %.0f %% of the requests and %d cores hash at most %.1f a second, so"
                  + " in a closed loop of %d clients a sign-in takes at least %.0f ms less the"
                  + " %.0f other requests' time per sign-in (%.2f ms each here): %.0f ms. The"
                  + " target would need the other requests to take %.1f ms each",
              signinShare * 100,
              cores,
              cores * 1000 / y.bcryptMs(),
              conns,
              loop,
              k,
              others,
              least,
              (loop - needs(v)) / k));
    }
    return null;
  }

  /**
   * The bound {@code allows} against what the target needs: a throughput bound caps from above, a
   * latency or memory bound from below.
   */
  private static Bound row(SideBySideReport.Verdict v, double allows, String unit, String reason) {
    double needs = needs(v);
    boolean beyond = unit.equals("req/s") ? needs > allows : allows > needs;
    return new Bound(
        v.backend(), v.scenario(), v.figure(), v.target(), needs, allows, unit, beyond, reason);
  }

  /** What the target asks of Authcore: the original's figure times the target's ratio. */
  private static double needs(SideBySideReport.Verdict v) {
    return v.originalMedian() * v.targetRatio();
  }

  /**
   * Requests a second the cores could serve if they only signed, ran the client and the database.
   */
  private double signingBound(SideBySideSample s) {
    double perRequest = cores / y.signsPerSecond();
    if (s.clientCpuPercent() > 0) {
      perRequest += s.clientCpuPercent() / 100 / s.rps();
    }
    if (s.databaseCpuPercent() > 0) {
      perRequest += s.databaseCpuPercent() / 100 / s.rps();
    }
    return cores / perRequest;
  }

  // p99 over the mean latency; the mean by Little's law where the client gave none.
  private static double tailShape(SideBySideSample s) {
    double mean = Double.isNaN(s.meanMs()) ? s.conns() / s.rps() * 1000 : s.meanMs();
    return s.p99Ms() / mean;
  }

  private double median(
      String backend, String scenario, String side, ToDoubleFunction<SideBySideSample> f) {
    List<Double> values = new ArrayList<>();
    for (SideBySideSample s : samples) {
      if (s.backend().equals(backend) && s.scenario().equals(scenario) && s.side().equals(side)) {
        values.add(f.applyAsDouble(s));
      }
    }
    return values.isEmpty() ? Double.NaN : SideBySideReport.median(values);
  }

  private int conns(String backend, String scenario) {
    return samples.stream()
        .filter(s -> s.backend().equals(backend) && s.scenario().equals(scenario))
        .mapToInt(SideBySideSample::conns)
        .max()
        .orElse(0);
  }

  static String markdown(List<Bound> bounds) {
    StringBuilder md = new StringBuilder();
    md.append("\n## What bounds the targets not met\n\n");
    md.append(
        "Each bound comes from this run's yardsticks and Authcore's own samples, and leaves out"
            + " work the server must also do, so it is generous. *Beyond* means no server could"
            + " meet the target on this machine in this closed loop; *within* means the bound does"
            + " not explain the miss.\n\n");
    md.append("| backend | scenario | figure | target needs | bound allows | | why |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Bound b : bounds) {
      String fmt = b.unit().equals("req/s") ? "%,.0f %s" : "%.1f %s";
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s |%n",
              b.backend(),
              b.scenario(),
              b.figure(),
              (b.unit().equals("req/s") ? "≥ " : "≤ ")
                  + String.format(Locale.ROOT, fmt, b.needs(), b.unit()),
              (b.unit().equals("req/s") ? "≤ " : "≥ ")
                  + String.format(Locale.ROOT, fmt, b.allows(), b.unit()),
              b.beyond() ? "**beyond**" : "within",
              b.reason()));
    }
    return md.toString();
  }

  /**
   * A PostgreSQL path against the JDBC ceiling of its statements (issue 25: at least 0.8 of it).
   * {@code pathBound} adds to the statements' time the path's work in memory in the same run (HTTP,
   * JSON, tokens, the load client): 1 / (1 / ceiling + 1 / memory rate).
   */
  record SqlRow(
      String path,
      double ceiling,
      double authcore,
      double fraction,
      double fractionMin,
      double fractionMax,
      boolean met,
      double memory,
      double pathBound,
      boolean beyond) {}

  static final double SQL_TARGET = 0.8;

  static List<SqlRow> sqlRows(
      Map<Integer, Map<String, Double>> ceilings, List<SideBySideSample> samples) {
    List<SqlRow> rows = new ArrayList<>();
    for (String path : SessionSqlCeiling.PATHS) {
      List<Double> fractions = new ArrayList<>();
      List<Double> js = new ArrayList<>();
      List<Double> as = new ArrayList<>();
      List<Double> ms = new ArrayList<>();
      for (SideBySideSample s : samples) {
        if (!s.side().equals("authcore") || !s.scenario().equals(path)) {
          continue;
        }
        if (s.backend().equals("memory")) {
          ms.add(s.rps());
          continue;
        }
        Double j = ceilings.getOrDefault(s.round(), Map.of()).get(path);
        if (j != null && j > 0) {
          fractions.add(s.rps() / j);
          js.add(j);
          as.add(s.rps());
        }
      }
      if (fractions.isEmpty()) {
        continue;
      }
      double fraction = SideBySideReport.median(fractions);
      double j = SideBySideReport.median(js);
      double m = ms.isEmpty() ? Double.NaN : SideBySideReport.median(ms);
      double pathBound = Double.isNaN(m) ? Double.NaN : 1 / (1 / j + 1 / m);
      rows.add(
          new SqlRow(
              path,
              j,
              SideBySideReport.median(as),
              fraction,
              fractions.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
              fractions.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
              fraction >= SQL_TARGET,
              m,
              pathBound,
              !Double.isNaN(pathBound) && SQL_TARGET * j > pathBound));
    }
    return rows;
  }

  static String sqlMarkdown(List<SqlRow> rows) {
    StringBuilder md = new StringBuilder();
    md.append("\n## PostgreSQL paths against the JDBC ceiling of their statements\n\n");
    md.append(
        "The ceiling runs each path's statements (the same texts, order and transactions) from"
            + " 16 JDBC threads through a pool of 10 on the database Authcore has just used, with"
            + " no HTTP, JSON or token work. The path bound adds the path's time in memory in this"
            + " run: 1 / (1 / ceiling + 1 / in-memory rate). *Beyond*: 0.8 of the ceiling is more"
            + " than the path bound allows.\n\n");
    md.append(
        "| path | SQL ceiling | Authcore | fraction | range | target | | in memory | path bound"
            + " | |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (SqlRow r : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f ops/s | %,.0f req/s | %.2f | %.2f–%.2f | ≥ %.2f | %s | %,.0f req/s |"
                  + " %,.0f req/s | %s |%n",
              r.path(),
              r.ceiling(),
              r.authcore(),
              r.fraction(),
              r.fractionMin(),
              r.fractionMax(),
              SQL_TARGET,
              r.met() ? "met" : "**not met**",
              r.memory(),
              r.pathBound(),
              r.met() ? "" : r.beyond() ? "**beyond**" : "within"));
    }
    return md.toString();
  }
}
