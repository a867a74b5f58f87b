package io.authcore.crypto.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Reads each thread's policy and nice value back from /proc, as the kernel sees them: a lone hash
 * at nice 0, request threads at 5, the hashes of a flood idle (or at 15).
 */
class HashingPriorityTest {
  private static final int SCHED_OTHER = 0;
  private static final int SCHED_IDLE = 5;

  @Test
  void aLoneHashRunsAtTheDefaultPriorityAboveRequestThreads() throws Exception {
    assumeTrue(Platform.isLinux());
    assertNotEquals(HashingPriority.Mode.NONE, HashingPriority.system().mode(), "JNA on Linux");
    try (HashingPool pool = new HashingPool("prio", 1)) {
      // Asked for by a request thread, which has lowered itself: the hash runs above it.
      int[] seen =
          onThreadOfItsOwn(
              () -> {
                HashingPriority.system().lowerSessionThread();
                return pool.run(HashingPriorityTest::ownPolicyAndNice);
              });
      assertEquals(SCHED_OTHER, seen[0]);
      assertEquals(0, seen[1]);
    }
    int[] request =
        onThreadOfItsOwn(
            () -> {
              HashingPriority.system().lowerSessionThread();
              return ownPolicyAndNice();
            });
    assertEquals(SCHED_OTHER, request[0]);
    assertEquals(HashingPriority.SESSION_NICE, request[1]);
  }

  @Test
  void pastItsShareOfTheMachineALoneHashRunsInTheBackground() throws Exception {
    assumeTrue(Platform.isLinux());
    EagerBudget spent = EagerBudget.forThisMachine();
    spent.spend(3600_000_000_000L);
    try (HashingPool pool = new HashingPool("prio", 1, new HashingBacklog(), spent)) {
      assertInTheBackground(pool.run(HashingPriorityTest::ownPolicyAndNice));
    }
  }

  @Test
  void inAFloodHashesRunIdleWhereTheyCanAndAtNice15Otherwise() throws Exception {
    assumeTrue(Platform.isLinux());
    try (HashingPool pool = new HashingPool("prio", 1)) {
      assertInTheBackground(duringAFlood(pool, HashingPriorityTest::ownPolicyAndNice));
    }
  }

  @Test
  void aFloodHashStillRunningAfterTheDelayIsRaisedAndTheNextStartsIdleAgain() throws Exception {
    assumeTrue(Platform.isLinux());
    HashingPriority priority = HashingPriority.system();
    assumeTrue(priority.mode() == HashingPriority.Mode.IDLE, "raising needs CAP_SYS_NICE");
    try (HashingPool pool = new HashingPool("prio", 1, priority, Duration.ofMillis(50))) {
      int[] seen =
          duringAFlood(
              pool,
              () -> {
                int[] before = ownPolicyAndNice();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                int[] now = before;
                while (now[0] == SCHED_IDLE && System.nanoTime() < until) {
                  Thread.sleep(5);
                  now = ownPolicyAndNice();
                }
                return new int[] {before[0], now[0], now[1]};
              });
      assertEquals(SCHED_IDLE, seen[0], "starts idle");
      assertEquals(SCHED_OTHER, seen[1], "raised by the waiting caller");
      assertEquals(HashingPriority.BACKGROUND_NICE, seen[2], "raised to nice 15, not above");

      int[] next = duringAFlood(pool, HashingPriorityTest::ownPolicyAndNice);
      assertEquals(SCHED_IDLE, next[0], "the next flood hash starts idle again");
    }
  }

  /** Idle where this process may raise a thread out of it again, at nice 15 otherwise. */
  private static void assertInTheBackground(int[] policyAndNice) {
    boolean idle = HashingPriority.system().mode() == HashingPriority.Mode.IDLE;
    assertEquals(idle ? SCHED_IDLE : SCHED_OTHER, policyAndNice[0]);
    assertEquals(HashingPriority.BACKGROUND_NICE, policyAndNice[1]);
  }

  /**
   * Runs {@code work} as the second of three callers of a one-thread pool: it is let in while the
   * third still waits, which is what a flood looks like to the pool.
   */
  private static int[] duringAFlood(HashingPool pool, Callable<int[]> work) throws Exception {
    CountDownLatch firstRuns = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                pool.run(
                    () -> {
                      firstRuns.countDown();
                      releaseFirst.await(10, TimeUnit.SECONDS);
                      return null;
                    }));
    firstRuns.await(10, TimeUnit.SECONDS);
    CompletableFuture<int[]> second = CompletableFuture.supplyAsync(() -> pool.run(work));
    awaitTrue(() -> pool.waiting() == 1);
    CompletableFuture<Void> third = CompletableFuture.runAsync(() -> pool.run(() -> null));
    awaitTrue(() -> pool.waiting() == 2);
    releaseFirst.countDown();
    int[] seen = second.get(15, TimeUnit.SECONDS);
    first.get(10, TimeUnit.SECONDS);
    third.get(10, TimeUnit.SECONDS);
    return seen;
  }

  private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.get()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("the flood never formed");
      }
      Thread.sleep(2);
    }
  }

  // A thread that lowers itself stays lowered: not one of a shared pool other tests run on.
  private static int[] onThreadOfItsOwn(Callable<int[]> work) throws Exception {
    ExecutorService own = Executors.newSingleThreadExecutor();
    try {
      return own.submit(work).get(10, TimeUnit.SECONDS);
    } finally {
      own.shutdownNow();
    }
  }

  // Fields 19 (nice) and 41 (policy) of /proc/thread-self/stat; the name in field 2 may hold
  // spaces, so counting starts after its closing parenthesis.
  private static int[] ownPolicyAndNice() throws Exception {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return new int[] {Integer.parseInt(fields[41 - 3]), Integer.parseInt(fields[19 - 3])};
  }
}
