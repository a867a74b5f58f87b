package io.authcore.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The machine's PostgreSQL cluster: started if it is not running (and stopped again at the end if
 * this harness started it and nobody else is connected), with a fresh database per use.
 */
final class Postgres {
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String cluster;
  private boolean startedHere;

  Postgres(Options options) {
    this.host = options.string("pg-host", "127.0.0.1");
    this.port = options.integer("pg-port", 5432);
    this.user = options.string("pg-user", "postgres");
    this.password = options.string("pg-password", "postgres");
    this.cluster = options.string("pg-cluster", "15 main");
  }

  /** Makes sure the cluster answers and the user's password works. */
  void ensureRunning(Machine.Log log) throws IOException {
    if (!listening()) {
      log.line("starting PostgreSQL: pg_ctlcluster " + cluster + " start");
      List<String> cmd = new ArrayList<>(List.of("pg_ctlcluster"));
      cmd.addAll(List.of(cluster.split(" ")));
      cmd.add("start");
      Child.Result r = Child.exec(cmd, 60);
      if (r.exit() != 0) {
        throw new IOException("pg_ctlcluster failed: " + r.output().strip());
      }
      startedHere = true;
      long deadline = System.currentTimeMillis() + 30_000;
      while (!listening() && System.currentTimeMillis() < deadline) {
        Child.sleep(200);
      }
    }
    try {
      connect("postgres").close();
      return;
    } catch (SQLException e) {
      if (!"28P01".equals(e.getSQLState()) && !String.valueOf(e.getMessage()).contains("auth")) {
        throw new IOException("cannot connect to PostgreSQL: " + e.getMessage(), e);
      }
    }
    log.line("setting the password of PostgreSQL user " + user + " (as toolchain-probe.md §7)");
    Child.Result r =
        Child.exec(
            List.of(
                "su",
                "postgres",
                "-c",
                "psql -q -c \"ALTER USER " + user + " PASSWORD '" + password + "';\""),
            30);
    if (r.exit() != 0) {
      throw new IOException("could not set the password: " + r.output().strip());
    }
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, password);
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** The URI Authcore reads from POSTGRESQL_CONNECTION_URI. */
  String connectionUri(String database) {
    return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + database;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  void createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
  }

  /**
   * Ends PostgreSQL's current checkpoint cycle now, so that the next timed one (checkpoint_timeout,
   * 5 min by default) cannot start inside the measurement that follows. One that does makes every
   * page's first change after it write a full-page image to the WAL. In a full run, the checkpoint
   * that dropping the jdbc ceiling's database forces was followed 5 minutes later by a timed one
   * that started just before PostgreSQL create, and PostgreSQL spent 40 % more CPU per session.
   */
  void checkpoint() throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    }
  }

  void dropDatabase(String name) {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // best effort; a leftover bench database is named for its run
    }
  }

  /** Stops the cluster if this harness started it and no other client is connected to it. */
  void stopIfStartedHere(Machine.Log log) {
    if (!startedHere) {
      return;
    }
    try (Connection c = connect("postgres");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                    + " AND pid <> pg_backend_pid()")) {
      rs.next();
      if (rs.getInt(1) > 0) {
        log.line("leaving PostgreSQL running: other clients are connected");
        return;
      }
    } catch (SQLException e) {
      return;
    }
    try {
      List<String> cmd = new ArrayList<>(List.of("pg_ctlcluster"));
      cmd.addAll(List.of(cluster.split(" ")));
      cmd.add("stop");
      Child.exec(cmd, 60);
      log.line("stopped PostgreSQL (this run started it)");
    } catch (IOException e) {
      log.line("could not stop PostgreSQL: " + e.getMessage());
    }
  }

  /**
   * PostgreSQL's processes that serve {@code db}, and its own workers: they share the cores with
   * the server, so their CPU is part of what a PostgreSQL figure costs.
   */
  static Predicate<Long> processesOf(String db) {
    return pid -> {
      String c = Machine.commandLine(pid) + " ";
      if (!c.startsWith("postgres: ")) {
        return false;
      }
      return c.contains(" " + db + " ")
          || c.matches(
              "postgres: \\S+: (checkpointer|background writer|walwriter|autovacuum.*|logical"
                  + " replication.*|stats.*).*");
    };
  }
}
