package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.Authcore;
import io.authcore.storage.KeyValueStore.KeyValue;
import io.authcore.storage.StorageException;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
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
  private static final String[] CDI = {"cdi-version", "5.4"};
  private static final String SESSION =
      "{\"userId\":\"u1\",\"userDataInJWT\":{},\"userDataInDatabase\":{},\"enableAntiCsrf\":false}";
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

  /**
   * Once the pool has failed to connect, requests fail at once instead of each waiting the pool's 5
   * s, and the first connection the pool makes again ends that. The bound asserted is the pool's
   * wait, not a speed: a request that waited for the pool would take 5 s.
   */
  @Test
  void duringAnOutageRequestsFailAtOnceAndTheFirstConnectionEndsIt() {
    Map<String, String> db = pg.createDatabase("failfast");
    try (Authcore core = Authcore.start(Databases.config(db, Map.of()))) {
      Http http = new Http(core.port());
      assertEquals(200, http.post("/recipe/session", SESSION, CDI).status());

      pg.stop();
      assertEquals(500, http.post("/recipe/session", SESSION, CDI).status(), "the outage is seen");
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        Reply reply = http.post("/recipe/session", SESSION, CDI);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, reply.status());
        assertEquals("Internal Error\n", reply.body());
        assertTrue(ms < 2000, "a request during a known outage took " + ms + " ms");
        long helloStart = System.nanoTime();
        assertEquals(500, Hello.status(core.port()));
        long helloMs = (System.nanoTime() - helloStart) / 1_000_000;
        assertTrue(helloMs < 2000, "/hello during a known outage took " + helloMs + " ms");
      }
      Reply live = http.get("/health/live");
      assertEquals(200, live.status(), "liveness does not depend on the database");
      assertEquals("Alive\n", live.body());

      pg.restart();
      long back = System.nanoTime();
      assertEquals(200, Hello.awaitStatus(core.port(), s -> s == 200, Duration.ofSeconds(60)));
      System.out.printf(
          "recovered %d ms after PostgreSQL was restarted%n",
          (System.nanoTime() - back) / 1_000_000);
      assertEquals(200, http.post("/recipe/session", SESSION, CDI).status());
    } finally {
      pg.restartIfStopped();
    }
  }

  /**
   * A request that waited for a connection from the pool of before the outage may fail once the
   * database is back and the pool replaced: that says nothing of the database now, and must not
   * start a second outage (bench/run ops outage saw /hello go back to 500 for a second so, when a
   * background job's 5 s wait on the old pool ended 0.4 s after the recovery).
   */
  @Test
  void aFailedWaitOnThePoolOfBeforeTheOutageDoesNotEndTheRecovery() {
    try (OutageGuard guard = guard("relapse", null)) {
      var before = guard.pool();
      pg.stop();
      guard.failed(new java.sql.SQLException("connection lost", "08006"));
      awaitDown(guard, true);
      pg.restart();
      awaitDown(guard, false);
      assertTrue(guard.pool() != before, "the recovery replaces the pool");

      java.sql.SQLException refused = new java.sql.SQLException("refused", "08001");
      guard.waitFailed(before, refused);
      assertFalse(guard.isDown(), "a stale pool's failed wait began a second outage");

      guard.waitFailed(guard.pool(), refused);
      assertTrue(guard.isDown(), "a failed wait on the pool in use is an outage");
    } finally {
      pg.restartIfStopped();
    }
  }

  /**
   * The request after the one whose statement lost its connection must not reach the pool before
   * the watcher has checked the database: the pool, finding its connections dead, would wait its 5
   * s for a new one (CI saw that when the check was slow). The check here takes 1 s.
   */
  @Test
  void theRequestAfterALostConnectionWaitsForTheCheckNotForThePool() {
    java.util.function.Supplier<java.sql.SQLException> slowRefusal =
        () -> {
          sleep(1000);
          return new java.sql.SQLException("refused", "08001");
        };
    try (OutageGuard guard = guard("verdict", slowRefusal)) {
      sleep(1500); // the pool filled, and past the 500 ms in which HikariCP hands out unchecked
      pg.stop();
      guard.failed(new java.sql.SQLException("I/O error", "08006"));
      long start = System.nanoTime();
      assertThrows(java.sql.SQLTransientConnectionException.class, guard::connect);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 2500, "the next connection took " + ms + " ms");
      assertTrue(guard.isDown(), "the check found the database gone");
    } finally {
      pg.restartIfStopped();
    }
  }

  /** A guard on a new database of {@code pg}; {@code probe} null for the real connection check. */
  private static OutageGuard guard(
      String database, java.util.function.Supplier<java.sql.SQLException> probe) {
    var config = Databases.config(pg.createDatabase(database), Map.of());
    return new OutageGuard(Pools.postgres(config, PostgresSettings.from(config)), probe);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitDown(OutageGuard guard, boolean down) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (guard.isDown() != down) {
      assertTrue(System.nanoTime() < deadline, "isDown never became " + down);
      pause();
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

  /** Reads once the storage has seen the database again (it checks every 250 ms). */
  private static Optional<KeyValue> awaitRead(JdbcStorage storage, String name) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return storage.keyValue().get(TenantId.BASE, name);
      } catch (StorageException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() {
    sleep(50);
  }
}
