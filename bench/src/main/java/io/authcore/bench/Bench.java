package io.authcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One benchmark run: measure the ceilings, then start target/authcore.jar on each backend and run
 * the scenarios against it, each behind the quiet gate, and report every figure against its
 * ceiling. Every part is bounded in time; every process started here is stopped here.
 */
final class Bench implements Machine.Log {
  static final List<String> OPTIONS =
      List.of(
          "repo",
          "jar",
          "label",
          "backends",
          "scenarios",
          "ceilings",
          "warmup",
          "measure",
          "ceiling-warmup",
          "ceiling-measure",
          "conns",
          "client-threads",
          "quiet-idle",
          "quiet-wait",
          "foreign-cpu",
          "retries",
          "jfr",
          "mix",
          "flood-verify-rate",
          "flood-refresh-rate",
          "flood-verify-conns",
          "flood-refresh-conns",
          "busy-signin-rate",
          "burst-signins",
          "bulk-users",
          "jdbc-threads",
          "bcrypt-cost",
          "pg-host",
          "pg-port",
          "pg-user",
          "pg-password",
          "pg-cluster",
          "settle",
          "hello-client",
          "autogroup");

  static final List<String> ALL_CEILINGS = List.of("undertow", "rs256", "bcrypt", "jdbc");

  private final Options o;
  private final Path repo;
  private final Path jar;
  private final Path benchJar;
  private final Path raw;
  private final Path results;
  private final String name;
  private final List<String> flags;
  private final int cores = Machine.cores();
  private final double warmup;
  private final double measure;
  private final int clientThreads;
  private final Map<String, Integer> conns = new HashMap<>();
  private final Postgres pg;
  private final boolean wrk;
  private final boolean checkpoints; // a CHECKPOINT before each PostgreSQL measurement
  private Autogroup autogroup;
  private Predicate<Long> pgOurs = pid -> false;

  Bench(Options o) throws IOException {
    this.o = o;
    this.repo = Path.of(o.string("repo", ".")).toAbsolutePath().normalize();
    this.jar = repo.resolve(o.string("jar", "target/authcore.jar"));
    this.benchJar = Child.harnessJar();
    String label = o.string("label", "run");
    this.name =
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + label;
    this.results = repo.resolve("bench/results");
    this.raw = results.resolve("raw").resolve(name);
    Files.createDirectories(raw);
    this.flags = ServerFlags.read(repo, this);
    this.warmup = o.decimal("warmup", 15); // create and refresh need ~15 s of JIT
    this.measure = o.decimal("measure", 10);
    this.clientThreads = o.integer("client-threads", Math.max(1, cores));
    for (String pair : o.list("conns", List.of())) {
      String[] kv = pair.split(":");
      conns.put(kv[0], Integer.parseInt(kv[1]));
    }
    this.pg = new Postgres(o);
    this.checkpoints = !o.string("pg-checkpoint", "true").equals("false");
    String helloClient = o.string("hello-client", "auto");
    this.wrk = helloClient.equals("wrk") || helloClient.equals("auto") && Wrk.installed();
    if (helloClient.equals("wrk") && !Wrk.installed()) {
      throw new IllegalArgumentException("--hello-client=wrk but no wrk on the PATH");
    }
  }

  @Override
  public void line(String text) {
    Machine.Log.toConsoleAnd(raw.resolve("run.log"), text);
  }

