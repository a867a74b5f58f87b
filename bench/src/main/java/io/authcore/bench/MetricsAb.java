package io.authcore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run metrics-ab}: what recording metrics costs session verify (issue 24: under 3 %).
 * Two in-memory servers run side by side, one with {@code METRICS_ENABLED=true} and one with {@code
 * false}; each round runs the {@code verify} scenario (a short warm-up, then the measure window) on
 * one and then the other, the order alternating between rounds, while the other server idles. The
 * cost is the median over rounds of each round's on/off ratio: the two windows of a round are
 * seconds apart, so a shared machine's load, which drifts over minutes, moves both sides of a ratio
 * alike.
 */
final class MetricsAb implements Machine.Log {
  static final List<String> OPTIONS =
      List.of(
          "repo",
          "jar",
          "label",
          "rounds",
          "warm-rounds",
          "warmup",
          "measure",
          "conns",
          "client-threads",
          "quiet-idle",
          "quiet-wait");

  /** One side of a round. */
  record Side(
      int round,
      String metrics,
      double rps,
      double p50Ms,
      double p99Ms,
      long errors,
      double serverCpuPercent,
      double cpuMicrosPerRequest) {}

  private final Options o;
  private final Path repo;
  private final Path jar;
  private final String name;
  private final Path results;
  private final Path raw;
  private final StringBuilder log = new StringBuilder();

  MetricsAb(Options o) {
    this.o = o;
    this.repo = Path.of(o.string("repo", ".")).toAbsolutePath();
    this.jar = repo.resolve(o.string("jar", "target/authcore.jar"));
    this.name =
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + "-"
            + o.string("label", "metrics-ab");
    this.results = repo.resolve("bench/results");
    this.raw = results.resolve("raw").resolve(name);
  }

  @Override
  public void line(String text) {
    System.out.println(text);
    log.append(text).append('\n');
  }

  int run() throws Exception {
    List<String> flags = ServerFlags.read(repo, this);
    int rounds = o.integer("rounds", 10);
    int cores = Runtime.getRuntime().availableProcessors();
    boolean wrk = Wrk.installed();
    Scenarios.Scenario verify =
        Scenarios.all().stream().filter(s -> s.name().equals("verify")).findFirst().orElseThrow();
    line("authcore bench " + name + ": verify with metrics on and off, " + rounds + " rounds");
    List<Side> sides = new ArrayList<>();
    try (AuthcoreServer on = start(flags, true);
        AuthcoreServer off = start(flags, false)) {
      // Unrecorded rounds first, so that neither side is measured while its JIT still compiles.
      for (int round = 1; round <= o.integer("warm-rounds", 1); round++) {
        measure(-round, "on", on, verify, wrk, cores);
        measure(-round, "off", off, verify, wrk, cores);
      }
      for (int round = 1; round <= rounds; round++) {
        List<String> order = round % 2 == 1 ? List.of("on", "off") : List.of("off", "on");
        for (String metrics : order) {
          sides.add(measure(round, metrics, metrics.equals("on") ? on : off, verify, wrk, cores));
        }
      }
    }
    String md = markdown(sides);
    line("");
    line(md);
    Files.createDirectories(results);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", name);
    record.put("serverFlags", flags);
    record.put("sides", sides);
    record.put("summary", summary(sides));
    Files.writeString(results.resolve(name + ".json"), json.writeValueAsString(record));
    Files.writeString(results.resolve(name + ".md"), md);
    line("written: bench/results/" + name + ".{json,md}");
    return 0;
  }

  /** A server with metrics on or off, checked to be so: /metrics answers 200 or 404. */
  private AuthcoreServer start(List<String> flags, boolean metrics) throws Exception {
    Map<String, String> env = AuthcoreServer.unsetting("POSTGRESQL_", "METRICS_");
    env.put("METRICS_ENABLED", Boolean.toString(metrics));
    AuthcoreServer server =
        AuthcoreServer.start(
            jar, flags, List.of(), env, raw, "server-metrics-" + (metrics ? "on" : "off"));
    int scraped = new Setup("127.0.0.1", server.port).get("/metrics").status();
    if (scraped != (metrics ? 200 : 404)) {
      server.close();
      throw new IllegalStateException("metrics " + metrics + ": /metrics answered " + scraped);
    }
    return server;
  }

