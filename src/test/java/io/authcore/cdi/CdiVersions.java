package io.authcore.cdi;

import java.util.Arrays;

/**
 * Version ranges of the sequence: space-separated constraints such as {@code ">=2.21 <3.0"} or
 * {@code "=2.7"}; an empty range is every version.
 */
final class CdiVersions {
  private CdiVersions() {}

  static boolean matches(String range, String version) {
    for (String constraint : range.trim().split("\\s+")) {
      if (!constraint.isEmpty() && !satisfies(constraint, version)) {
        return false;
      }
    }
    return true;
  }

  static int compare(String a, String b) {
    int[] x = parts(a);
    int[] y = parts(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static boolean satisfies(String constraint, String version) {
    String op = constraint.replaceAll("[0-9.].*", "");
    int c = compare(version, constraint.substring(op.length()));
    return switch (op) {
      case ">=" -> c >= 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      case "<" -> c < 0;
      case "=", "" -> c == 0;
      default -> throw new IllegalStateException("unknown version constraint: " + constraint);
    };
  }

  private static int[] parts(String version) {
    return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
  }
}