  int run() throws Exception {
    if (!Files.isRegularFile(jar)) {
      line("no " + jar + ": build it first (./mvnw -q -DskipTests package)");
      return 2;
    }
    List<String> backends = o.list("backends", List.of("memory", "postgres"));
    List<Scenarios.Scenario> scenarios = selectedScenarios();
    List<String> ceilingKinds = o.list("ceilings", ALL_CEILINGS);
    autogroup = Autogroup.forRun(o.string("autogroup", "keep"), this);
    RunRecord.Header header = header(backends, scenarios);
    line("authcore bench " + name);
    line(
        String.format(
            Locale.ROOT,
            "  %d cores, %s, load %s; server flags %s",
            cores,
            header.java(),
            header.loadAtStart(),
            String.join(" ", flags)));
    line(
        String.format(
            Locale.ROOT,
            "  warm-up %.0f s + measure %.0f s per scenario; %d client threads; raw output in %s",
            warmup,
            measure,
            clientThreads,
            repo.relativize(raw)));

    boolean usePg = backends.contains("postgres");
    String pgProblem = null;
    if (usePg) {
      try {
        pg.ensureRunning(this);
      } catch (IOException e) {
        pgProblem = e.getMessage();
        line("PostgreSQL not available, its parts are skipped: " + pgProblem);
      }
    }
    try {
      Map<String, RunRecord.Ceiling> ceilings =
          measureCeilings(ceilingKinds, usePg && pgProblem == null);
      List<RunRecord.Backend> ran = new ArrayList<>();
      for (String backend : backends) {
        if (backend.equals("postgres") && pgProblem != null) {
          ran.add(RunRecord.Backend.skipped(backend, "PostgreSQL not available: " + pgProblem));
          continue;
        }
        try {
          ran.add(runBackend(backend, scenarios));
        } catch (Exception e) {
          // One backend failing (the server did not start, or died) still leaves a report.
          line("backend " + backend + " failed: " + e.getMessage());
          ran.add(RunRecord.Backend.skipped(backend, "failed: " + e.getMessage()));
        }
      }
      RunRecord record =
          new RunRecord(
              header,
              ceilings,
              ran,
              Verdicts.rows(ceilings, ran, o.weights("mix", Scenarios.DEFAULT_MIX)));
      Report report = new Report(record);
      line("");
      line(report.text());
      Path json = results.resolve(name + ".json");
      Path md = results.resolve(name + ".md");
      Files.writeString(json, report.json());
      Files.writeString(md, report.markdown());
      line("written: " + repo.relativize(json) + ", " + repo.relativize(md));
      return 0;
    } finally {
      autogroup.restore();
      if (usePg) {
        pg.stopIfStartedHere(this);
      }
    }
  }

