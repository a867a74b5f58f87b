package io.authcore.metrics;

import io.authcore.crypto.password.PasswordHasher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Password hashing: {@code authcore_password_hash_queue_depth} (callers waiting for a hashing
 * thread), {@code authcore_password_hash_active}, and per pool the time each hash waited ({@code
 * authcore_password_hash_wait_seconds}) and took ({@code authcore_password_hash_seconds}).
 */
final class HashingMeters {
  private static final Duration[] BUCKETS =
      Buckets.millis(1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000);

  private HashingMeters() {}

  static void bind(MeterRegistry registry, PasswordHasher hasher) {
    Gauge.builder("authcore.password.hash.queue.depth", hasher, PasswordHasher::waiting)
        .description("Callers waiting for a password hashing thread")
        .register(registry);
    Gauge.builder("authcore.password.hash.active", hasher, PasswordHasher::hashing)
        .description("Password hashes running")
        .register(registry);
    Map<String, Timer[]> byPool = new ConcurrentHashMap<>();
    hasher.observe(
        (pool, waitNanos, hashNanos) -> {
          Timer[] timers =
              byPool.computeIfAbsent(
                  pool,
                  p ->
                      new Timer[] {
                        timer(registry, "authcore.password.hash.wait", "Wait for a thread", p),
                        timer(registry, "authcore.password.hash", "Time to hash", p)
                      });
          timers[0].record(waitNanos, TimeUnit.NANOSECONDS);
          timers[1].record(hashNanos, TimeUnit.NANOSECONDS);
        });
  }

  private static Timer timer(MeterRegistry registry, String name, String description, String pool) {
    return Timer.builder(name)
        .description(description)
        .tag("pool", pool)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
