package io.authcore.storage.jdbc;

import io.authcore.storage.StorageException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original's patience at startup: while PostgreSQL refuses connections or is still starting up,
 * try again every 10 seconds for up to an hour, then give up with its message. Any other failure
 * (wrong password, missing database, no rights) stops startup at once.
 */
final class StartupWait {
  static final String UNREACHABLE =
      "Error connecting to PostgreSQL instance. Please make sure that PostgreSQL is running and"
          + " that you have specified the correct values for ('postgresql_host' and"
          + " 'postgresql_port') or for 'postgresql_connection_uri'";

  private static final Logger log = LoggerFactory.getLogger(StartupWait.class);

  /** Waits between attempts; tests pass one that only advances their clock. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final Duration maxWait;
  private final Duration interval;
  private final Clock clock;
  private final Pause pause;

  StartupWait(Duration maxWait, Duration interval, Clock clock, Pause pause) {
    this.maxWait = maxWait;
    this.interval = interval;
    this.clock = clock;
    this.pause = pause;
  }

  static StartupWait standard() {
    return new StartupWait(
        Duration.ofHours(1),
        Duration.ofSeconds(10),
        Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for good, or the wait is over.
   *
   * @param secret masked out of every message (the database password), may be null
   */
  <T> T run(Supplier<T> attempt, String where, String secret) {
    long deadline = clock.millis() + maxWait.toMillis();
    boolean explained = false;
    while (true) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (!isUnreachable(e)) {
          throw new StorageException(
              mask(
                  "Could not start with the PostgreSQL database " + where + ": " + rootMessage(e),
                  secret),
              null);
        }
        if (clock.millis() >= deadline) {
          throw new StorageException(UNREACHABLE, null);
        }
        if (!explained) {
          explained = true;
          log.warn(UNREACHABLE);
        }
        double minutes = (deadline - clock.millis()) / 60_000.0;
        log.info(
            String.format(Locale.ROOT, "Trying again in a few seconds for %.1f mins...", minutes));
        try {
          pause.pause(interval);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new StorageException(UNREACHABLE, null);
        }
      }
    }
  }

  /** Refused connections and "the database system is starting up" (57P03) are worth waiting for. */
  static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && "57P03".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof SQLException && root.getMessage() != null) {
      return root.getMessage();
    }
    // For example "UnknownHostException: db.internal": the bare message would be just the host.
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  static String mask(String text, String secret) {
    return secret == null || secret.isEmpty() ? text : text.replace(secret, "********");
  }
}
