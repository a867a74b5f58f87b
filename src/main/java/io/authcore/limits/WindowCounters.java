package io.authcore.limits;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts events per key in fixed windows, in this process's memory. A key's window starts at its
 * first counted event and lasts the given length; after it the count starts afresh. At most {@code
 * maxKeys} keys are held: a spray over millions of accounts evicts the expired windows, then the
 * oldest, so memory stays bounded (an evicted key merely starts again from zero).
 *
 * <p>Besides the count, a key holds reservations: attempts admitted but not yet settled. An attempt
 * is admitted only while count + reservations stay below the limit, so parallel attempts cannot
 * overshoot it. Every method takes one lock; each is a few map operations.
 */
public final class WindowCounters {
  /** What an attempt to count or reserve gave. */
  public enum Outcome {
    ALLOWED,
    /** Refused, the first time in this key's window: worth one log line. */
    REFUSED_FIRST,
    REFUSED;

    public boolean allowed() {
      return this == ALLOWED;
    }
  }

  private static final class Window {
    long start;
    long length;
    int count;
    int reserved;
    boolean refused;

    Window(long start, long length) {
      this.start = start;
      this.length = length;
    }

    boolean over(long now) {
      return now - start >= length || now < start;
    }
  }

  private final int maxKeys;
  // Insertion order is window start order: a restarted window is moved to the end.
  private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

  public WindowCounters(int maxKeys) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be >= 1");
    }
    this.maxKeys = maxKeys;
  }

  /** Counts an event if the key's count is below {@code limit}. */
  public synchronized Outcome count(String key, int limit, long windowMs, long now) {
    Window w = current(key, windowMs, now);
    if (w.count + w.reserved >= limit) {
      return refuse(w);
    }
    w.count++;
    return Outcome.ALLOWED;
  }

  /** Reserves a place for an attempt whose outcome comes later through {@link #settle}. */
  public synchronized Outcome reserve(String key, int limit, long windowMs, long now) {
    Window w = current(key, windowMs, now);
    if (w.count + w.reserved >= limit) {
      return refuse(w);
    }
    w.reserved++;
    return Outcome.ALLOWED;
  }

  /**
   * Ends a reservation: a failure is counted, a success with {@code clearOnSuccess} forgets the
   * key's count, anything else just frees the place.
   */
  public synchronized void settle(String key, boolean failed, boolean clearOnSuccess, long now) {
    Window w = windows.get(key);
    if (w == null) {
      return; // evicted meanwhile
    }
    w.reserved = Math.max(0, w.reserved - 1);
    if (failed) {
      w.count++;
    } else if (clearOnSuccess) {
      w.count = 0;
      w.refused = false;
    }
    if (w.count == 0 && w.reserved == 0) {
      windows.remove(key);
    }
  }

  /** Forgets a key's count (its reservations stay until settled). */
  public synchronized void clear(String key) {
    Window w = windows.get(key);
    if (w == null) {
      return;
    }
    w.count = 0;
    w.refused = false;
    if (w.reserved == 0) {
      windows.remove(key);
    }
  }

  /** The number of keys held, for tests. */
  public synchronized int size() {
    return windows.size();
  }

  private static Outcome refuse(Window w) {
    if (w.refused) {
      return Outcome.REFUSED;
    }
    w.refused = true;
    return Outcome.REFUSED_FIRST;
  }

  private Window current(String key, long windowMs, long now) {
    Window w = windows.get(key);
    if (w == null) {
      makeRoom(now);
      w = new Window(now, windowMs);
      windows.put(key, w);
    } else if (w.over(now)) {
      // The window is over (or the clock went back): start afresh, keeping the reservations.
      windows.remove(key);
      w.start = now;
      w.length = windowMs;
      w.count = 0;
      w.refused = false;
      windows.put(key, w);
    }
    return w;
  }

  private void makeRoom(long now) {
    Iterator<Map.Entry<String, Window>> oldest = windows.entrySet().iterator();
    while (windows.size() >= maxKeys && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    // Expired windows at the old end go too; they would start afresh anyway.
    oldest = windows.entrySet().iterator();
    while (oldest.hasNext()) {
      Window w = oldest.next().getValue();
      if (!w.over(now) || w.reserved > 0) {
        break;
      }
      oldest.remove();
    }
  }
}
