package io.authcore.jobs;

import io.authcore.threads.Daemons;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work on one daemon thread: key rotation and the purges the original runs as cron jobs.
 * A failing run is logged and the next one happens as planned.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(Daemons.named("authcore-jobs"));

  /** Runs {@code task} every {@code period}, the first time after one period. */
  public void every(String name, Duration period, Runnable task) {
    executor.scheduleWithFixedDelay(
        logged(name, task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once, as soon as the thread is free. */
  public void soon(String name, Runnable task) {
    executor.execute(logged(name, task));
  }

  private static Runnable logged(String name, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("background job '{}' failed: {}", name, e.toString());
      }
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
