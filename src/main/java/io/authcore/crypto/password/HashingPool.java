package io.authcore.crypto.password;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads that do nothing but hash, so that however many sign-ins arrive, at most
 * {@code threads} hashes burn CPU (and, for argon2, memory) at once, and the request threads that
 * serve sessions keep the rest of the machine.
 *
 * <p>Callers block until their result is ready. Admission is a fair semaphore with one permit per
 * thread, so nothing ever piles up inside the pool: a caller that finds every thread busy waits, in
 * arrival order, on the semaphore. The number of waiting callers is thus bounded by the number of
 * request threads, not by this pool; a caller interrupted while waiting gets an {@link
 * IllegalStateException} (its hash, if already started, still runs to completion).
 *
 * <p>Each hash starts at the lowest priority the system allows ({@link HashingPriority}); a caller
 * still waiting after {@code raiseAfter} raises the pool's threads so that its hash finishes even
 * when session calls fill every core.
 */
final class HashingPool implements AutoCloseable {
  static final Duration RAISE_AFTER = Duration.ofSeconds(1);

  private final int threads;
  private final Semaphore admission;
  private final ThreadPoolExecutor executor;
  private final HashingPriority priority;
  private final Duration raiseAfter;
  private final HashingBacklog backlog;
  private final Map<Thread, Integer> tids = new ConcurrentHashMap<>();

  HashingPool(String name, int threads) {
    this(name, threads, new HashingBacklog());
  }

  /** Times each hash into {@code backlog}, which several pools may share. */
  HashingPool(String name, int threads, HashingBacklog backlog) {
    this(name, threads, HashingPriority.system(), RAISE_AFTER, backlog);
  }

  HashingPool(String name, int threads, HashingPriority priority, Duration raiseAfter) {
    this(name, threads, priority, raiseAfter, new HashingBacklog());
  }

  private HashingPool(
      String name,
      int threads,
      HashingPriority priority,
      Duration raiseAfter,
      HashingBacklog backlog) {
    if (threads < 1) {
      throw new IllegalArgumentException("a hashing pool needs at least one thread");
    }
    this.threads = threads;
    this.priority = priority;
    this.raiseAfter = raiseAfter;
    this.backlog = backlog;
    this.admission = new Semaphore(threads, true);
    AtomicInteger counter = new AtomicInteger();
    // The queue never holds more than `threads` tasks: admission is taken before submitting and
    // given back only when the task ends.
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t =
                  new Thread(
                      () -> runRemembered(r),
                      "authcore-hash-" + name + "-" + counter.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY); // what other systems get; see HashingPriority
              return t;
            });
    // Idle hashing threads go away; a quiet core keeps none.
    executor.allowCoreThreadTimeOut(true);
  }

  /** Runs {@code work} on a hashing thread and returns its result, waiting as long as it takes. */
  <T> T run(Callable<T> work) {
    try {
      admission.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to hash a password", e);
    }
    Future<T> future;
    try {
      future =
          executor.submit(
              () -> {
                try {
                  Integer tid = tids.get(Thread.currentThread());
                  if (tid != null) {
                    priority.lower(tid);
                  }
                  long start = System.nanoTime();
                  T result = work.call();
                  backlog.record(System.nanoTime() - start, threads);
                  return result;
                } finally {
                  admission.release();
                }
              });
    } catch (RejectedExecutionException e) {
      admission.release();
      throw new IllegalStateException("password hashing has been shut down", e);
    }
    try {
      try {
        return future.get(raiseAfter.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // Starved or just slow: either way it may now compete with session calls.
        tids.values().forEach(priority::raise);
        return future.get();
      }
    } catch (InterruptedException e) {
      // Not cancelled: a task cancelled before it starts would never give its permit back.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a password hash", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  // Keeps each live thread's kernel id, read once, to lower it before each hash and so that a
  // waiting caller can raise it.
  private void runRemembered(Runnable worker) {
    Thread self = Thread.currentThread();
    try {
      tids.put(self, HashingPriority.currentTid());
    } catch (IOException | RuntimeException e) {
      // not Linux: nothing to raise
    }
    try {
      worker.run();
    } finally {
      tids.remove(self);
    }
  }

  int threads() {
    return threads;
  }

  /** Callers waiting for a free thread, for monitoring. */
  int waiting() {
    return admission.getQueueLength();
  }

  /** The most threads this pool has ever had at once. */
  int largestPoolSize() {
    return executor.getLargestPoolSize();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
