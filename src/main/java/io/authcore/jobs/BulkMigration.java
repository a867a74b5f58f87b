package io.authcore.jobs;

import io.authcore.recipe.bulkimport.QueueDrain;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.threads.Daemons;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background import of queued users (the original's {@code ProcessBulkImportUsers} cron): at
 * start, every five minutes, and (unlike the original, which waits for its next run) soon after
 * users are queued. Each run drains every app with {@code bulk_migration_parallelism} workers,
 * {@code bulk_migration_batch_size} users claimed at a time. One run at a time; a run asked for
 * while one is going happens after it. On its own threads, so a long import never delays the other
 * jobs. Off when the environment variable {@code BULK_MIGRATION_CRON_ENABLED} is set to anything
 * but {@code true}, as in the original.
 */
public final class BulkMigration implements AutoCloseable {
  public static final String ENABLED_VARIABLE = "BULK_MIGRATION_CRON_ENABLED";

  private static final Logger log = LoggerFactory.getLogger(BulkMigration.class);
  private static final Duration INTERVAL = Duration.ofMinutes(5);

  private final TenantConfigs configs;
  private final boolean enabled;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Daemons.named("authcore-bulk-import"));
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile QueueDrain drain;

  public BulkMigration(TenantConfigs configs, Map<String, String> env) {
    this.configs = configs;
    String flag = env.get(ENABLED_VARIABLE);
    this.enabled = flag == null || Boolean.parseBoolean(flag);
  }

  /** Starts the runs with this drain: one now, then every five minutes. */
  public void start(QueueDrain queueDrain) {
    this.drain = queueDrain;
    if (enabled) {
      scheduler.scheduleWithFixedDelay(
          this::runOnce, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Asks for a run soon (after the one going on, if any): users were queued. */
  public void soon() {
    if (enabled && drain != null && pending.compareAndSet(false, true)) {
      scheduler.execute(
          () -> {
            pending.set(false);
            runOnce();
          });
    }
  }

  // Runs on the one scheduler thread, so never two at once.
  private void runOnce() {
    try {
      configs.appIds().forEach(this::drainApp);
    } catch (RuntimeException e) {
      log.warn("Bulk import run failed: {}", e.toString());
    }
  }

  private void drainApp(String appId) {
    if (Thread.currentThread().isInterrupted()) {
      return;
    }
    int parallelism = configs.appConfig(appId).integer("bulk_migration_parallelism");
    int batchSize = configs.appConfig(appId).integer("bulk_migration_batch_size");
    ExecutorService workers =
        Executors.newFixedThreadPool(parallelism, Daemons.numbered("authcore-bulk-import-worker"));
    try {
      QueueDrain.Run run = drain.drain(appId, batchSize, parallelism, workers);
      if (run.imported() + run.failed() > 0) {
        log.info(
            "Bulk import of app {}: {} users imported, {} failed",
            appId,
            run.imported(),
            run.failed());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The claimed users stay PROCESSING; the next run takes them again.
      log.warn("Bulk import of app {} stopped: {}", appId, e.toString());
    } finally {
      workers.shutdownNow();
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
