package io.authcore.metrics;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Garbage collection, read from the JVM's counters when scraped. Micrometer's {@code JvmGcMetrics}
 * listens to a notification the JVM builds after every collection; with a small young generation
 * that is several a second on a busy server, and handling them cost 0.8 % of the server's CPU
 * during session verify. The same names without the notifications: {@code jvm_gc_pause_seconds}
 * (count and sum per collector; no buckets, cause or maximum), {@code jvm_gc_live_data_size_bytes}
 * and {@code jvm_gc_max_data_size_bytes} (the old generation after its last collection, and its
 * maximum).
 */
final class GcMeters {
  private GcMeters() {}

  static void bind(MeterRegistry registry) {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      FunctionTimer.builder(
              "jvm.gc.pause",
              gc,
              GarbageCollectorMXBean::getCollectionCount,
              GarbageCollectorMXBean::getCollectionTime,
              TimeUnit.MILLISECONDS)
          .description("Time spent in garbage collection, by collector")
          .tag("gc", gc.getName())
          .register(registry);
    }
    List<MemoryPoolMXBean> old =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && longLived(p.getName()))
            .toList();
    gauge(
        registry,
        "jvm.gc.live.data.size",
        "Old generation in use after its last collection",
        old,
        p -> used(p.getCollectionUsage()));
    gauge(
        registry,
        "jvm.gc.max.data.size",
        "Old generation's maximum size",
        old,
        p -> Math.max(0, p.getUsage().getMax()));
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String description,
      List<MemoryPoolMXBean> pools,
      ToDoubleFunction<MemoryPoolMXBean> value) {
    Gauge.builder(name, pools, ps -> ps.stream().mapToDouble(value).sum())
        .description(description)
        .baseUnit("bytes")
        .register(registry);
  }

  private static double used(MemoryUsage usage) {
    return usage == null ? 0 : usage.getUsed();
  }

  // Serial's "Tenured Gen", Parallel's and G1's "Old Gen", ZGC's and Shenandoah's single heap.
  private static boolean longLived(String pool) {
    return pool.contains("Old Gen")
        || pool.contains("Tenured Gen")
        || pool.equals("ZHeap")
        || pool.contains("ZGC Old")
        || pool.equals("Shenandoah");
  }
}
