package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run ops}: operational figures the README states (issue 23), each from
 * target/authcore.jar started as the launcher starts it: how soon requests succeed again after a
 * PostgreSQL outage ({@link Outage}), what a flood of idle sockets leaves of the server's
 * descriptors ({@link IdleSockets}), and the peak resident memory of the costliest sign-in ({@link
 * PeakMemory}). Each writes a section of one result file.
 */
final class Ops implements Machine.Log {
  static final List<String> OPTIONS =
      List.of(
          "repo",
          "jar",
          "label",
          "scenarios",
          "runs",
          "outage-ms",
          "pg-bin",
          "idle-runs",
          "server-fd-limit",
          "idle-timeout-ms",
          "memory-variants",
          "argon2-parallelism");

  static final List<String> SCENARIOS = List.of("outage", "idle-sockets", "peak-memory");

  /**
   * One scenario's findings: what was done ({@code setup}, markdown), a table (first row the
   * header), and everything measured for the JSON.
   */
  record Section(String scenario, String setup, List<List<String>> table, Object data) {}

  record Result(
      String name,
      String startedAt,
      String java,
      int cores,
      String loadAtStart,
      List<String> serverFlags,
      List<Section> sections) {}

  final Options o;
  final Path repo;
  final Path jar;
  final Path raw;
  final List<String> flags;
  private final RunFiles files;
  private final String name;

  Ops(Options o) throws IOException {
    this.o = o;
    this.repo = Path.of(o.string("repo", ".")).toAbsolutePath().normalize();
    this.jar = repo.resolve(o.string("jar", "target/authcore.jar"));
    this.files = RunFiles.create(repo, o.string("label", "ops"));
    this.name = files.name();
    this.raw = files.raw();
    this.flags = ServerFlags.read(repo, this);
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
    List<String> scenarios = o.list("scenarios", SCENARIOS);
    for (String s : scenarios) {
      if (!SCENARIOS.contains(s)) {
        line("unknown scenario " + s + "; one of " + SCENARIOS);
        return 2;
      }
    }
    String startedAt = OffsetDateTime.now().toString();
    String load = Machine.loadAverage();
    line("authcore ops " + name + " (load " + load + "); server flags " + String.join(" ", flags));
    List<Section> sections = new ArrayList<>();
    for (String s : scenarios) {
      line("== " + s);
      Section section =
          switch (s) {
            case "outage" -> new Outage(this).run();
            case "idle-sockets" -> new IdleSockets(this).run();
            default -> new PeakMemory(this).run();
          };
      line(Report.table(section.table(), false));
      sections.add(section);
    }
    Result result =
        new Result(
            name,
            startedAt,
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            Machine.cores(),
            load,
            flags,
            sections);
    line(files.write(result, markdown(result)));
    return 0;
  }

  /** The environment of a server: no database settings or JVM options from the harness's own. */
  static Map<String, String> cleanEnvironment(String postgresUri) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("POSTGRESQL_CONNECTION_URI", postgresUri);
    env.put("POSTGRESQL_USER", null);
    env.put("JAVA_OPTS", null);
    return env;
  }

  /** Polls {@code /hello} until it answers 200; false after {@code timeoutMs}. */
  static boolean awaitHello(int port, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (Probe.hello(port, 2000).status() == 200) {
        return true;
      }
      Child.sleep(20);
    }
    return false;
  }

  static String markdown(Result r) {
    StringBuilder out = new StringBuilder();
    out.append("# Operational run ").append(r.name()).append("\n\n");
    out.append("- started ")
        .append(r.startedAt())
        .append(", ")
        .append(r.cores())
        .append(" cores, load ")
        .append(r.loadAtStart())
        .append(", ")
        .append(r.java())
        .append('\n');
    out.append(
            "- server: `java <flags> -jar target/authcore.jar start --foreground` as the launcher"
                + " starts it, flags `")
        .append(String.join(" ", r.serverFlags()))
        .append("` (more where a section says so)\n");
    for (Section s : r.sections()) {
      out.append("\n## ").append(s.scenario()).append("\n\n");
      out.append(s.setup()).append("\n\n");
      out.append(Report.table(s.table(), true));
    }
    return out.toString();
  }
}
