package io.authcore.crypto.password;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import java.util.function.UnaryOperator;

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
 * <p>A hash runs at the priority of every other thread, above the request threads (see {@link
 * HashingPriority}), so a sign-in on a server busy with session calls gets a larger share of the
 * CPU than any one of them and finishes within a few times its own length, as on the original
 * (bench/run busy, sign-in p50: 12.5 s when every hash waited for idle CPU, 0.35 s now, where a
 * hash alone takes 0.16 s). Such hashes may take a quarter of the machine ({@link EagerBudget}). In
 * a flood, when as many callers are waiting as there are threads, and past that budget, hashes run
 * on background threads at the lowest priority the system allows, so that session calls keep the
 * CPU; a caller still waiting after {@code raiseAfter} raises those so that its hash finishes even
 * when session calls fill every core.
 */
final class HashingPool implements AutoCloseable {
  static final Duration RAISE_AFTER = Duration.ofSeconds(1);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final int threads;
  private final Semaphore admission;
  private final ThreadPoolExecutor eager;
  private final ThreadPoolExecutor background;
  private final HashingPriority priority;
  private final Duration raiseAfter;
  private final HashingBacklog backlog;
  private final EagerBudget budget;
  private final Map<Thread, Integer> tids = new ConcurrentHashMap<>();
  private final AtomicInteger hashing = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private final String name;
  private volatile HashingObserver observer = HashingObserver.NONE;

  HashingPool(String name, int threads) {
    this(name, threads, new HashingBacklog(), EagerBudget.forThisMachine());
  }

  /**
   * Times each hash into {@code backlog}, and charges those that run above session calls to {@code
   * budget}; several pools may share both.
   */
  HashingPool(String name, int threads, HashingBacklog backlog, EagerBudget budget) {
    this(name, threads, HashingPriority.system(), RAISE_AFTER, backlog, budget);
  }

  HashingPool(String name, int threads, HashingPriority priority, Duration raiseAfter) {
    this(name, threads, priority, raiseAfter, new HashingBacklog(), EagerBudget.forThisMachine());
  }

  private HashingPool(
      String name,
      int threads,
      HashingPriority priority,
      Duration raiseAfter,
      HashingBacklog backlog,
      EagerBudget budget) {
    if (threads < 1) {
      throw new IllegalArgumentException("a hashing pool needs at least one thread");
    }
    this.name = name;
    this.threads = threads;
    this.priority = priority;
    this.raiseAfter = raiseAfter;
    this.backlog = backlog;
    this.budget = budget;
    this.admission = new Semaphore(threads, true);
    // Started now and kept: a thread inherits its creator's nice value, and one made later by a
    // request thread (nice 5) could never get back to 0 without CAP_SYS_NICE.
    this.eager = threads(threads, "authcore-hash-" + name + "-", Thread.NORM_PRIORITY, r -> r);
    eager.prestartAllCoreThreads();
    // what other systems get; see HashingPriority
    this.background =
        threads(threads, "authcore-hash-" + name + "-bg-", Thread.MIN_PRIORITY, this::remembered);
    // Lowered before each hash anyway; idle ones go away, so a quiet core keeps none.
    background.allowCoreThreadTimeOut(true);
  }

  // The queues never hold more than `threads` tasks: admission is taken before submitting and
  // given back only when the task ends.
  private static ThreadPoolExecutor threads(
      int count, String prefix, int javaPriority, UnaryOperator<Runnable> wrap) {
    AtomicInteger counter = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            count,
            count,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(wrap.apply(r), prefix + counter.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(javaPriority);
              return t;
            });
    return executor;
  }

  /** Runs {@code work} on a hashing thread and returns its result, waiting as long as it takes. */
  <T> T run(Callable<T> work) {
    long asked = System.nanoTime();
    try {
      admission.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to hash a password", e);
    }
    // A flood (as many callers waiting as there are threads), or one that has used up its share of
    // the machine, hashes in the background.
    // (Admission bounds the hashes in flight, so an eager thread is always free for it.)
    boolean atOnce = admission.getQueueLength() < threads && budget.available();
    Future<T> future;
    try {
      future =
          (atOnce ? eager : background)
              .submit(
                  () -> {
                    mostAtOnce.accumulateAndGet(hashing.incrementAndGet(), Math::max);
                    try {
                      Integer tid = tids.get(Thread.currentThread());
                      if (tid != null) {
                        priority.lower(tid);
                      }
                      long start = System.nanoTime();
                      long cpuStart = CPU.getCurrentThreadCpuTime();
                      T result = work.call();
                      long took = System.nanoTime() - start;
                      backlog.record(took, threads);
                      observer.hashed(name, start - asked, took);
                      if (atOnce) { // the CPU it took from the others, not the time it waited
                        budget.spend(CPU.getCurrentThreadCpuTime() - cpuStart);
                      }
                      return result;
                    } finally {
                      hashing.decrementAndGet();
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

  // Keeps each live background thread's kernel id, read once, to lower it before each hash and so
  // that a waiting caller can raise it.
  private Runnable remembered(Runnable worker) {
    return () -> runRemembered(worker);
  }

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

  /** Hashes running now, for monitoring. */
  int hashing() {
    return hashing.get();
  }

  void observe(HashingObserver newObserver) {
    this.observer = newObserver;
  }

  /** The most hashes this pool has ever run at once. */
  int mostAtOnce() {
    return mostAtOnce.get();
  }

  @Override
  public void close() {
    eager.shutdownNow();
    background.shutdownNow();
  }
}
