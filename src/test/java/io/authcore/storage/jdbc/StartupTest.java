package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.authcore.config.ConfigException;
import io.authcore.storage.StorageException;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Starting against a database that is not there or refuses us: clear messages, no password. */
class StartupTest {
  private static final String PASSWORD = "Pw-9f3k2-secret";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  private static StartupWait noPatience() {
    return new StartupWait(Duration.ZERO, Duration.ofSeconds(10), Clock.systemUTC(), d -> {});
  }

  private void assertPasswordNeverShown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
    }
    for (ILoggingEvent event : logs.list) {
      assertFalse(event.getFormattedMessage().contains(PASSWORD), event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        assertFalse(event.getThrowableProxy().getMessage().contains(PASSWORD));
      }
    }
  }

  @Test
  void anUnreachableServerEndsWithTheOriginalsMessage() {
    Map<String, String> db =
        Map.of(
            "postgresql_connection_uri",
            "postgresql://app:" + PASSWORD + "@localhost:" + Databases.freePort() + "/supertokens");
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                JdbcStorage.open(Databases.config(db, Map.of()), noPatience(), Clock.systemUTC()));
    assertEquals(StartupWait.UNREACHABLE, e.getMessage());
    assertPasswordNeverShown(e);
  }

  @Test
  void aMissingDatabaseStopsStartupAtOnce() {
    Map<String, String> db = new HashMap<>(TestDatabases.fresh(Backend.POSTGRES));
    String uri = db.get("postgresql_connection_uri");
    db.put(
        "postgresql_connection_uri",
        uri.replace("postgresql://postgres@", "postgresql://postgres:" + PASSWORD + "@")
            .replaceAll("/[^/]+$", "/no_such_database"));
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                JdbcStorage.open(
                    Databases.config(db, Map.of()),
                    new StartupWait(
                        Duration.ofHours(1),
                        Duration.ofSeconds(10),
                        Clock.systemUTC(),
                        d -> {
                          throw new AssertionError("waited for a database that does not exist");
                        }),
                    Clock.systemUTC()));
    assertTrue(e.getMessage().contains("no_such_database"), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertPasswordNeverShown(e);
  }

  @Test
  void aPasswordWithoutAUserIsRefusedAsTheOriginalDoes() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                JdbcStorage.open(
                    Databases.config(Map.of("postgresql_password", PASSWORD), Map.of())));
    assertEquals(
        "'postgresql_user' and 'postgresql_connection_uri' are not set. Please set at least one of"
            + " these values",
        e.getMessage());
  }

  @Test
  void moreIdleConnectionsThanThePoolIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                JdbcStorage.open(
                    Databases.config(
                        TestDatabases.fresh(Backend.POSTGRES),
                        Map.of(
                            "postgresql_connection_pool_size", "2",
                            "postgresql_minimum_idle_connections", "3"))));
    assertEquals(
        "'postgresql_minimum_idle_connections' must be less than or equal to"
            + " 'postgresql_connection_pool_size'",
        e.getMessage());
  }
}
