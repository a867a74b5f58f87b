package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A first look at a JFR recording of the server (Java 17's {@code jfr} tool has no hot-methods
 * view): where the CPU samples are (self and inclusive), where threads blocked on monitors, and how
 * long the collector paused.
 */
final class JfrHot {
  private JfrHot() {}

  static void main(Path file, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Duration> blocked = new HashMap<>();
    Map<String, Long> allocated = new HashMap<>();
    int samples = 0;
    Duration gcPause = Duration.ZERO;
    int gcs = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      switch (type) {
        case "jdk.ExecutionSample" -> {
          RecordedStackTrace st = e.getStackTrace();
          if (st == null || st.getFrames().isEmpty()) {
            continue;
          }
          samples++;
          List<RecordedFrame> frames = st.getFrames();
          self.merge(name(frames.get(0)), 1, Integer::sum);
          Set<String> seen = new HashSet<>();
          for (RecordedFrame f : frames) {
            String n = name(f);
            if (seen.add(n)) {
              inclusive.merge(n, 1, Integer::sum);
            }
          }
        }
        case "jdk.JavaMonitorEnter", "jdk.ThreadPark" -> {
          RecordedStackTrace st = e.getStackTrace();
          if (st != null) {
            String where = firstApplicationFrame(st);
            blocked.merge(type.substring(4) + " " + where, e.getDuration(), Duration::plus);
          }
        }
        case "jdk.ObjectAllocationSample" -> {
          RecordedStackTrace st = e.getStackTrace();
          if (st != null) {
            allocated.merge(firstApplicationFrame(st), e.getLong("weight"), Long::sum);
          }
        }
        case "jdk.GarbageCollection" -> {
          gcs++;
          gcPause = gcPause.plus(e.getDuration("sumOfPauses"));
        }
        default -> {
          // not summarised
        }
      }
    }
    System.out.println(
        file
            + ": "
            + samples
            + " CPU samples, "
            + gcs
            + " GCs, "
            + gcPause.toMillis()
            + " ms paused");
    print("top methods by own CPU samples", self, top, samples);
    print(
        "top methods by inclusive CPU samples (the method or something it called)",
        inclusive,
        top,
        samples);
    System.out.println("\nlongest total waits (monitor enter / park), by first non-JDK frame");
    blocked.entrySet().stream()
        .sorted((a, b) -> b.getValue().compareTo(a.getValue()))
        .limit(top)
        .forEach(x -> System.out.printf("  %8d ms  %s%n", x.getValue().toMillis(), x.getKey()));
    System.out.println("\nmost allocation (sampled bytes), by first non-JDK frame");
    allocated.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(top)
        .forEach(x -> System.out.printf("  %8d MB  %s%n", x.getValue() >> 20, x.getKey()));
  }

  private static void print(String title, Map<String, Integer> counts, int top, int samples) {
    System.out.println("\n" + title);
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(top)
        .forEach(
            x ->
                System.out.printf(
                    "  %5.1f%%  %s%n", 100.0 * x.getValue() / Math.max(1, samples), x.getKey()));
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  /** The first frame outside the JDK, so a park shows who waited rather than LockSupport. */
  private static String firstApplicationFrame(RecordedStackTrace st) {
    for (RecordedFrame f : st.getFrames()) {
      String type = f.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return name(f);
      }
    }
    return st.getFrames().isEmpty() ? "?" : name(st.getFrames().get(0));
  }
}
