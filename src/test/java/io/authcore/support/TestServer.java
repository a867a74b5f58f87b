package io.authcore.support;

import io.authcore.Authcore;
import io.authcore.config.ConfigLoader;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The whole server on a free port, with config overrides, and a client pointed at it. */
public final class TestServer implements AutoCloseable {
  private final Authcore core;
  private final Http http;
  private final Map<String, String> database;

  private TestServer(Authcore core, Map<String, String> database) {
    this.core = core;
    this.http = new Http(core.port());
    this.database = database;
  }

  public static TestServer start(Map<String, String> overrides) {
    return start(Backend.H2, overrides, Clock.systemUTC());
  }

  /** A server on a fresh database of {@code backend}. */
  public static TestServer start(Backend backend, Map<String, String> overrides, Clock clock) {
    return start(backend, overrides, clock, false);
  }

  /** As above; {@code testMode} as the {@code test_mode} start argument. */
  public static TestServer start(
      Backend backend, Map<String, String> overrides, Clock clock, boolean testMode) {
    return start(backend, overrides, clock, testMode, Map.of());
  }

  /** As above, with environment variables the server reads besides its config. */
  public static TestServer start(
      Backend backend,
      Map<String, String> overrides,
      Clock clock,
      boolean testMode,
      Map<String, String> env) {
    return onDatabase(TestDatabases.fresh(backend), overrides, clock, testMode, env);
  }

  /** A server on an existing database (for several servers sharing one PostgreSQL database). */
  public static TestServer onDatabase(
      Map<String, String> database, Map<String, String> overrides, Clock clock) {
    return onDatabase(database, overrides, clock, false, Map.of());
  }

  /** As above, with environment variables the server reads besides its config. */
  public static TestServer onDatabase(
      Map<String, String> database,
      Map<String, String> overrides,
      Clock clock,
      boolean testMode,
      Map<String, String> env) {
    Map<String, String> all = new HashMap<>(database);
    all.putAll(overrides);
    all.putIfAbsent("port", "0");
    all.putIfAbsent("host", "localhost");
    return new TestServer(
        Authcore.start(ConfigLoader.load(null, Map.of(), all, testMode), clock, env), database);
  }

  public Http http() {
    return http;
  }

  public int port() {
    return core.port();
  }

  /** How many stored passwords the server checked since it started. */
  public long passwordVerifications() {
    return core.passwordVerifications();
  }

  /** The metrics-only listener's port ({@code metrics_port}), or -1. */
  public int metricsPort() {
    return core.metricsPort();
  }

  /** The overrides that name this server's database (empty for H2). */
  public Map<String, String> database() {
    return database;
  }

  @Override
  public void close() {
    core.close();
  }
}
