package io.authcore.storage.jdbc;

import io.authcore.support.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private embedded PostgreSQL that can be stopped and started again on the same port and data,
 * for tests of a database that goes away. The shared one in {@code TestDatabases} must never stop.
 */
final class StoppablePostgres implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres running;

  private StoppablePostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  static StoppablePostgres start() {
    try {
      StoppablePostgres pg =
          new StoppablePostgres(Files.createTempDirectory("authcore-pg-"), Databases.freePort());
      pg.restart();
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Config overrides for a new database on this server. */
  Map<String, String> createDatabase(String name) {
    Map<String, String> admin = Map.of("postgresql_connection_uri", uri("postgres"));
    TestDatabases.execute(admin, "CREATE DATABASE " + name);
    return Map.of("postgresql_connection_uri", uri(name));
  }

  String uri(String database) {
    return "postgresql://postgres@localhost:" + port + "/" + database;
  }

  int port() {
    return port;
  }

  /** A fast shutdown: open connections are terminated. */
  synchronized void stop() {
    try {
      running.close();
      running = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void restart() {
    try {
      running =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void restartIfStopped() {
    if (running == null) {
      restart();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (running != null) {
      stop();
    }
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
