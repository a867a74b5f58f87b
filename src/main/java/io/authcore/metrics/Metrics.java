package io.authcore.metrics;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.authcore.config.CoreConfig;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.events.AuthEvents;
import io.authcore.http.Api;
import io.authcore.threads.Daemons;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The core's Prometheus metrics, recorded with Micrometer: requests, authentication events,
 * password hashing, the database pool, the JVM and the process. With {@code metrics_enabled: false}
 * nothing is recorded and {@code /metrics} does not exist (the benchmark's baseline).
 */
public final class Metrics implements AutoCloseable {
  /** The Prometheus text format, version 0.0.4, which every scraper reads. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final CompletableFuture<PrometheusMeterRegistry> made; // null when disabled
  private final DeferredPoolTracker pool = new DeferredPoolTracker();

  private Metrics(boolean enabled) {
    if (!enabled) {
      this.made = null;
      return;
    }
    // Made beside the storage's start, which needs only the pool tracker (start-up time).
    this.made = new CompletableFuture<>();
    Daemons.start(
        "authcore-metrics-start",
        () -> {
          try {
            made.complete(registry());
          } catch (RuntimeException | Error e) {
            made.completeExceptionally(e);
          }
        });
  }

  private PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    GcMeters.bind(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    pool.attach(registry);
    return registry;
  }

  /** Starts making the registry (on another thread) unless {@code metrics_enabled} is false. */
  public static Metrics from(CoreConfig config) {
    return new Metrics(config.bool("metrics_enabled"));
  }

  public boolean enabled() {
    return made != null;
  }

  private PrometheusMeterRegistry made() {
    return made.join();
  }

  /** For HikariCP's {@code setMetricsTrackerFactory}: pool usage and connection waits. */
  public Optional<MetricsTrackerFactory> databasePool() {
    return enabled() ? Optional.of(pool) : Optional.empty();
  }

  /** What the services report to. */
  public AuthEvents events() {
    return enabled() ? new AuthEventMeters(made()) : AuthEvents.NONE;
  }

  /** The hashing queue's depth and each hash's wait and time. */
  public void watch(PasswordHasher hasher) {
    if (enabled()) {
      HashingMeters.bind(made(), hasher);
    }
  }

  /**
   * {@code GET /metrics} and the request meters, when enabled; {@code appIds}: the apps known in
   * memory, the only ones that become labels.
   */
  public List<Api> apis(Supplier<Set<String>> appIds) {
    return enabled() ? List.of(new MetricsApi(new RequestMeters(made(), appIds), this)) : List.of();
  }

  /** The text a scraper reads. */
  public String scrape() {
    return made().scrape();
  }

  @Override
  public void close() {
    if (enabled()) {
      made.thenAccept(PrometheusMeterRegistry::close);
    }
  }
}
