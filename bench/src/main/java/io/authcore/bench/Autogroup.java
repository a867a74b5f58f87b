package io.authcore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's autogroup switch. With it on, every session is scheduled as a group of its own, and
 * PostgreSQL (a daemon in its own session) competes with the server's group as a whole: a sign-in
 * flood's hashing threads, idle-priority inside the server, keep that group runnable, and each
 * PostgreSQL wake-up can wait out the group's time slice. {@code --autogroup=off} turns it off for
 * the run (root only) and back on at the end, also on Ctrl-C.
 */
final class Autogroup {
  static final Path SWITCH = Path.of("/proc/sys/kernel/sched_autogroup_enabled");

  private final String before;
  private final boolean changed;

  private Autogroup(String before, boolean changed) {
    this.before = before;
    this.changed = changed;
  }

  /** "1", "0", or "absent" where the kernel has no such switch. */
  static String state() {
    try {
      return Files.readString(SWITCH).trim();
    } catch (IOException e) {
      return "absent";
    }
  }

  /** {@code mode} "keep" leaves the switch alone; "off" writes 0 until {@link #restore}. */
  static Autogroup forRun(String mode, Machine.Log log) throws IOException {
    if (!mode.equals("keep") && !mode.equals("off")) {
      throw new IllegalArgumentException("--autogroup is keep or off, not " + mode);
    }
    String before = state();
    if (mode.equals("keep") || !before.equals("1")) {
      return new Autogroup(before, false);
    }
    Files.writeString(SWITCH, "0");
    Autogroup run = new Autogroup(before, true);
    Runtime.getRuntime().addShutdownHook(new Thread(run::restore, "autogroup-restore"));
    log.line("  autogroup turned off for this run (" + SWITCH + " was " + before + ")");
    return run;
  }

  /** What the run's header records: the switch as found, and what the run did with it. */
  String describe() {
    return changed ? before + ", off for the run" : before;
  }

  void restore() {
    if (!changed || state().equals(before)) {
      return;
    }
    try {
      Files.writeString(SWITCH, before);
    } catch (IOException e) {
      System.err.println("could not restore " + SWITCH + " to " + before + ": " + e.getMessage());
    }
  }
}
