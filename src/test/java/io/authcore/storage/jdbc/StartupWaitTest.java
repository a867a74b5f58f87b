package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.storage.StorageException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupWaitTest {

  /** A clock that only moves when the wait pauses. */
  private static final class PausedClock extends Clock {
    private long millis;

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final PausedClock clock = new PausedClock();
  private final AtomicInteger pauses = new AtomicInteger();
  private final StartupWait wait =
      new StartupWait(
          Duration.ofSeconds(60),
          Duration.ofSeconds(10),
          clock,
          d -> {
            pauses.incrementAndGet();
            clock.millis += d.toMillis();
          });

  private static RuntimeException refused() {
    return new RuntimeException(
        "Failed to initialize pool",
        new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException()));
  }

  @Test
  void givesUpWithTheOriginalsMessageWhenTheDatabaseNeverAnswers() {
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                wait.run(
                    () -> {
                      throw refused();
                    },
                    "db",
                    null));
    assertEquals(StartupWait.UNREACHABLE, e.getMessage());
    assertEquals(6, pauses.get());
  }

  @Test
  void keepsTryingWhileTheDatabaseIsStartingUp() {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        wait.run(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new RuntimeException(
                    new SQLException("the database system is starting up", "57P03"));
              }
              return "connected";
            },
            "db",
            null);
    assertEquals("connected", result);
    assertEquals(2, pauses.get());
  }

  @Test
  void otherFailuresStopAtOnceWithoutThePassword() {
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                wait.run(
                    () -> {
                      throw new RuntimeException(
                          new SQLException(
                              "FATAL: password authentication failed (tried s3cr3t-pw)", "28P01"));
                    },
                    "app@db:5432/supertokens",
                    "s3cr3t-pw"));
    assertEquals(0, pauses.get());
    assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
    assertTrue(e.getMessage().contains("app@db:5432/supertokens"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t-pw"), e.getMessage());
  }
}
