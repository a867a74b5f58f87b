package io.authcore.limits;

import java.util.List;

/**
 * An admitted attempt holding a reserved place under one or more limits. Exactly one of {@link
 * #failed}, {@link #succeeded} or {@link #abandoned} must end it (the first call counts; later ones
 * do nothing), so a caller ends it in a {@code finally}.
 */
public final class Attempt {
  record Place(WindowCounters counters, String key, boolean clearedBySuccess) {}

  private final List<Place> places;
  private final java.time.Clock clock;
  private boolean settled;

  Attempt(List<Place> places, java.time.Clock clock) {
    this.places = places;
    this.clock = clock;
  }

  /** The attempt failed (a wrong password or code): it counts against every limit. */
  public void failed() {
    settle(true, false);
  }

  /** The attempt succeeded: limits cleared by success forget their failures. */
  public void succeeded() {
    settle(false, true);
  }

  /** Neither (an error, or an outcome that is no guess): the places are freed, nothing counts. */
  public void abandoned() {
    settle(false, false);
  }

  private synchronized void settle(boolean failed, boolean success) {
    if (settled) {
      return;
    }
    settled = true;
    long now = clock.millis();
    for (Place p : places) {
      p.counters().settle(p.key(), failed, success && p.clearedBySuccess(), now);
    }
  }
}
