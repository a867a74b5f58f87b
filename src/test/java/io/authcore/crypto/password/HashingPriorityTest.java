package io.authcore.crypto.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reads each hashing thread's policy and nice value back from /proc, as the kernel sees them. */
class HashingPriorityTest {
  private static final int SCHED_OTHER = 0;
  private static final int SCHED_IDLE = 5;

  @Test
  void onLinuxAHashRunsIdleWhereItCanBeRaisedAndAtNice10Otherwise() {
    assumeTrue(Platform.isLinux());
    HashingPriority priority = HashingPriority.system();
    assertNotEquals(HashingPriority.Mode.NONE, priority.mode(), "JNA reaches libc on Linux");
    try (HashingPool pool = new HashingPool("prio", 1)) {
      int[] seen = pool.run(HashingPriorityTest::ownPolicyAndNice);
      int expectedPolicy = priority.mode() == HashingPriority.Mode.IDLE ? SCHED_IDLE : SCHED_OTHER;
      assertEquals(expectedPolicy, seen[0]);
      assertEquals(10, seen[1]);
    }
  }

  @Test
  void aHashStillRunningAfterTheDelayIsRaisedAndTheNextStartsIdleAgain() throws Exception {
    assumeTrue(Platform.isLinux());
    HashingPriority priority = HashingPriority.system();
    assumeTrue(priority.mode() == HashingPriority.Mode.IDLE, "raising needs CAP_SYS_NICE");
    try (HashingPool pool = new HashingPool("prio", 1, priority, Duration.ofMillis(50))) {
      CountDownLatch raised = new CountDownLatch(1);
      CompletableFuture<int[]> slow =
          CompletableFuture.supplyAsync(
              () ->
                  pool.run(
                      () -> {
                        int[] before = ownPolicyAndNice();
                        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        int[] now = before;
                        while (now[0] == SCHED_IDLE && System.nanoTime() < until) {
                          Thread.sleep(5);
                          now = ownPolicyAndNice();
                        }
                        raised.countDown();
                        return new int[] {before[0], now[0], now[1]};
                      }));
      int[] seen = slow.get(15, TimeUnit.SECONDS);
      assertEquals(0, raised.getCount());
      assertEquals(SCHED_IDLE, seen[0], "starts idle");
      assertEquals(SCHED_OTHER, seen[1], "raised by the waiting caller");
      assertEquals(10, seen[2], "raised to nice 10, not above");

      int[] next = pool.run(HashingPriorityTest::ownPolicyAndNice);
      assertEquals(SCHED_IDLE, next[0], "the next hash starts idle again");
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
