package io.authcore.recipe.core;

import java.time.Clock;
import java.util.Arrays;

/**
 * One app's requests per second over the last 24 hours, minute by minute, as the original keeps
 * them in memory for {@code GET /requests/stats}: the average and the peak second of each finished
 * minute, -1 for a minute this process did not see, 0 for a minute without requests.
 */
final class RequestStats {
  static final int MINUTES = 24 * 60;

  private final Clock clock;
  private long currentMinute;
  private final int[] perSecond = new int[60];
  private final double[] average = new double[MINUTES];
  private final int[] peak = new int[MINUTES];

  RequestStats(Clock clock) {
    this.clock = clock;
    this.currentMinute = clock.millis() / 60_000;
    Arrays.fill(average, -1);
    Arrays.fill(peak, -1);
  }

  synchronized void record() {
    long second = clock.millis() / 1000;
    roll(second);
    perSecond[(int) (second % 60)]++;
  }

  /** The last 24 finished hours, oldest minute first, and the minute they end before. */
  record Snapshot(long atMinute, double[] average, int[] peak) {}

  synchronized Snapshot snapshot() {
    roll(clock.millis() / 1000);
    long atMinute = clock.millis() / 60_000;
    int offset = (int) (atMinute % MINUTES);
    double[] averages = new double[MINUTES];
    int[] peaks = new int[MINUTES];
    for (int i = 0; i < MINUTES; i++) {
      averages[i] = average[(i + offset) % MINUTES];
      peaks[i] = peak[(i + offset) % MINUTES];
    }
    return new Snapshot(atMinute, averages, peaks);
  }

  // Closes the minute in progress once the clock has left it; minutes skipped had no requests.
  private void roll(long second) {
    long minute = second / 60;
    if (minute == currentMinute) {
      return;
    }
    int sum = 0;
    int max = 0;
    for (int count : perSecond) {
      sum += count;
      max = Math.max(max, count);
    }
    average[(int) (currentMinute % MINUTES)] = sum / 60.0;
    peak[(int) (currentMinute % MINUTES)] = max;
    for (long m = Math.max(currentMinute + 1, minute - MINUTES); m < minute; m++) {
      average[(int) (m % MINUTES)] = 0;
      peak[(int) (m % MINUTES)] = 0;
    }
    currentMinute = minute;
    Arrays.fill(perSecond, 0);
  }
}
