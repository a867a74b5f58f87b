package io.authcore.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Admission to the endpoints registered as {@link Route#slow()}: at most {@code limit} of them in
 * the server at once, queued or running. The limit comes from what serves them (password hashing
 * knows how many it can finish within its maximum wait), and is asked on every admission.
 */
final class SlowLane {
  private final IntSupplier limit;
  private final AtomicInteger inside = new AtomicInteger();

  SlowLane(IntSupplier limit) {
    this.limit = limit;
  }

  /** True, and counted until {@link #leave}, when there is room. */
  boolean tryEnter() {
    int max = limit.getAsInt();
    while (true) {
      int now = inside.get();
      if (now >= max) {
        return false;
      }
      if (inside.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  void leave() {
    inside.decrementAndGet();
  }
}
