package io.authcore.crypto.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class HashingPoolTest {
  @Test
  void callersBeyondTheThreadCountWaitTheirTurnAndAllFinish() throws Exception {
    int threads = 2;
    int callers = 8;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    try (HashingPool pool = new HashingPool("test", threads)) {
      ExecutorService requests = Executors.newFixedThreadPool(callers);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          int n = i;
          results.add(
              requests.submit(
                  () ->
                      pool.run(
                          () -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                              release.await();
                            } finally {
                              running.decrementAndGet();
                            }
                            return n + "@" + Thread.currentThread().getName();
                          })));
        }
        // Two are hashing, six wait on admission; nothing runs beyond the pool's threads.
        awaitTrue(() -> running.get() == threads && pool.waiting() == callers - threads);
        assertEquals(threads, running.get());
        release.countDown();
        for (int i = 0; i < callers; i++) {
          String result = results.get(i).get(10, TimeUnit.SECONDS);
          assertTrue(result.startsWith(i + "@authcore-hash-test-"), result);
        }
      } finally {
        requests.shutdownNow();
      }
      assertEquals(threads, mostAtOnce.get());
      assertEquals(threads, pool.mostAtOnce());
      assertEquals(0, pool.waiting());
    }
  }

  @Test
  void aFailingTaskRethrowsItsExceptionAndFreesItsThread() {
    try (HashingPool pool = new HashingPool("test", 1)) {
      IllegalArgumentException boom = new IllegalArgumentException("boom");
      for (int i = 0; i < 3; i++) {
        IllegalArgumentException thrown =
            assertThrows(
                IllegalArgumentException.class,
                () ->
                    pool.run(
                        () -> {
                          throw boom;
                        }));
        assertSame(boom, thrown);
      }
      assertEquals("fine", pool.run(() -> "fine"));
    }
  }

  @Test
  void aClosedPoolRefusesWork() {
    HashingPool pool = new HashingPool("test", 1);
    pool.close();
    assertThrows(IllegalStateException.class, () -> pool.run(() -> "x"));
    assertThrows(IllegalArgumentException.class, () -> new HashingPool("test", 0));
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 10 s");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
