package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCombinerTest {
  private final AtomicInteger ones = new AtomicInteger();
  private final List<List<Integer>> batches = new ArrayList<>();

  // Odd keys exist (their value is the key times ten), even ones do not.
  private Integer one(Integer key) {
    ones.incrementAndGet();
    pause();
    return key % 2 == 1 ? key * 10 : null;
  }

  private Map<Integer, Integer> many(List<Integer> keys) {
    synchronized (batches) {
      batches.add(List.copyOf(keys));
    }
    pause();
    Map<Integer, Integer> found = new HashMap<>();
    keys.stream().filter(k -> k % 2 == 1).forEach(k -> found.put(k, k * 10));
    return found;
  }

  private static void pause() {
    try {
      Thread.sleep(20); // a round trip long enough for the other callers to queue up
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aCallerAloneReadsItsOneKey() {
    ReadCombiner<Integer, Integer> reads = new ReadCombiner<>(this::one, this::many, 8);
    assertEquals(30, reads.read(3));
    assertNull(reads.read(4));
    assertEquals(2, ones.get());
    assertTrue(batches.isEmpty());
  }

  @Test
  void callersThatArriveTogetherShareStatementsAndEachGetsItsOwnAnswer() throws Exception {
    ReadCombiner<Integer, Integer> reads = new ReadCombiner<>(this::one, this::many, 8);
    int callers = 40;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      int key = i;
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return reads.read(key);
              }));
    }
    go.countDown();
    for (int i = 0; i < callers; i++) {
      Integer answer = answers.get(i).get(10, TimeUnit.SECONDS);
      assertEquals(i % 2 == 1 ? Integer.valueOf(i * 10) : null, answer, "key " + i);
    }
    pool.shutdown();
    int statements = ones.get() + batches.size();
    assertTrue(statements < callers / 2, statements + " statements for " + callers + " reads");
    assertTrue(batches.stream().allMatch(b -> b.size() <= 8), "no batch past its limit");
    int keysRead = ones.get() + batches.stream().mapToInt(List::size).sum();
    assertEquals(callers, keysRead, "each key read once");
  }

  @Test
  void aFailedStatementFailsEveryCallerInItAndTheNextReadWorks() throws Exception {
    IllegalStateException down = new IllegalStateException("database down");
    AtomicInteger calls = new AtomicInteger();
    ReadCombiner<Integer, Integer> reads =
        new ReadCombiner<>(
            k -> {
              if (calls.incrementAndGet() == 1) {
                pause();
              }
              throw down;
            },
            keys -> {
              throw down;
            },
            8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int key = i;
      answers.add(pool.submit(() -> reads.read(key)));
    }
    for (Future<Integer> answer : answers) {
      Exception e = assertThrows(Exception.class, () -> answer.get(10, TimeUnit.SECONDS));
      assertSame(down, e.getCause());
    }
    pool.shutdown();

    ReadCombiner<Integer, Integer> healthy = new ReadCombiner<>(this::one, this::many, 8);
    assertEquals(10, healthy.read(1));
  }
}
