package io.authcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * {@code bench/run side-by-side}: the original core and Authcore on one machine, in one run, driven
 * by the same client and scenarios (issue 25). Each round starts both afresh, one after the other,
 * the order swapped every round so that a machine that gets busier or quieter weighs on both alike;
 * every figure is reported as Authcore's over the original's, the median of the rounds' ratios with
 * their spread.
 */
final class SideBySide implements Machine.Log {
  static final List<String> OPTIONS =
      List.of(
          "repo",
          "jar",
          "label",
          "backends",
          "scenarios",
          "rounds",
          "warmup",
          "measure",
          "conns",
          "client-threads",
          "mix",
          "original",
          "hello-client",
          "settle",
          "server-warmup",
          "yardsticks",
          "sql-ceiling",
          "sql-ceiling-pool",
          "quiet-idle",
          "quiet-wait",
          "pg-host",
          "pg-port",
          "pg-user",
          "pg-password",
          "pg-cluster");

  static final List<String> SESSION_PATHS =
      List.of("create", "verify", "verify-db", "refresh", "regenerate", "revoke");
  static final List<String> DEFAULT_SCENARIOS = new ArrayList<>(SESSION_PATHS);

  static {
    DEFAULT_SCENARIOS.add("signin");
    DEFAULT_SCENARIOS.add("mix");
  }

  /** Issue 25's mixed load. */
  static final String MIX = "verify-db:70,refresh:20,create:8,signin:2";

  private final Options o;
  private final Path repo;
  private final Path jar;
  private final Path original;
  private final Path raw;
  private final RunFiles files;
  private final String name;
  private final List<String> flags;
  private final Postgres pg;
  private final boolean wrk;
  private final Map<Integer, Map<String, Double>> sqlCeilings = new LinkedHashMap<>();

  SideBySide(Options options) throws IOException {
    this.o = options.withDefault("mix", MIX);
    this.repo = Path.of(o.string("repo", ".")).toAbsolutePath().normalize();
    this.jar = repo.resolve(o.string("jar", "target/authcore.jar"));
    Path shared = repo.resolve("../shared/original-core");
    this.original =
        Path.of(
            o.string(
                "original",
                Files.isDirectory(shared) ? shared.toString() : "/work/shared/original-core"));
    this.files = RunFiles.create(repo, o.string("label", "side-by-side"));
    this.name = files.name();
    this.raw = files.raw();
    this.flags = ServerFlags.read(repo, this);
    this.pg = new Postgres(o);
    String helloClient = o.string("hello-client", "auto");
    this.wrk = helloClient.equals("wrk") || helloClient.equals("auto") && Wrk.installed();
  }

  @Override
  public void line(String text) {
    Machine.Log.toConsoleAnd(raw.resolve("run.log"), text);
  }

  int run() throws Exception {
    if (!Files.isExecutable(original.resolve("start.sh"))) {
      line("no original core at " + original + " (start.sh); set --original=<dir>");
      return 2;
    }
    List<String> backends = o.list("backends", List.of("memory", "postgres"));
    List<Scenarios.Scenario> scenarios = chosen(o.list("scenarios", DEFAULT_SCENARIOS));
    int rounds = o.integer("rounds", 3);
    line("authcore side by side " + name + "; original at " + original);
    line(
        String.format(
            Locale.ROOT,
            "  %d rounds, warm-up %.0f s + measure %.0f s per scenario, mix %s, client %s",
            rounds,
            o.decimal("warmup", 2),
            o.decimal("measure", 8),
            o.string("mix", MIX),
            wrk ? "wrk for verify" : "java"));
    if (backends.contains("postgres")) {
      pg.ensureRunning(this);
    }
    Yardsticks yardsticks = null;
    if (!o.string("yardsticks", "true").equals("false")) {
      Machine.awaitQuiet(o.decimal("quiet-idle", 90) / 100, o.decimal("quiet-wait", 30), this);
      line("yardsticks");
      yardsticks = Yardsticks.measure(flags, raw, o.decimal("settle", 12), this);
    }
    List<SideBySideSample> samples = new ArrayList<>();
    try {
      for (String backend : backends) {
        for (int round = 0; round < rounds; round++) {
          List<String> order =
              round % 2 == 0 ? List.of("original", "authcore") : List.of("authcore", "original");
          for (String side : order) {
            samples.addAll(runSide(backend, side, round, scenarios));
          }
        }
      }
    } finally {
      if (backends.contains("postgres")) {
        pg.stopIfStartedHere(this);
      }
    }
    SideBySideReport report =
        new SideBySideReport(name, samples, backends, scenarioNames(scenarios));
    Map<String, Object> settings = header(rounds);
    String md = report.markdown(settings);
    List<SideBySideBounds.Bound> bounds = List.of();
    if (yardsticks != null) {
      bounds =
          new SideBySideBounds(yardsticks, Machine.cores(), samples, signinShare())
              .of(report.verdicts());
      md += SideBySideBounds.markdown(bounds);
    }
    List<SideBySideBounds.SqlRow> sql = SideBySideBounds.sqlRows(sqlCeilings, samples);
    if (!sql.isEmpty()) {
      md += SideBySideBounds.sqlMarkdown(sql);
    }
    line("");
    line(md);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("settings", settings);
    out.put("samples", samples);
    out.put("verdicts", report.verdicts());
    out.put("yardsticks", yardsticks);
    out.put("bounds", bounds);
    out.put("sqlCeilings", sqlCeilings);
    out.put("sqlRows", sql);
    line(files.write(out, md));
    return 0;
  }

