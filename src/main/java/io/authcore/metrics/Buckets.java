package io.authcore.metrics;

import java.time.Duration;

/** Histogram bucket bounds: fixed, so every instance's buckets add up in Prometheus. */
final class Buckets {
  private Buckets() {}

  static Duration[] millis(double... bounds) {
    Duration[] durations = new Duration[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      durations[i] = Duration.ofNanos(Math.round(bounds[i] * 1_000_000));
    }
    return durations;
  }
}
