package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of this run's own, in a temporary directory (initdb, trust on 127.0.0.1), on
 * a free port: the outage run stops and starts it, which it must never do to the machine's shared
 * cluster. Removed again at the end. The server runs as user postgres (it refuses root).
 */
final class OwnPostgres implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final Path data;
  final int port;
  private final Machine.Log log;

  private OwnPostgres(Path bin, Path dir, int port, Machine.Log log) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.log = log;
  }

  /** The newest /usr/lib/postgresql/N/bin, unless {@code configured}. */
  static Path binaries(String configured) throws IOException {
    if (!configured.isEmpty()) {
      return Path.of(configured);
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin"))
          .orElseThrow(() -> new IOException("no PostgreSQL under /usr/lib/postgresql"));
    }
  }

  static OwnPostgres create(Path bin, Machine.Log log) throws IOException {
    Path dir = Files.createTempDirectory("authcore-bench-pg");
    OwnPostgres pg = new OwnPostgres(bin, dir, AuthcoreServer.freePort(), log);
    asRoot(List.of("chown", "postgres:postgres", dir.toString()));
    pg.asPostgres(
        "initdb",
        "-D",
        pg.data.toString(),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-sync");
    log.line("own PostgreSQL cluster in " + dir + " on port " + pg.port + " (" + bin + ")");
    return pg;
  }

  /** Starts the postmaster; with {@code wait}, returns once it accepts connections. */
  void start(boolean wait) throws IOException {
    asPostgres(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
        wait ? "-w" : "-W",
        "start");
  }

  /**
   * {@code pg_ctl stop -m fast}: clients are disconnected at once, as in a failover or a restart.
   */
  void stopFast() throws IOException {
    asPostgres("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
  }

  /** Whether a new connection is accepted now (not refused, not "starting up"). */
  boolean accepts() {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", "postgres");
    p.setProperty("connectTimeout", "1");
    try (Connection c = DriverManager.getConnection(jdbcUrl(), p)) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The URI Authcore reads from POSTGRESQL_CONNECTION_URI (trust: any password does). */
  String connectionUri() {
    return "postgresql://postgres:postgres@127.0.0.1:" + port + "/postgres";
  }

  private void asPostgres(String program, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of("runuser", "-u", "postgres", "--", bin.resolve(program).toString()));
    cmd.addAll(List.of(args));
    asRoot(cmd);
  }

  private static void asRoot(List<String> cmd) throws IOException {
    Child.Result r = Child.exec(cmd, 120);
    if (r.exit() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + r.output().strip());
    }
  }

  /** Stops the cluster (immediately) if it runs, and removes its directory. */
  @Override
  public void close() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        asPostgres("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
      }
    } catch (IOException e) {
      log.line("could not stop the own PostgreSQL: " + e.getMessage());
    }
    try {
      asRoot(List.of("rm", "-rf", dir.toString()));
    } catch (IOException e) {
      log.line("could not remove " + dir + ": " + e.getMessage());
    }
  }
}
