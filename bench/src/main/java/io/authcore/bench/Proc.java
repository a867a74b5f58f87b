package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What /proc says about one process: its memory figures and its open descriptors. */
final class Proc {
  private Proc() {}

  /**
   * A {@code kB} field of /proc/pid/status ({@code VmHWM}, the peak resident memory; {@code VmRSS})
   * in KiB, or -1 when the text has none.
   */
  static long statusKb(String status, String field) {
    for (String line : status.split("\n")) {
      if (line.startsWith(field + ":")) {
        String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]);
      }
    }
    return -1;
  }

  /** {@link #statusKb(String, String)} of a running process; -1 once it is gone. */
  static long statusKb(long pid, String field) {
    try {
      return statusKb(Files.readString(Path.of("/proc/" + pid + "/status")), field);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The number of descriptors the process has open (entries of /proc/pid/fd); -1 once gone. */
  static int openDescriptors(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return (int) fds.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The soft limit on open files from /proc/pid/limits ("Max open files"); -1 if unread. */
  static long openFilesLimit(String limits) {
    for (String line : limits.split("\n")) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
      }
    }
    return -1;
  }

  static long openFilesLimit(long pid) {
    try {
      return openFilesLimit(Files.readString(Path.of("/proc/" + pid + "/limits")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** How many of the lines contain {@code text}. */
  static long count(List<String> lines, String text) {
    return lines.stream().filter(l -> l.contains(text)).count();
  }
}
