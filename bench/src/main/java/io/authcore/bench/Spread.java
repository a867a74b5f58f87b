package io.authcore.bench;

import java.util.List;
import java.util.Locale;

/**
 * The least, middle and greatest of a few measurements (the median of an even count: the mean of
 * the middle two).
 */
record Spread(int n, double min, double median, double max) {
  static Spread of(List<? extends Number> values) {
    List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      return new Spread(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Spread(n, sorted.get(0), median, sorted.get(n - 1));
  }

  /** {@code 120 / 175 / 230} (min / median / max), rounded to whole units. */
  String text() {
    return n == 0 ? "-" : String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f", min, median, max);
  }
}
