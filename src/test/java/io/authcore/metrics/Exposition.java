package io.authcore.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape in the Prometheus text format, read into samples: {@code name{labels}} to value. */
record Exposition(Map<String, Map<String, String>> labels, Map<String, Double> values) {
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)( \\S+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  static Exposition parse(String text) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("not a sample line: " + line);
      }
      Map<String, String> set = new LinkedHashMap<>();
      set.put("__name__", m.group(1));
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        int end = 0;
        while (l.find() && l.start() == end) {
          set.put(l.group(1), l.group(2));
          end = l.end();
        }
        if (end != m.group(3).length()) {
          throw new AssertionError("unreadable labels: " + line);
        }
      }
      String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
      labels.put(key, set);
      values.put(key, Double.parseDouble(m.group(4)));
    }
    return new Exposition(labels, values);
  }

  /** The sum of the samples of {@code name} whose labels include {@code match}; 0 if none. */
  double sum(String name, Map<String, String> match) {
    double total = 0;
    for (var e : labels.entrySet()) {
      Map<String, String> set = e.getValue();
      if (set.get("__name__").equals(name) && set.entrySet().containsAll(match.entrySet())) {
        total += values.get(e.getKey());
      }
    }
    return total;
  }

  boolean has(String name) {
    return labels.values().stream().anyMatch(set -> set.get("__name__").equals(name));
  }
}