  private List<Scenarios.Scenario> selectedScenarios() {
    List<Scenarios.Scenario> all = Scenarios.all();
    List<String> wanted = o.list("scenarios", List.of("all"));
    if (wanted.contains("all")) {
      return all;
    }
    List<Scenarios.Scenario> chosen = new ArrayList<>();
    for (String w : wanted) {
      Scenarios.Scenario s =
          all.stream()
              .filter(x -> x.name().equals(w))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown scenario "
                              + w
                              + "; known: "
                              + all.stream().map(Scenarios.Scenario::name).toList()));
      chosen.add(s);
    }
    return chosen;
  }

  private RunRecord.Header header(List<String> backends, List<Scenarios.Scenario> scenarios) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("warmupSeconds", warmup);
    settings.put("measureSeconds", measure);
    settings.put("ceilingWarmupSeconds", o.decimal("ceiling-warmup", 2));
    settings.put("ceilingMeasureSeconds", o.decimal("ceiling-measure", 5));
    settings.put("clientThreads", clientThreads);
    settings.put("helloClient", wrk ? "wrk" : "java");
    settings.put("pgCheckpoint", checkpoints);
    settings.put("autogroup", autogroup.describe());
    settings.put("backends", backends);
    settings.put("scenarios", scenarios.stream().map(Scenarios.Scenario::name).toList());
    settings.put("quietIdle", fraction(o.decimal("quiet-idle", 90)));
    settings.put("foreignCpuPercentMax", o.decimal("foreign-cpu", 15));
    return new RunRecord.Header(
        name,
        LocalDateTime.now().toString(),
        cores,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        Machine.loadAverage(),
        flags,
        String.join(" ", o.words()),
        settings);
  }

  // ---------------------------------------------------------------------------------------------
  // Ceilings

  private Map<String, RunRecord.Ceiling> measureCeilings(List<String> kinds, boolean pgUp)
      throws Exception {
    Map<String, RunRecord.Ceiling> out = new LinkedHashMap<>();
    double cw = o.decimal("ceiling-warmup", 2);
    double cm = o.decimal("ceiling-measure", 5);
    line("");
    line("ceilings");
    if (kinds.contains("undertow")) {
      out.put("undertow-io", undertow("io"));
      out.put("undertow-worker", undertow("worker"));
    }
    if (kinds.contains("rs256")) {
      for (String op : List.of("rs256-sign", "rs256-verify")) {
        out.put(op + "-1t", probe(op, 1, cw, cm, List.of()));
        out.put(op, probe(op, cores, cw, cm, List.of()));
      }
    }
    if (kinds.contains("rs256") && Child.onPath("openssl")) {
      out.putAll(opensslRsa(cm));
    }
    if (kinds.contains("bcrypt")) {
      int cost = o.integer("bcrypt-cost", 11);
      List<String> extra = List.of("--cost=" + cost);
      out.put("bcrypt-1t", probe("bcrypt", 1, cw, cm, extra));
      out.put("bcrypt", probe("bcrypt", cores, cw, cm, extra));
    }
    if (kinds.contains("jdbc")) {
      if (!pgUp) {
        line("  jdbc: skipped (no PostgreSQL in this run)");
      } else {
        String db = "bench_" + name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_jdbc";
        pg.createDatabase(db);
        pgOurs = Postgres.processesOf(db);
        try {
          if (checkpoints) {
            pg.checkpoint();
          }
          int threads = o.integer("jdbc-threads", 4);
          out.put(
              "jdbc",
              probe(
                  "jdbc",
                  threads,
                  cw,
                  cm,
                  List.of(
                      "--url=" + pg.jdbcUrl(db),
                      "--user=" + pg.user(),
                      "--password=" + pg.password())));
        } finally {
          pg.dropDatabase(db);
          pgOurs = pid -> false;
        }
      }
    }
    return out;
  }

  /**
   * What OpenSSL's own loop signs and checks on all cores ({@code openssl speed -multi}), for the
   * server's RS256 where it signs with OpenSSL: the JCA ceilings stay the yardstick.
   */
  private Map<String, RunRecord.Ceiling> opensslRsa(double seconds) throws Exception {
    int secs = (int) Math.max(1, Math.round(seconds));
    Measured<double[]> m = measured("rs256-openssl", () -> Yardsticks.opensslRsa(cores, secs, raw));
    Map<String, RunRecord.Ceiling> out = new LinkedHashMap<>();
    String who = ", 2048-bit key, " + cores + " processes (openssl speed -multi)";
    for (int i = 0; i < 2; i++) {
      String key = i == 0 ? "rs256-sign-openssl" : "rs256-verify-openssl";
      double rate = m.value()[i];
      RunRecord.Ceiling c =
          new RunRecord.Ceiling(
                  key,
                  "OpenSSL " + (i == 0 ? "sign" : "verify") + who,
                  rate,
                  "ops/s",
                  cores,
                  1000.0 / (rate / cores),
                  -1,
                  -1,
                  -1,
                  -1,
                  null)
              .withMeta(m.meta());
      line(String.format(Locale.ROOT, "  %-18s %s", key, c.summary()));
      out.put(key, c);
    }
    return out;
  }

  private RunRecord.Ceiling undertow(String mode) throws Exception {
    String key = "undertow-" + mode;
    int helloConns = conns.getOrDefault("hello", 64);
    Measured<RunRecord.Ceiling> m =
        measured(
            key,
            () -> {
              try (BareUndertow.Launched undertow = BareUndertow.start(key, mode, flags, raw)) {
                Child child = undertow.child();
                int port = undertow.port();
                LoadResult r;
                if (wrk) {
                  r =
                      Wrk.run(
                          "hello",
                          port,
                          "/hello",
                          null,
                          helloConns,
                          clientThreads,
                          warmup,
                          measure,
                          child.pid(),
                          Machine.NO_TICKS);
                } else {
                  List<Conversation> c = new ArrayList<>();
                  for (int i = 0; i < helloConns; i++) {
                    c.add(
                        new Conversations.Repeat(
                            Request.get("hello", "127.0.0.1:" + port, "/hello")));
                  }
                  r =
                      LoadClient.run(
                          new InetSocketAddress("127.0.0.1", port),
                          c,
                          clientThreads,
                          warmup,
                          measure,
                          5,
                          child.pid(),
                          Machine.NO_TICKS);
                }
                LoadResult.Figures f = r.figures();
                if (f.errors() > 0) {
                  throw new IOException(key + ": " + f.errors() + " errors " + f.errorReasons());
                }
                return new RunRecord.Ceiling(
                    key,
                    "bare Undertow /hello, handler on the "
                        + (mode.equals("io") ? "I/O thread" : "worker pool (10 threads)")
                        + ", "
                        + helloConns
                        + " keep-alive connections, "
                        + (wrk ? "wrk" : "this harness's client")
                        + " (as /hello)",
                    f.rps(),
                    "req/s",
                    helloConns,
                    f.p50Ms(),
                    f.p99Ms(),
                    child.rssMb(),
                    r.serverCpuPercent,
                    r.clientCpuPercent,
                    null);
              }
            });
    RunRecord.Ceiling c = m.value().withMeta(m.meta());
    line(String.format(Locale.ROOT, "  %-18s %s", key, c.summary()));
    return c;
  }

  private RunRecord.Ceiling probe(
      String kind, int threads, double cw, double cm, List<String> extra) throws Exception {
    String key = kind + (threads == 1 ? "-1t" : "");
    Measured<RunRecord.Ceiling> m =
        measured(
            key,
            () -> {
              List<String> args =
                  new ArrayList<>(
                      List.of(
                          "-cp",
                          benchJar.toString(),
                          Main.class.getName(),
                          "ceiling",
                          kind,
                          "--threads=" + threads,
                          "--warmup=" + cw,
                          "--measure=" + cm));
              args.addAll(extra);
              String logName = "ceiling-" + kind + "-" + threads + "t";
              try (Child child =
                  Child.start(
                      logName,
                      Child.java(flags, args.toArray(new String[0])),
                      raw,
                      raw.resolve(logName + ".log"),
                      Map.of())) {
                String line = child.awaitLine(CeilingProbe.RESULT, (long) ((cw + cm + 60) * 1000));
                var json =
                    Conversations.parse(line.substring(line.indexOf(CeilingProbe.RESULT) + 7));
                return new RunRecord.Ceiling(
                    key,
                    describe(kind, threads),
                    json.path("opsPerSecond").asDouble(),
                    "ops/s",
                    threads,
                    json.path("p50Ms").asDouble(),
                    json.path("p99Ms").asDouble(),
                    json.path("rssMb").asDouble(-1),
                    -1,
                    -1,
                    null);
              }
            });
    RunRecord.Ceiling c = m.value().withMeta(m.meta());
    line(String.format(Locale.ROOT, "  %-18s %s", key, c.summary()));
    return c;
  }

  private String describe(String kind, int threads) {
    String who = threads + (threads == 1 ? " thread" : " threads");
    return switch (kind) {
      case "rs256-sign" -> "JCA SHA256withRSA sign, 2048-bit key, 578-byte JWT input, " + who;
      case "rs256-verify" -> "JCA SHA256withRSA verify, same key and input, " + who;
      case "bcrypt" -> "jbcrypt hashpw cost " + o.integer("bcrypt-cost", 11) + ", " + who;
      case "jdbc" ->
          "HikariCP+pgjdbc INSERT (300 B row) + SELECT by key on the same PostgreSQL, " + who;
      default -> kind;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Backends and scenarios

  private RunRecord.Backend runBackend(String backend, List<Scenarios.Scenario> scenarios)
      throws Exception {
    line("");
    line("backend " + backend);
    Map<String, String> env = AuthcoreServer.unsetting("POSTGRESQL_");
    String db = null;
    if (backend.equals("postgres")) {
      db = "bench_" + name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
      pg.createDatabase(db);
      env.put("POSTGRESQL_CONNECTION_URI", pg.connectionUri(db));
      pgOurs = Postgres.processesOf(db);
    } else if (!backend.equals("memory")) {
      throw new IllegalArgumentException("unknown backend " + backend + " (memory, postgres)");
    }
    List<String> jfrFor = o.has("jfr") ? o.list("jfr", List.of()) : List.of();
    boolean jfrAll = o.has("jfr") && (jfrFor.isEmpty() || jfrFor.contains("true"));
    List<RunRecord.ScenarioRecord> records = new ArrayList<>();
    double idleFresh;
    double idleAfter;
    List<String> command;
    try (AuthcoreServer server =
        AuthcoreServer.start(jar, flags, List.of(), env, raw, "server-" + backend)) {
      command = server.command;
      Setup setup = new Setup("127.0.0.1", server.port);
      for (int i = 0; i < 3; i++) {
        Setup.Reply r = setup.get("/hello");
        if (r.status() != 200) {
          line("  /hello answered " + r.describe());
        }
      }
      Child.sleep((long) (o.decimal("settle", 3) * 1000));
      idleFresh = server.child.rssMb();
      line(
          String.format(
              Locale.ROOT, "  server pid %d, idle RSS %.0f MB", server.child.pid(), idleFresh));
      for (Scenarios.Scenario s : scenarios) {
        boolean jfr = jfrAll || jfrFor.contains(s.name());
        records.add(runScenario(backend, server, s, jfr));
      }
      Child.sleep((long) (o.decimal("settle", 3) * 1000) + 2000);
      idleAfter = server.child.rssMb();
      line(String.format(Locale.ROOT, "  idle RSS after the scenarios %.0f MB", idleAfter));
    } finally {
      pgOurs = pid -> false;
      if (db != null) {
        pg.dropDatabase(db);
      }
    }
    return new RunRecord.Backend(
        backend, null, String.join(" ", command), idleFresh, idleAfter, records);
  }

  private RunRecord.ScenarioRecord runScenario(
      String backend, AuthcoreServer server, Scenarios.Scenario s, boolean jfr) throws Exception {
    int n = conns.getOrDefault(s.name(), s.defaultConns());
    Setup setup = new Setup("127.0.0.1", server.port);
    for (Scenarios.Endpoint e : s.needs()) {
      Setup.Reply r = e.method().equals("GET") ? setup.get(e.path()) : setup.post(e.path(), "{}");
      if (r.status() == 404) {
        String why = "endpoint not available yet: 404 " + e;
        line(String.format(Locale.ROOT, "  %-10s SKIP  %s", s.name(), why));
        return RunRecord.ScenarioRecord.skipped(s.name(), s.what(), n, why);
      }
    }
    String prefix = "b" + Long.toString(System.currentTimeMillis(), 36) + "-" + s.name();
    Path jfrFile = raw.resolve(backend + "-" + s.name() + ".jfr");
    // PostgreSQL's processes for this database (backends and its own workers) share the two
    // cores with the server: their CPU is part of what a PostgreSQL figure costs.
    Predicate<Long> database = pgOurs;
    LongSupplier databaseTicks =
        backend.equals("postgres") ? () -> Machine.cpuTicksOf(database) : Machine.NO_TICKS;
    try {
      Measured<Map<String, LoadResult>> m =
          measured(
              backend + " " + s.name(),
              () -> {
                if (backend.equals("postgres") && checkpoints) {
                  pg.checkpoint();
                }
                Scenarios.Context ctx =
                    new Scenarios.Context(
                        server.address(),
                        server.child.pid(),
                        databaseTicks,
                        wrk,
                        n,
                        clientThreads,
                        warmup,
                        measure,
                        prefix + "-" + System.nanoTime() % 100000,
                        o);
                if (jfr) {
                  startJfr(server, s.name(), jfrFile);
                }
                return s.runner().run(ctx);
              });
      double rss = server.child.rssMb();
      Map<String, RunRecord.Phase> phases = new LinkedHashMap<>();
      m.value().forEach((phase, r) -> phases.put(phase, RunRecord.Phase.of(r)));
      RunRecord.ScenarioRecord rec =
          new RunRecord.ScenarioRecord(
              s.name(),
              s.what(),
              n,
              "ran",
              null,
              phases,
              rss,
              m.meta(),
              jfr ? repo.relativize(jfrFile).toString() : null);
      line("  " + rec.summary());
      return rec;
    } catch (Exception e) {
      String why = "failed: " + e.getMessage();
      line(String.format(Locale.ROOT, "  %-10s FAIL  %s", s.name(), why));
      if (!server.child.process.isAlive()) {
        throw new IOException("the server died; " + server.child.tail(), e);
      }
      return RunRecord.ScenarioRecord.failed(s.name(), s.what(), n, why);
    }
  }

  /** A JFR recording of the measure window only (jcmd runs during the warm-up). */
  private void startJfr(AuthcoreServer server, String scenario, Path file) throws IOException {
    Child.Result r =
        Child.exec(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.child.pid()),
                "JFR.start",
                "name=bench-" + scenario,
                "settings=profile",
                String.format(Locale.ROOT, "delay=%ds", (int) Math.ceil(warmup)),
                String.format(Locale.ROOT, "duration=%ds", (int) Math.ceil(measure)),
                "filename=" + file),
            30);
    if (r.exit() != 0) {
      line("  could not start JFR: " + r.output().strip());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The quiet gate

  record Measured<T>(T value, RunRecord.Meta meta) {}

  /**
   * Runs {@code body} once the machine is quiet, watching for foreign CPU use while it runs; a run
   * during which another process used more than --foreign-cpu % of a core is discarded and repeated
   * (--retries times), and the last one is kept, flagged, if none was clean.
   */
  private <T> Measured<T> measured(String what, Callable<T> body) throws Exception {
    double minIdle = fraction(o.decimal("quiet-idle", 90));
    double maxWait = o.decimal("quiet-wait", 120);
    double foreignMax = o.decimal("foreign-cpu", 15);
    int retries = o.integer("retries", 2);
    Measured<T> last = null;
    for (int attempt = 1; attempt <= retries + 1; attempt++) {
      double idle = Machine.awaitQuiet(minIdle, maxWait, this);
      T value;
      Machine.ForeignMonitor monitor = new Machine.ForeignMonitor(pgOurs);
      try {
        value = body.call();
      } finally {
        monitor.close();
      }
      boolean noisy = monitor.worstPercent() > foreignMax || idle < minIdle;
      RunRecord.Meta meta =
          new RunRecord.Meta(
              idle,
              monitor.worstPercent(),
              monitor.worst(),
              monitor.loadAtStart(),
              Machine.loadAverage(),
              attempt,
              noisy);
      last = new Measured<>(value, meta);
      if (!noisy) {
        return last;
      }
      if (attempt <= retries) {
        line(
            String.format(
                Locale.ROOT,
                "  %s: discarded, %s used %.0f%% CPU (idle before %.0f%%); again",
                what,
                monitor.worst(),
                monitor.worstPercent(),
                idle * 100));
      }
    }
    return last;
  }

  /** 90 or 0.9: both mean 90 %. */
  private static double fraction(double percentOrFraction) {
    return percentOrFraction > 1 ? percentOrFraction / 100 : percentOrFraction;
  }
}
