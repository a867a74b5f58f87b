package io.authcore.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --key=value} and {@code --flag} arguments; positional words kept in order. */
final class Options {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> words = new ArrayList<>();

  Options(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        if (eq < 0) {
          values.put(a.substring(2), "true");
        } else {
          values.put(a.substring(2, eq), a.substring(eq + 1));
        }
      } else {
        words.add(a);
      }
    }
  }

  /** These options with {@code key} set to {@code value} where it is not given. */
  Options withDefault(String key, String value) {
    Options copy = new Options(new String[0], 0);
    copy.values.putAll(values);
    copy.words.addAll(words);
    copy.values.putIfAbsent(key, value);
    return copy;
  }

  List<String> words() {
    return words;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  String string(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  int integer(String key, int fallback) {
    String v = values.get(key);
    return v == null ? fallback : Integer.parseInt(v);
  }

  double decimal(String key, double fallback) {
    String v = values.get(key);
    return v == null ? fallback : Double.parseDouble(v);
  }

  boolean flag(String key) {
    String v = values.get(key);
    return v != null && !v.equals("false");
  }

  /** A comma-separated list; {@code fallback} when absent. */
  List<String> list(String key, List<String> fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  /** {@code a:1,b:2.5} as a map. */
  Map<String, Double> weights(String key, Map<String, Double> fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : v.split(",")) {
      String[] kv = part.split(":");
      if (kv.length != 2) {
        throw new IllegalArgumentException("--" + key + " wants name:number,...; got " + part);
      }
      out.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
    }
    return out;
  }

  /** Unknown keys, to catch a typo before a long run. */
  List<String> unknown(List<String> known) {
    List<String> out = new ArrayList<>();
    for (String k : values.keySet()) {
      if (!known.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }
}
