package io.authcore.metrics;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * HikariCP's own Micrometer tracker, attached when the registry exists: the pool opens while the
 * registry is still being made on another thread (it loads some 200 ms of classes, which would
 * otherwise lengthen every start). What the pool reports before then is not recorded.
 */
final class DeferredPoolTracker implements MetricsTrackerFactory {
  private final List<Tracker> waiting = new ArrayList<>();
  private MetricsTrackerFactory real; // guarded by this

  @Override
  public synchronized IMetricsTracker create(String poolName, PoolStats stats) {
    Tracker tracker = new Tracker(poolName, stats);
    if (real != null) {
      tracker.attach(real);
    } else {
      waiting.add(tracker);
    }
    return tracker;
  }

  synchronized void attach(MeterRegistry registry) {
    real = new MicrometerMetricsTrackerFactory(registry);
    waiting.forEach(t -> t.attach(real));
    waiting.clear();
  }

  private static final class Tracker implements IMetricsTracker {
    private static final IMetricsTracker NONE = new IMetricsTracker() {};

    private final String poolName;
    private final PoolStats stats;
    private volatile IMetricsTracker delegate = NONE;
    private volatile boolean closed;

    Tracker(String poolName, PoolStats stats) {
      this.poolName = poolName;
      this.stats = stats;
    }

    synchronized void attach(MetricsTrackerFactory factory) {
      if (!closed) {
        delegate = factory.create(poolName, stats);
      }
    }

    @Override
    public void recordConnectionCreatedMillis(long millis) {
      delegate.recordConnectionCreatedMillis(millis);
    }

    @Override
    public void recordConnectionAcquiredNanos(long nanos) {
      delegate.recordConnectionAcquiredNanos(nanos);
    }

    @Override
    public void recordConnectionUsageMillis(long millis) {
      delegate.recordConnectionUsageMillis(millis);
    }

    @Override
    public void recordConnectionTimeout() {
      delegate.recordConnectionTimeout();
    }

    @Override
    public synchronized void close() {
      closed = true;
      delegate.close();
      delegate = NONE;
    }
  }
}
