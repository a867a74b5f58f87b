package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.limits.WindowCounters.Outcome;
import org.junit.jupiter.api.Test;

class WindowCountersTest {
  static final long WINDOW = 1000;

  @Test
  void countsUpToTheLimitThenRefusesUntilTheWindowEnds() {
    WindowCounters c = new WindowCounters(10);
    assertEquals(Outcome.ALLOWED, c.count("k", 2, WINDOW, 0));
    assertEquals(Outcome.ALLOWED, c.count("k", 2, WINDOW, 10));
    assertEquals(Outcome.REFUSED_FIRST, c.count("k", 2, WINDOW, 20), "logged once");
    assertEquals(Outcome.REFUSED, c.count("k", 2, WINDOW, 999));
    assertEquals(Outcome.ALLOWED, c.count("k", 2, WINDOW, 1000), "a new window");
    assertEquals(Outcome.ALLOWED, c.count("other", 2, WINDOW, 20), "keys are apart");
  }

  @Test
  void reservationsHoldPlacesUntilSettled() {
    WindowCounters c = new WindowCounters(10);
    assertEquals(Outcome.ALLOWED, c.reserve("k", 2, WINDOW, 0));
    assertEquals(Outcome.ALLOWED, c.reserve("k", 2, WINDOW, 0));
    assertEquals(Outcome.REFUSED_FIRST, c.reserve("k", 2, WINDOW, 0), "two under way");
    c.settle("k", false, false, 0); // abandoned: nothing counted
    assertEquals(Outcome.ALLOWED, c.reserve("k", 2, WINDOW, 0));
    c.settle("k", true, false, 0);
    c.settle("k", true, false, 0);
    assertEquals(Outcome.REFUSED, c.reserve("k", 2, WINDOW, 0), "two failures counted");
    assertEquals(Outcome.ALLOWED, c.reserve("k", 2, WINDOW, WINDOW));
    c.settle("k", false, true, WINDOW);
    assertEquals(0, c.size(), "a success with nothing left forgets the key");
  }

  @Test
  void aSuccessClearsTheFailuresWhenAsked() {
    WindowCounters c = new WindowCounters(10);
    c.reserve("k", 3, WINDOW, 0);
    c.settle("k", true, false, 0);
    c.reserve("k", 3, WINDOW, 0);
    c.settle("k", true, false, 0);
    c.reserve("k", 3, WINDOW, 0);
    c.settle("k", false, false, 0); // success not clearing (a per-address limit)
    assertEquals(Outcome.ALLOWED, c.reserve("k", 3, WINDOW, 0));
    assertEquals(Outcome.REFUSED_FIRST, c.reserve("k", 3, WINDOW, 0), "still two failures");
    c.settle("k", false, true, 0);
    assertEquals(Outcome.ALLOWED, c.reserve("k", 3, WINDOW, 0), "cleared");
  }

  @Test
  void clearingForgetsTheCountButNotWhatIsUnderWay() {
    WindowCounters c = new WindowCounters(10);
    c.count("k", 2, WINDOW, 0);
    c.count("k", 2, WINDOW, 0);
    c.clear("k");
    assertEquals(0, c.size());
    c.reserve("k", 2, WINDOW, 0);
    c.count("k", 2, WINDOW, 0);
    c.clear("k");
    assertEquals(Outcome.ALLOWED, c.count("k", 2, WINDOW, 0));
    assertEquals(Outcome.REFUSED_FIRST, c.count("k", 2, WINDOW, 0), "the reservation still holds");
  }

  @Test
  void aSprayOverManyKeysKeepsTheMapBounded() {
    WindowCounters c = new WindowCounters(100);
    for (int i = 0; i < 100_000; i++) {
      c.count("account-" + i, 5, WINDOW, i / 1000);
      assertTrue(c.size() <= 100);
    }
    assertEquals(100, c.size());
    // The newest keys are kept, the oldest went first.
    assertEquals(Outcome.ALLOWED, c.count("account-99999", 2, WINDOW, 100));
    assertEquals(Outcome.REFUSED_FIRST, c.count("account-99999", 2, WINDOW, 100));
  }

  @Test
  void expiredWindowsAreDroppedFirst() {
    WindowCounters c = new WindowCounters(100);
    for (int i = 0; i < 50; i++) {
      c.count("old-" + i, 5, WINDOW, 0);
    }
    c.count("new", 5, WINDOW, WINDOW + 1);
    assertEquals(1, c.size(), "the expired windows made room as a new key came");
  }

  @Test
  void aSettleAfterEvictionIsHarmless() {
    WindowCounters c = new WindowCounters(1);
    c.reserve("a", 1, WINDOW, 0);
    c.count("b", 1, WINDOW, 0); // evicts a
    c.settle("a", true, false, 0);
    assertEquals(1, c.size());
  }
}
