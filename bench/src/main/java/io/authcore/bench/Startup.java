package io.authcore.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/run startup}: the time from launching the server to its first {@code 200} on {@code
 * /hello} (issue 23), with the launcher's JVM flags, in memory and on PostgreSQL (a fresh database:
 * the first start creates the schema, the restarts find it), without and with the class-data
 * sharing archive the install script makes. Each launch waits for a quiet machine first; the
 * server's CPU time up to that answer is recorded too, as it varies less than the wall time on a
 * shared machine. The server's own log lines say where the time went.
 */
final class Startup implements Machine.Log {
  static final List<String> OPTIONS =
      List.of(
          "repo",
          "jar",
          "label",
          "backends",
          "runs",
          "cds",
          "baseline",
          "quiet-idle",
          "quiet-wait",
          "pg-host",
          "pg-port",
          "pg-user",
          "pg-password",
          "pg-cluster");

  /** The target for the in-memory default. */
  static final long TARGET_MS = 1000;

  /** Log lines that end a phase, in the order a start passes them: name, then marker. */
  static final Map<String, String> PHASES = phases();

  private static Map<String, String> phases() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("config", "Completed config.yaml loading");
    m.put("schema", "tables in schema"); // "Created 41 tables ...": first starts only
    m.put("keys", "created a new access-token signing key");
    m.put("http", "Accepting at most");
    return m;
  }

  /** One launch. {@code phases} are milliseconds since the launch, for the markers found. */
  /** What is launched: a jar, with or without the archive ({@code --baseline}: another jar). */
  record Variant(String name, Path jar, List<String> flags) {}

  record Launch(
      String backend,
      String variant,
      String kind,
      long helloMs,
      long cpuMs,
      Map<String, Long> phases,
      String load) {}

  /** The launches of one kind, summarised (medians; min and max of the first answer). */
  record Summary(
      String backend,
      String variant,
      String kind,
      int runs,
      long medianMs,
      long minMs,
      long maxMs,
      long medianCpuMs,
      Map<String, Long> medianPhases,
      String target) {}

  record Result(
      String name,
      String startedAt,
      String java,
      int cores,
      List<String> serverFlags,
      List<Summary> summaries,
      List<Launch> launches) {}

  private final Options o;
  private final Path repo;
  private final Path jar;
  private final Path raw;
  private final RunFiles files;
  private final String name;
  private final Postgres pg;

  Startup(Options o) throws IOException {
    this.o = o;
    this.repo = Path.of(o.string("repo", ".")).toAbsolutePath().normalize();
    this.jar = repo.resolve(o.string("jar", "target/authcore.jar"));
    this.files = RunFiles.create(repo, o.string("label", "startup"));
    this.name = files.name();
    this.raw = files.raw();
    this.pg = new Postgres(o);
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
    List<String> flags = ServerFlags.read(repo, this);
    List<String> backends = o.list("backends", List.of("memory", "postgres"));
    int runs = o.integer("runs", 5);
    String cds = o.string("cds", "both");
    List<Boolean> archives =
        switch (cds) {
          case "on" -> List.of(true);
          case "off" -> List.of(false);
          default -> List.of(false, true);
        };
    String startedAt = OffsetDateTime.now().toString();
    line("authcore start-up " + name + "; server flags " + String.join(" ", flags));
    Path archive = raw.resolve("authcore.jsa");
    if (archives.contains(true)) {
      train(flags, archive);
    }
    if (backends.contains("postgres")) {
      pg.ensureRunning(this);
    }
    // The variants alternate within each run, so a machine that gets busier or quieter during the
    // run weighs on each alike.
    List<Variant> variants = new ArrayList<>();
    if (o.has("baseline")) {
      variants.add(new Variant("baseline", repo.resolve(o.string("baseline", "")), List.of()));
    }
    for (boolean withArchive : archives) {
      variants.add(
          withArchive
              ? new Variant("CDS", jar, List.of("-XX:SharedArchiveFile=" + archive))
              : new Variant("none", jar, List.of()));
    }
    List<Launch> launches = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      for (String backend : backends) {
        for (Variant variant : variants) {
          List<String> jvm = new ArrayList<>(flags);
          jvm.addAll(variant.flags());
          if (backend.equals("memory")) {
            launches.add(launch(jvm, variant, backend, "start", Map.of(), i));
          } else {
            String db = "bench_startup_" + i;
            pg.createDatabase(db);
            Map<String, String> env = Map.of("POSTGRESQL_CONNECTION_URI", pg.connectionUri(db));
            try {
              launches.add(launch(jvm, variant, backend, "first start", env, i));
              launches.add(launch(jvm, variant, backend, "restart", env, i));
            } finally {
              pg.dropDatabase(db);
            }
          }
        }
      }
    }
    Result result =
        new Result(
            name,
            startedAt,
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            Machine.cores(),
            flags,
            summarise(launches),
            launches);
    String table = Report.table(table(result.summaries()), false);
    line("");
    line(table);
    line(files.write(result, markdown(result)));
    return 0;
  }

  /** The install script's training run (cli/CdsTraining), writing the archive. */
  private void train(List<String> flags, Path archive) throws IOException {
    line("training the class-data sharing archive");
    List<String> jvm = new ArrayList<>(flags);
    jvm.add("-XX:ArchiveClassesAtExit=" + archive);
    jvm.add("-Dauthcore.cds.training=true");
    Path config = raw.resolve("config.yaml");
    Files.writeString(config, "core_config_version: 0\n");
    List<String> command = AuthcoreServer.command(jar, jvm, 0, config, raw);
    try (Child child =
        Child.start("training", command, raw, raw.resolve("training.log"), noDatabase())) {
      try {
        if (!child.process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)
            || child.process.exitValue() != 0
            || !Files.isRegularFile(archive)) {
          throw new IOException("the training run failed; " + child.tail());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  private static Map<String, String> noDatabase() {
    Map<String, String> env = new HashMap<>();
    env.put("POSTGRESQL_CONNECTION_URI", null);
    env.put("POSTGRESQL_USER", null);
    env.put("JAVA_OPTS", null);
    return env;
  }

  private Launch launch(
      List<String> jvm,
      Variant variant,
      String backend,
      String kind,
      Map<String, String> env,
      int index)
      throws IOException {
    Machine.awaitQuiet(o.decimal("quiet-idle", 90) / 100, o.decimal("quiet-wait", 60), this);
    String load = Machine.loadAverage();
    int port = AuthcoreServer.freePort();
    String label = backend + "-" + variant.name() + "-" + kind.replace(' ', '-') + "-" + index;
    Path config = raw.resolve("config.yaml");
    Files.writeString(config, "core_config_version: 0\n");
    List<String> command = AuthcoreServer.command(variant.jar(), jvm, port, config, raw);
    Map<String, String> environment = new HashMap<>(noDatabase());
    environment.putAll(env);
    long launchedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    try (Child child = Child.start(label, command, raw, raw.resolve(label + ".log"), environment)) {
      long deadline = t0 + 120_000_000_000L;
      while (!helloAnswers(port)) {
        if (!child.process.isAlive() || System.nanoTime() > deadline) {
          throw new IOException(label + " never answered /hello; " + child.tail());
        }
        Child.sleep(5);
      }
      long helloMs = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = Math.round(Machine.cpuTicks(child.pid()) * 1000 / Machine.TICKS_PER_SECOND);
      Launch launch =
          new Launch(
              backend,
              variant.name(),
              kind,
              helloMs,
              cpuMs,
              phases(Files.readAllLines(child.log, StandardCharsets.UTF_8), launchedAt),
              load);
      line(
          String.format(
              Locale.ROOT,
              "  %-28s first /hello %5d ms, CPU %5d ms, %s (load %s)",
              label,
              helloMs,
              cpuMs,
              launch.phases(),
              load));
      return launch;
    }
  }

  /** Whether {@code GET /hello} answers 200 now (a refused connection is a no). */
  static boolean helloAnswers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /hello HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      return new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  /** Milliseconds from {@code launchedAt} to the first log line carrying each phase's marker. */
  static Map<String, Long> phases(List<String> log, long launchedAt) {
    Map<String, Long> found = new LinkedHashMap<>();
    PHASES.forEach(
        (phase, marker) -> {
          for (String line : log) {
            int space = line.indexOf(' ');
            if (space > 0 && line.contains(marker)) {
              try {
                long at = OffsetDateTime.parse(line.substring(0, space)).toInstant().toEpochMilli();
                found.put(phase, at - launchedAt);
                break;
              } catch (DateTimeParseException e) {
                // not a timestamped line
              }
            }
          }
        });
    return found;
  }

  static List<Summary> summarise(List<Launch> launches) {
    Map<String, List<Launch>> groups = new LinkedHashMap<>();
    for (Launch l : launches) {
      groups
          .computeIfAbsent(l.backend() + "|" + l.variant() + "|" + l.kind(), k -> new ArrayList<>())
          .add(l);
    }
    List<Summary> out = new ArrayList<>();
    for (List<Launch> g : groups.values()) {
      Launch first = g.get(0);
      Map<String, Long> phases = new LinkedHashMap<>();
      for (String phase : PHASES.keySet()) {
        List<Long> values = new ArrayList<>();
        g.forEach(
            l -> {
              if (l.phases().containsKey(phase)) {
                values.add(l.phases().get(phase));
              }
            });
        if (!values.isEmpty()) {
          phases.put(phase, median(values));
        }
      }
      List<Long> hello = g.stream().map(Launch::helloMs).toList();
      boolean targeted = first.backend().equals("memory");
      long median = median(hello);
      out.add(
          new Summary(
              first.backend(),
              first.variant(),
              first.kind(),
              g.size(),
              median,
              hello.stream().mapToLong(Long::longValue).min().orElse(0),
              hello.stream().mapToLong(Long::longValue).max().orElse(0),
              median(g.stream().map(Launch::cpuMs).toList()),
              phases,
              targeted
                  ? (median <= TARGET_MS ? "pass" : "FAIL") + " (≤ " + TARGET_MS + " ms)"
                  : ""));
    }
    return out;
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0
        ? 0
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static List<List<String>> table(List<Summary> summaries) {
    List<List<String>> t = new ArrayList<>();
    List<String> head =
        new ArrayList<>(
            List.of(
                "backend",
                "variant",
                "start",
                "runs",
                "first /hello ms (median)",
                "min–max",
                "CPU ms"));
    PHASES.keySet().forEach(p -> head.add(p + " ms"));
    head.add("target");
    t.add(head);
    for (Summary s : summaries) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  s.backend(),
                  s.variant(),
                  s.kind(),
                  String.valueOf(s.runs()),
                  String.format(Locale.ROOT, "%,d", s.medianMs()),
                  String.format(Locale.ROOT, "%,d–%,d", s.minMs(), s.maxMs()),
                  String.format(Locale.ROOT, "%,d", s.medianCpuMs())));
      PHASES
          .keySet()
          .forEach(
              p ->
                  row.add(
                      s.medianPhases().containsKey(p)
                          ? String.format(Locale.ROOT, "%,d", s.medianPhases().get(p))
                          : "-"));
      row.add(s.target());
      t.add(row);
    }
    return t;
  }

  private String markdown(Result r) {
    StringBuilder out = new StringBuilder();
    out.append("# Start-up run ").append(r.name()).append("\n\n");
    out.append("- started ")
        .append(r.startedAt())
        .append(", ")
        .append(r.cores())
        .append(" cores, ");
    out.append(r.java()).append('\n');
    out.append("- server JVM flags (the launcher's): `")
        .append(String.join(" ", r.serverFlags()))
        .append(
            "`; variants: `none` is the jar as it is, `CDS` adds `-XX:SharedArchiveFile=` with an"
                + " archive trained as the install script trains it, `baseline` is the jar given with"
                + " `--baseline` (alternating with the others in each run)\n");
    out.append(
        "- first /hello: from launching `java … -jar target/authcore.jar start --foreground`"
            + " to the first `200` on `GET /hello` (polled every 5 ms); CPU: the server's user + system"
            + " time by then; phases: ms from the launch to the log line that ends each (config loaded,"
            + " storage open, signing keys made, HTTP server binding)\n\n");
    out.append(Report.table(table(r.summaries()), true));
    out.append("\n## Launches\n\n");
    List<List<String>> t = new ArrayList<>();
    t.add(List.of("backend", "variant", "start", "first /hello ms", "CPU ms", "phases", "load"));
    for (Launch l : r.launches()) {
      t.add(
          List.of(
              l.backend(),
              l.variant(),
              l.kind(),
              String.valueOf(l.helloMs()),
              String.valueOf(l.cpuMs()),
              l.phases().toString(),
              l.load()));
    }
    out.append(Report.table(t, true));
    return out.toString();
  }
}
