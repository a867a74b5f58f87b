package io.authcore.crypto.password;

import java.time.Duration;

/**
 * How much waiting each request in line for a hash adds for the ones behind it, on recent form: the
 * time a hash takes divided by the threads of its pool (50 ms for bcrypt at cost 11 on two cores).
 * From it follows how many requests may be let in so that the last of them waits at most a given
 * time. Measured rather than configured, so it follows the algorithm, its cost, the machine and
 * whatever else that machine is doing.
 */
final class HashingBacklog {
  /** Until a hash has been timed: bcrypt at its default cost on one core, roughly. */
  private static final long UNMEASURED_NANOS = 100_000_000;

  private static final double WEIGHT = 0.2; // of each new measurement in the moving average

  private double nanosPerRequest = -1;

  synchronized void record(long hashNanos, int threads) {
    double sample = (double) hashNanos / threads;
    nanosPerRequest =
        nanosPerRequest < 0 ? sample : nanosPerRequest + WEIGHT * (sample - nanosPerRequest);
  }

  /**
   * The most requests that may be waiting for or running a hash so that the last one's wait stays
   * within {@code maxWait}; never fewer than {@code floor}.
   */
  synchronized int limit(Duration maxWait, int floor) {
    double perRequest = nanosPerRequest < 0 ? UNMEASURED_NANOS : Math.max(1, nanosPerRequest);
    double fits = maxWait.toNanos() / perRequest;
    return (int) Math.max(floor, Math.min(Integer.MAX_VALUE, fits));
  }
}
