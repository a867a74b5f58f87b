package io.authcore.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.authcore.threads.Daemons;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, and what happens to it while the database is away.
 *
 * <p>Without this, every request during an outage waits the pool's 5 s for a connection that will
 * not come, and a probe on {@code /hello} times out too. So once an outage is seen (the pool could
 * not connect, or a statement lost its connection and a fresh connection attempt fails) every
 * request fails at once. A watcher thread then tries a connection of its own every {@link
 * #PROBE_PAUSE}; the first that succeeds ends the outage with a new pool. The old pool is dropped
 * because it has by then backed off to retrying every 5 s, which would delay recovery by as much.
 */
final class OutageGuard implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutageGuard.class);
  static final Duration PROBE_PAUSE = Duration.ofMillis(250);
  private static final Duration RETIRE_WAIT = Duration.ofSeconds(30);
  private static final int PROBE_TIMEOUT_SECONDS = 2;

  private final HikariConfig settings;
  private final Supplier<SQLException> probe;
  private final ExecutorService watcher;
  // The watcher's check after a statement lost its connection; null when none is under way.
  private final AtomicReference<CompletableFuture<Void>> check = new AtomicReference<>();
  private volatile HikariDataSource pool;
  private volatile SQLException outage; // what started it; null while the database answers
  private volatile boolean closed;

  /** Opens the pool; throws as HikariCP does when the database cannot be reached now. */
  OutageGuard(HikariConfig settings) {
    this(settings, null);
  }

  /** With {@code probe} in place of a connection attempt of the watcher's own (tests). */
  OutageGuard(HikariConfig settings, Supplier<SQLException> probe) {
    this.settings = settings;
    this.probe = probe != null ? probe : this::tryConnecting;
    this.pool = new HikariDataSource(settings);
    this.watcher = Executors.newSingleThreadExecutor(Daemons.named("authcore-db-watch"));
  }

  HikariDataSource pool() {
    return pool;
  }

  Connection connect() throws SQLException {
    awaitCheck();
    SQLException current = outage;
    if (current != null) {
      throw new SQLTransientConnectionException(
          "The database is unreachable; failing at once until it answers again",
          current.getSQLState(),
          current);
    }
    HikariDataSource asked = pool;
    try {
      return asked.getConnection();
    } catch (SQLTransientConnectionException e) {
      // It tried to connect and could not reach the server; "too many connections" or a wrong
      // password is no outage and must not stop the requests that do get a connection. A wait on
      // a pool the recovery has since replaced says nothing of the database now.
      if (e.getCause() instanceof SQLException cause) {
        waitFailed(asked, cause);
      }
      throw e;
    }
  }

  /** A wait for a connection from {@code asked} failed because of {@code cause}. */
  void waitFailed(HikariDataSource asked, SQLException cause) {
    if (lostConnection(cause)) {
      begin(cause, asked);
    }
  }

  /**
   * A statement failed. When it lost its connection, the others in the pool are likely gone too: a
   * connection attempt of the watcher's own tells whether the database is.
   */
  void failed(SQLException e) {
    if (outage != null || !lostConnection(e)) {
      return;
    }
    CompletableFuture<Void> verdict = new CompletableFuture<>();
    if (!check.compareAndSet(null, verdict)) {
      return; // a check is under way already
    }
    Runnable settle =
        () -> {
          check.set(null);
          verdict.complete(null);
        };
    boolean queued =
        submit(
            () -> {
              try {
                SQLException refused = probe.get();
                if (refused != null) {
                  begin(refused, pool);
                }
              } finally {
                settle.run();
              }
            });
    if (!queued) {
      settle.run();
    }
  }

  /**
   * While a lost connection is being checked, a request waits for the verdict (at most the check's
   * own timeout) rather than asking the pool, whose wait for a database that is gone is 5 s.
   */
  private void awaitCheck() {
    CompletableFuture<Void> pending = check.get();
    if (pending == null) {
      return;
    }
    try {
      pending.get(2L * PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // no verdict in time: ask the pool as before
    }
  }

  boolean isDown() {
    return outage != null;
  }

  /** Connection exceptions (class 08) and the server shutting down or starting (57P01-57P03). */
  static boolean lostConnection(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  private synchronized void begin(SQLException cause, HikariDataSource failed) {
    if (outage != null || closed || failed != pool) {
      return;
    }
    outage = cause;
    log.warn(
        "The database does not answer ({}): requests fail at once until it does",
        cause.getMessage());
    submit(this::awaitRecovery);
  }

  private void awaitRecovery() {
    while (!closed) {
      if (probe.get() == null && replacePool()) {
        log.info("The database answers again");
        return;
      }
      try {
        Thread.sleep(PROBE_PAUSE.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  // The old pool has backed off to retrying every 5 s; a new one connects at once. The old one is
  // closed once the requests still holding its connections are done with them (at most 30 s).
  private boolean replacePool() {
    HikariDataSource fresh;
    try {
      fresh = new HikariDataSource(settings);
    } catch (RuntimeException e) {
      log.debug("The database answered, but a new pool could not start", e);
      return false;
    }
    HikariDataSource stale;
    synchronized (this) {
      if (closed) {
        fresh.close();
        return true;
      }
      stale = pool;
      pool = fresh;
      outage = null;
    }
    long until = System.nanoTime() + RETIRE_WAIT.toNanos();
    while (stale.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(PROBE_PAUSE.toMillis());
      } catch (InterruptedException e) {
        break;
      }
    }
    stale.close();
    return true;
  }

  /** Null when a new connection works; otherwise why it does not. */
  private SQLException tryConnecting() {
    Properties properties = new Properties();
    properties.putAll(settings.getDataSourceProperties());
    if (settings.getUsername() != null) {
      properties.setProperty("user", settings.getUsername());
    }
    if (settings.getPassword() != null) {
      properties.setProperty("password", settings.getPassword());
    }
    properties.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
    properties.setProperty("socketTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
    try (Connection c = DriverManager.getConnection(settings.getJdbcUrl(), properties)) {
      return c.isValid(PROBE_TIMEOUT_SECONDS) ? null : new SQLException("not valid", "08000");
    } catch (SQLException e) {
      return e;
    }
  }

  private boolean submit(Runnable task) {
    try {
      watcher.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false; // closing
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    watcher.shutdownNow();
    pool.close();
  }
}
