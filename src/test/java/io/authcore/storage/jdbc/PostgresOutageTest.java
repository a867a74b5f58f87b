package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.Authcore;
import io.authcore.storage.KeyValueStore.KeyValue;
import io.authcore.storage.StorageException;
import io.authcore.tenancy.TenantId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgreSQL going away under a running server, and not being there yet at startup. */
class PostgresOutageTest {
  private static StoppablePostgres pg;

  @BeforeAll
  static void startPostgres() {
    pg = StoppablePostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    pg.close();
  }

  @Test
  void helloAnswers500WhileTheDatabaseIsDownAndRecoversWithoutARestart() {
    Map<String, String> db = pg.createDatabase("outage");
    try (Authcore core = Authcore.start(Databases.config(db, Map.of()))) {
      assertEquals(200, Hello.status(core.port()));

      pg.stop();
      assertEquals(500, Hello.awaitStatus(core.port(), s -> s == 500, Duration.ofSeconds(30)));

      pg.restart();
      assertEquals(200, Hello.awaitStatus(core.port(), s -> s == 200, Duration.ofSeconds(60)));
    } finally {
      pg.restartIfStopped();
    }
  }

  @Test
  void aUnitOfWorkCutOffByTheOutageLeavesNothingBehind() {
    Map<String, String> db = pg.createDatabase("partial");
    try (JdbcStorage storage = JdbcStorage.open(Databases.config(db, Map.of()))) {
      assertThrows(
          StorageException.class,
          () ->
              storage.runInTransaction(
                  tx -> {
                    tx.keyValue().set(TenantId.BASE, "before-outage", new KeyValue("a", 1));
                    pg.stop();
                    tx.keyValue().set(TenantId.BASE, "after-outage", new KeyValue("b", 1));
                  }));
      assertThrows(StorageException.class, storage::ping);

      pg.restart();
      assertEquals(Optional.empty(), awaitRead(storage, "before-outage"));
      assertEquals(Optional.empty(), storage.keyValue().get(TenantId.BASE, "after-outage"));
    } finally {
      pg.restartIfStopped();
    }
  }

  @Test
  void startupWaitsForADatabaseThatIsNotUpYet() throws Exception {
    Map<String, String> db = pg.createDatabase("late");
    pg.stop();
    CountDownLatch refused = new CountDownLatch(1);
    StartupWait patient =
        new StartupWait(
            Duration.ofMinutes(2),
            Duration.ofMillis(200),
            Clock.systemUTC(),
            d -> {
              refused.countDown();
              Thread.sleep(d.toMillis());
            });
    CompletableFuture<JdbcStorage> opening =
        CompletableFuture.supplyAsync(
            () -> JdbcStorage.open(Databases.config(db, Map.of()), patient, Clock.systemUTC()));
    try {
      assertTrue(refused.await(30, TimeUnit.SECONDS), "no attempt was refused");
      assertFalse(opening.isDone(), "opened although the database is down");
      pg.restart();
      try (JdbcStorage storage = opening.get(60, TimeUnit.SECONDS)) {
        storage.ping();
      }
    } finally {
      pg.restartIfStopped();
    }
  }

  /** The first read after the restart may still meet the pool's dead connections. */
  private static Optional<KeyValue> awaitRead(JdbcStorage storage, String name) {
    StorageException last = null;
    for (int i = 0; i < 20; i++) {
      try {
        return storage.keyValue().get(TenantId.BASE, name);
      } catch (StorageException e) {
        last = e;
      }
    }
    throw last;
  }
}
