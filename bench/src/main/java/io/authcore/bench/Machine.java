package io.authcore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The machine's load, read from /proc: this machine is shared, so a figure only counts when nobody
 * else was using the CPU while it was measured (toolchain-probe.md §7's quiet gate and top
 * sampling).
 */
final class Machine {
  static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux/x86-64

  private Machine() {}

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The fraction of all CPU time that was idle over {@code millis}. */
  static double idleFraction(long millis) {
    long[] a = cpuTimes();
    Child.sleep(millis);
    long[] b = cpuTimes();
    long total = b[0] - a[0];
    return total <= 0 ? 1.0 : (double) (b[1] - a[1]) / total;
  }

  /**
   * Waits until the machine was at least {@code minIdle} idle over a 2 s window, for at most {@code
   * maxWaitSeconds}; returns the last idle fraction seen.
   */
  static double awaitQuiet(double minIdle, double maxWaitSeconds, Log log) {
    long deadline = System.nanoTime() + (long) (maxWaitSeconds * 1e9);
    double idle = idleFraction(2000);
    boolean said = false;
    while (idle < minIdle && System.nanoTime() < deadline) {
      if (!said) {
        log.line(
            String.format(
                Locale.ROOT,
                "  waiting for a quiet machine (idle %.0f%% < %.0f%%, load %s; busiest: %s)",
                idle * 100,
                minIdle * 100,
                loadAverage(),
                busiest()));
        said = true;
      }
      idle = idleFraction(2000);
    }
    if (idle < minIdle) {
      log.line(
          String.format(
              Locale.ROOT,
              "  machine still busy after %.0f s (idle %.0f%%); measuring anyway, flagged",
              maxWaitSeconds,
              idle * 100));
    }
    return idle;
  }

  /** The processes that used the most CPU over the last second, for a log line. */
  static String busiest() {
    Map<Long, long[]> a = processTimes();
    Child.sleep(1000);
    Map<Long, long[]> b = processTimes();
    StringBuilder out = new StringBuilder();
    b.entrySet().stream()
        .filter(e -> a.containsKey(e.getKey()))
        .map(e -> Map.entry(e.getKey(), e.getValue()[0] - a.get(e.getKey())[0]))
        .filter(e -> e.getValue() > 5)
        .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
        .limit(3)
        .forEach(
            e ->
                out.append(out.length() == 0 ? "" : ", ")
                    .append(command(e.getKey()))
                    .append(' ')
                    .append(e.getValue())
                    .append('%'));
    return out.length() == 0 ? "nobody" : out.toString();
  }

  /** utime + stime of a process in ticks, or -1. */
  static long cpuTicks(long pid) {
    try {
      String stat =
          Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The CPU ticks of no process: what a run without a database server samples. */
  static final LongSupplier NO_TICKS = () -> -1;

  /** CPU ticks of every process {@code which} accepts, summed. */
  static long cpuTicksOf(Predicate<Long> which) {
    return ProcessHandle.allProcesses()
        .mapToLong(ProcessHandle::pid)
        .filter(which::test)
        .map(Machine::cpuTicks)
        .filter(t -> t >= 0)
        .sum();
  }

  static double percentOfCore(long ticks, double seconds) {
    return ticks / TICKS_PER_SECOND / seconds * 100;
  }

  /** {total, idle+iowait} jiffies of all CPUs. */
  private static long[] cpuTimes() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    } catch (IOException e) {
      return new long[] {0, 0};
    }
  }

