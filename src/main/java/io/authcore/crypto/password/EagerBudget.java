package io.authcore.crypto.password;

import java.util.function.LongSupplier;

/**
 * How much of the machine the hashes that run above session calls may take: a bucket of nanoseconds
 * that fills at {@code share} of every core, up to a second's worth. A sign-in now and then always
 * finds it full; a client that keeps a few wrong passwords in flight all the time, and so never
 * looks like a flood, empties it, and its further hashes wait for idle CPU.
 */
final class EagerBudget {
  /** A quarter of the machine: half a core of two, ample for a sign-in every 0.3 s at 160 ms. */
  static final double SHARE = 0.25;

  private static final long SECOND = 1_000_000_000L;

  private final double fillPerNano;
  private final double capacity;
  private final LongSupplier nanoTime;
  private double nanos;
  private long filledAt;

  EagerBudget(int cores, LongSupplier nanoTime) {
    this.fillPerNano = SHARE * cores;
    this.capacity = fillPerNano * SECOND;
    this.nanoTime = nanoTime;
    this.nanos = capacity;
    this.filledAt = nanoTime.getAsLong();
  }

  static EagerBudget forThisMachine() {
    return new EagerBudget(Runtime.getRuntime().availableProcessors(), System::nanoTime);
  }

  /** Whether a hash may start above session calls now. */
  synchronized boolean available() {
    fill();
    return nanos > 0;
  }

  /** Takes what a hash that ran above session calls took. */
  synchronized void spend(long hashNanos) {
    fill();
    nanos -= hashNanos;
  }

  private void fill() {
    long now = nanoTime.getAsLong();
    nanos = Math.min(capacity, nanos + (now - filledAt) * fillPerNano);
    filledAt = now;
  }
}
