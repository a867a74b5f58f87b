package io.authcore.cli;

import java.util.List;
import java.util.Optional;

/**
 * A command's arguments as the original reads them: {@code --key=value} options, bare {@code
 * --flag}s and the {@code test_mode} word, in any order. Unknown arguments are ignored, as there.
 */
final class Options {
  private final List<String> args;

  Options(List<String> args) {
    this.args = List.copyOf(args);
  }

  /** The value after the first {@code =} of the first {@code --key=...} argument. */
  Optional<String> value(String key) {
    for (String arg : args) {
      if (arg.startsWith(key + "=")) {
        return Optional.of(arg.substring(key.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** A non-empty value, so that {@code --port=} means "not given" rather than "". */
  Optional<String> nonEmpty(String key) {
    return value(key).filter(v -> !v.isEmpty());
  }

  boolean has(String flag) {
    return args.stream().anyMatch(a -> a.equals(flag) || a.startsWith(flag + "="));
  }

  /** The original core's start argument that relaxes a few config limits for SDK test suites. */
  boolean testMode() {
    return args.contains("test_mode");
  }
}