  private Map<String, Object> header(int rounds) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("started", name.substring(0, 15));
    h.put("cores", Machine.cores());
    h.put("rounds", rounds);
    h.put("warmupSeconds", o.decimal("warmup", 2));
    h.put("measureSeconds", o.decimal("measure", 8));
    h.put("serverWarmupSeconds", o.decimal("server-warmup", 30));
    h.put("mix", o.string("mix", MIX));
    h.put("verifyClient", wrk ? "wrk" : "java");
    h.put("authcoreFlags", String.join(" ", flags));
    h.put("load", Machine.loadAverage());
    return h;
  }

  private List<SideBySideSample> runSide(
      String backend, String side, int round, List<Scenarios.Scenario> scenarios) throws Exception {
    Machine.awaitQuiet(o.decimal("quiet-idle", 90) / 100, o.decimal("quiet-wait", 30), this);
    String db = null;
    Map<String, String> env = AuthcoreServer.unsetting("POSTGRESQL_");
    if (backend.equals("postgres")) {
      db = "sbs_" + side + "_" + round + "_" + name.substring(9, 15);
      pg.createDatabase(db);
      env.put("POSTGRESQL_CONNECTION_URI", pg.connectionUri(db));
    }
    List<SideBySideSample> out = new ArrayList<>();
    try (SideBySideServer server =
        SideBySideServer.start(side, env, jar, flags, original, raw, backend + round, this)) {
      Setup setup = new Setup("127.0.0.1", server.port());
      for (int i = 0; i < 3; i++) {
        setup.get("/hello");
      }
      // Idle means past start-up: the JVM frees its compilers' memory only every 5 s.
      Child.sleep((long) (o.decimal("settle", 12) * 1000));
      double idle = Child.rssMb(server.pid());
      line(
          String.format(
              Locale.ROOT,
              "%s %s round %d: pid %d, idle RSS %.0f MB",
              backend,
              side,
              round + 1,
              server.pid(),
              idle));
      LongSupplier databaseTicks = Machine.NO_TICKS;
      if (db != null) {
        Predicate<Long> database = Postgres.processesOf(db);
        databaseTicks = () -> Machine.cpuTicksOf(database);
      }
      warmUp(server, scenarios);
      for (Scenarios.Scenario s : scenarios) {
        if (backend.equals("postgres")) {
          // As the main run does: the previous server's writes (and the drop of its database) are
          // flushed now, not by a checkpoint inside this measurement.
          pg.checkpoint();
        }
        Scenarios.Context ctx =
            context(
                "sbs",
                server,
                s,
                databaseTicks,
                wrk,
                o.decimal("warmup", 2),
                o.decimal("measure", 8));
        LoadResult result = s.runner().run(ctx).values().iterator().next();
        LoadResult.Figures f = figures(s.name(), result);
        line(
            String.format(
                Locale.ROOT,
                "  %-10s %9.0f req/s  p50 %8.2f ms  p99 %8.2f ms  errors %d %s",
                s.name(),
                f.rps(),
                f.p50Ms(),
                f.p99Ms(),
                f.errors(),
                f.errors() == 0 ? "" : f.errorReasons()));
        out.add(
            new SideBySideSample(
                backend,
                side,
                round,
                s.name(),
                f.rps(),
                f.p50Ms(),
                f.p99Ms(),
                f.errors(),
                f.errorReasons(),
                idle,
                ctx.conns,
                f.meanMs(),
                result.clientCpuPercent,
                result.databaseCpuPercent,
                othersMeanMs(s.name(), result)));
      }
      if (db != null
          && side.equals("authcore")
          && !o.string("sql-ceiling", "true").equals("false")) {
        sqlCeilings.put(round, sqlCeiling(db));
      }
    } finally {
      if (db != null) {
        pg.dropDatabase(db);
      }
    }
    return out;
  }

  /**
   * Issue 25's JDBC ceiling on the database Authcore has just used, while its server still runs
   * (idle) as it did for the figures.
   */
  private Map<String, Double> sqlCeiling(String db) throws Exception {
    pg.checkpoint();
    Map<String, Double> rates =
        SessionSqlCeiling.measure(
            pg.jdbcUrl(db),
            pg.user(),
            pg.password(),
            16,
            o.integer("sql-ceiling-pool", 10),
            o.decimal("warmup", 2),
            5);
    rates.forEach(
        (path, rate) ->
            line(String.format(Locale.ROOT, "  SQL ceiling %-10s %9.0f ops/s", path, rate)));
    return rates;
  }

  /**
   * Both servers run every session scenario, unmeasured, for --server-warmup seconds in all before
   * the first measurement: the figures compare servers that have compiled their hot paths, as a
   * server in service has, not two JITs at work.
   */
  private void warmUp(SideBySideServer server, List<Scenarios.Scenario> scenarios)
      throws Exception {
    List<Scenarios.Scenario> paths =
        scenarios.stream()
            .filter(s -> SESSION_PATHS.contains(s.name()) && !s.name().equals("verify"))
            .toList();
    double seconds = o.decimal("server-warmup", 30);
    if (paths.isEmpty() || seconds <= 0) {
      return;
    }
    double each = seconds / paths.size();
    for (Scenarios.Scenario s : paths) {
      s.runner().run(context("sbw", server, s, Machine.NO_TICKS, false, Math.max(0, each - 1), 1));
    }
  }

  /** A scenario's run against {@code server}; {@code tag} starts the names of what it creates. */
  private Scenarios.Context context(
      String tag,
      SideBySideServer server,
      Scenarios.Scenario s,
      LongSupplier databaseTicks,
      boolean wrk,
      double warmup,
      double measure) {
    return new Scenarios.Context(
        new InetSocketAddress("127.0.0.1", server.port()),
        server.pid(),
        databaseTicks,
        wrk,
        conns(s),
        o.integer("client-threads", Machine.cores()),
        warmup,
        measure,
        tag + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + s.name(),
        o);
  }

  // The mix's requests other than sign-ins: their mean latency bounds the sign-ins' (bounds).
  private static double othersMeanMs(String scenario, LoadResult result) {
    if (!scenario.equals("mix") || result.ops == null) {
      return Double.NaN;
    }
    String[] others =
        result.ops.keySet().stream().filter(op -> !op.equals("signin")).toArray(String[]::new);
    return others.length == 0 ? Double.NaN : result.figures(others).meanMs();
  }

  private double signinShare() {
    Map<String, Double> weights = o.weights("mix", Map.of());
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    return total <= 0 ? 0 : weights.getOrDefault("signin", 0.0) / total;
  }

  private int conns(Scenarios.Scenario s) {
    for (String pair : o.list("conns", List.of())) {
      String[] kv = pair.split(":");
      if (kv[0].equals(s.name())) {
        return Integer.parseInt(kv[1]);
      }
    }
    return s.defaultConns();
  }

  // A create-then-revoke scenario is judged by its revocations.
  private static LoadResult.Figures figures(String scenario, LoadResult result) {
    return scenario.equals("revoke") ? result.figures("revoke") : result.figures();
  }

  private static List<Scenarios.Scenario> chosen(List<String> names) {
    List<Scenarios.Scenario> all = Scenarios.all();
    List<Scenarios.Scenario> out = new ArrayList<>();
    for (String n : names) {
      out.add(
          all.stream()
              .filter(s -> s.name().equals(n))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + n)));
    }
    return out;
  }

  private static List<String> scenarioNames(List<Scenarios.Scenario> scenarios) {
    return scenarios.stream().map(Scenarios.Scenario::name).toList();
  }
}