  /** pid -> {utime+stime ticks} for every process. */
  static Map<Long, long[]> processTimes() {
    Map<Long, long[]> out = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          // After "pid (comm) ": state=f[0], utime=f[11], stime=f[12].
          out.put(
              Long.parseLong(dir.getFileName().toString()),
              new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])});
        } catch (IOException | RuntimeException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      // no /proc: no monitoring
    }
    return out;
  }

  /** The whole command line, arguments separated by spaces; empty if unreadable. */
  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** pid and a short name: for a JVM its main class or jar, else the command line's start. */
  static String command(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
      String[] argv = new String(raw, StandardCharsets.UTF_8).split("\0");
      if (argv.length == 0 || argv[0].isEmpty()) {
        return pid + ":" + Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
      }
      String exe = argv[0].substring(argv[0].lastIndexOf('/') + 1);
      if (exe.equals("java")) {
        List<String> takesValue =
            List.of(
                "-cp",
                "-classpath",
                "--class-path",
                "-p",
                "--module-path",
                "--add-opens",
                "--add-exports",
                "--add-modules");
        for (int i = 1; i < argv.length; i++) {
          String a = argv[i];
          if ((a.equals("-jar") || a.equals("-m") || a.equals("--module")) && i + 1 < argv.length) {
            String main = argv[i + 1];
            return pid + ":java " + a + " " + main.substring(main.lastIndexOf('/') + 1);
          }
          if (takesValue.contains(a)) {
            i++;
          } else if (!a.startsWith("-")) {
            return pid + ":java " + a;
          }
        }
      }
      String cmd = String.join(" ", argv).trim();
      return pid + ":" + (cmd.length() > 60 ? cmd.substring(0, 60) + "…" : cmd);
    } catch (IOException e) {
      return pid + ":?";
    }
  }

  /**
   * Samples every process's CPU every 2 s while a figure is measured, and remembers the busiest
   * process that is not part of the measurement (as {@code top -b -d 2} would show it).
   */
  static final class ForeignMonitor implements AutoCloseable {
    private final Predicate<Long> ours;
    private final Thread thread;
    private final String loadAtStart = loadAverage();
    private volatile boolean stop;
    private volatile double worstPercent;
    private volatile String worst = "";

    /** {@code ours}: pids of the measurement (this JVM's descendants are always ours). */
    ForeignMonitor(Predicate<Long> ours) {
      long self = ProcessHandle.current().pid();
      this.ours =
          pid -> {
            if (pid == self || ours.test(pid)) {
              return true;
            }
            return ProcessHandle.of(pid)
                .flatMap(ProcessHandle::parent)
                .map(p -> isDescendant(p, self))
                .orElse(false);
          };
      thread = new Thread(this::sample, "foreign-cpu");
      thread.setDaemon(true);
      thread.start();
    }

    private static boolean isDescendant(ProcessHandle p, long ancestor) {
      for (ProcessHandle h = p; h != null; h = h.parent().orElse(null)) {
        if (h.pid() == ancestor) {
          return true;
        }
      }
      return false;
    }

    private void sample() {
      Map<Long, long[]> before = processTimes();
      long t0 = System.nanoTime();
      while (true) {
        try {
          Thread.sleep(2000);
        } catch (InterruptedException e) {
          stop = true; // take the last, partial window below
        }
        Map<Long, long[]> now = processTimes();
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        if (seconds >= 0.5) {
          for (Map.Entry<Long, long[]> e : now.entrySet()) {
            long[] old = before.get(e.getKey());
            // A process born during the window spent all its ticks in it.
            long ticks = e.getValue()[0] - (old == null ? 0 : old[0]);
            double percent = ticks / TICKS_PER_SECOND / seconds * 100;
            if (percent > worstPercent && !ours.test(e.getKey())) {
              worstPercent = percent;
              worst = command(e.getKey());
            }
          }
        }
        if (stop) {
          return;
        }
        before = now;
        t0 = t1;
      }
    }

    /** The highest CPU % (of one core) any foreign process used in one 2 s sample. */
    double worstPercent() {
      return worstPercent;
    }

    String worst() {
      return worst;
    }

    String loadAtStart() {
      return loadAtStart;
    }

    @Override
    public void close() {
      stop = true;
      thread.interrupt();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Where progress lines go. */
  interface Log {
    void line(String text);

    /** A progress line on the console, and appended to {@code file} (the run's log). */
    static void toConsoleAnd(Path file, String text) {
      System.out.println(text);
      System.out.flush();
      try {
        Files.writeString(
            file,
            text + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        // the console has it
      }
    }
  }
}