  private Side measure(
      int round,
      String metrics,
      AuthcoreServer server,
      Scenarios.Scenario verify,
      boolean wrk,
      int cores)
      throws Exception {
    Machine.awaitQuiet(o.decimal("quiet-idle", 90) / 100, o.decimal("quiet-wait", 5), this);
    Scenarios.Context ctx =
        new Scenarios.Context(
            server.address(),
            server.child.pid(),
            Machine.NO_TICKS,
            wrk,
            o.integer("conns", verify.defaultConns()),
            o.integer("client-threads", cores),
            o.decimal("warmup", 2),
            o.decimal("measure", 5),
            "ab" + round + metrics + System.nanoTime() % 100000,
            o);
    LoadResult r = verify.runner().run(ctx).get("main");
    LoadResult.Figures f = r.figures();
    Side side =
        new Side(
            round,
            metrics,
            f.rps(),
            f.p50Ms(),
            f.p99Ms(),
            f.errors(),
            r.serverCpuPercent,
            f.rps() > 0 ? r.serverCpuPercent / 100 / f.rps() * 1e6 : -1);
    line(
        String.format(
            Locale.ROOT,
            "  round %d metrics %-3s %8.0f req/s  p50 %.2f ms  p99 %.2f ms  errors %d  server CPU"
                + " %.0f %% (%.1f µs/request)",
            round,
            metrics,
            side.rps(),
            side.p50Ms(),
            side.p99Ms(),
            side.errors(),
            side.serverCpuPercent(),
            side.cpuMicrosPerRequest()));
    return side;
  }

  private static Map<String, Double> summary(List<Side> sides) {
    List<Double> rpsRatio = new ArrayList<>();
    List<Double> cpuRatio = new ArrayList<>();
    List<Double> p50Ratio = new ArrayList<>();
    for (Side on : sides) {
      if (!on.metrics().equals("on")) {
        continue;
      }
      Side off =
          sides.stream()
              .filter(s -> s.round() == on.round() && s.metrics().equals("off"))
              .findFirst()
              .orElseThrow();
      rpsRatio.add(on.rps() / off.rps());
      cpuRatio.add(on.cpuMicrosPerRequest() / off.cpuMicrosPerRequest());
      p50Ratio.add(on.p50Ms() / off.p50Ms());
    }
    Map<String, Double> s = new LinkedHashMap<>();
    s.put("medianThroughputOnOverOff", median(rpsRatio));
    s.put("throughputCostPercent", (1 - median(rpsRatio)) * 100);
    s.put("medianCpuPerRequestOnOverOff", median(cpuRatio));
    s.put("cpuPerRequestCostPercent", (median(cpuRatio) - 1) * 100);
    s.put("medianP50OnOverOff", median(p50Ratio));
    return s;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n == 0
        ? Double.NaN
        : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private String markdown(List<Side> sides) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(name).append("\n\n");
    md.append(
        "Session verify (`POST /recipe/session/verify`, checkDatabase false, in memory) on two"
            + " servers side by side, `METRICS_ENABLED=true` and `false`, alternating which is"
            + " measured first in each round. Cost = the median over rounds of each round's on/off"
            + " ratio.\n\n");
    md.append(
        "| round | metrics | req/s | p50 ms | p99 ms | errors | server CPU % | CPU µs/req |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (Side s : sides) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %.0f | %.2f | %.2f | %d | %.0f | %.1f |%n",
              s.round(),
              s.metrics(),
              s.rps(),
              s.p50Ms(),
              s.p99Ms(),
              s.errors(),
              s.serverCpuPercent(),
              s.cpuMicrosPerRequest()));
    }
    Map<String, Double> sum = summary(sides);
    md.append("\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Median throughput on/off: %.4f (cost %.2f %%); median server CPU per request on/off:"
                + " %.4f (cost %.2f %%); median p50 on/off %.3f. Target: cost under 3 %%.%n",
            sum.get("medianThroughputOnOverOff"),
            sum.get("throughputCostPercent"),
            sum.get("medianCpuPerRequestOnOverOff"),
            sum.get("cpuPerRequestCostPercent"),
            sum.get("medianP50OnOverOff")));
    md.append("\n\n```\n").append(log).append("```\n");
    return md.toString();
  }
}
