package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags the launcher gives the server (cli/JavaCommand.java: MEMORY_FLAGS,
 * DEFAULT_MAX_HEAP, and PRIORITY_FLAGS when run as root), read from the source so the benchmark
 * follows when they change. The ceilings' JVMs get the same flags, so both sides of each fraction
 * run on the same heap and collector.
 */
final class ServerFlags {
  static final List<String> FALLBACK =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms24m",
          "-Xmn16m",
          "-XX:MinHeapFreeRatio=25",
          "-XX:MaxHeapFreeRatio=50",
          "-Xmx256m");

  private ServerFlags() {}

  private static boolean runsAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  static List<String> read(Path repo, Machine.Log log) {
    Path source = repo.resolve("src/main/java/io/authcore/cli/JavaCommand.java");
    try {
      String text = Files.readString(source);
      Matcher memory =
          Pattern.compile("MEMORY_FLAGS\\s*=\\s*List\\.of\\(([^)]*)\\)", Pattern.DOTALL)
              .matcher(text);
      Matcher heap = Pattern.compile("DEFAULT_MAX_HEAP\\s*=\\s*\"([^\"]+)\"").matcher(text);
      if (memory.find() && heap.find()) {
        List<String> flags = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(memory.group(1));
        while (quoted.find()) {
          flags.add(quoted.group(1));
        }
        flags.add(heap.group(1));
        Matcher priority =
            Pattern.compile("PRIORITY_FLAGS\\s*=\\s*List\\.of\\(([^)]*)\\)", Pattern.DOTALL)
                .matcher(text);
        if (priority.find() && runsAsRoot()) { // the launcher adds them for root only
          Matcher flag = Pattern.compile("\"([^\"]+)\"").matcher(priority.group(1));
          while (flag.find()) {
            flags.add(flag.group(1));
          }
        }
        if (!flags.isEmpty()) {
          return flags;
        }
      }
      log.line("could not read the launcher's flags from " + source + "; using " + FALLBACK);
    } catch (IOException e) {
      log.line("no " + source + "; using the launcher's flags as of writing: " + FALLBACK);
    }
    return FALLBACK;
  }
}
