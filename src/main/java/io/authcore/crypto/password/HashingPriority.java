package io.authcore.crypto.password;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.authcore.threads.Daemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How password hashing and session calls share the CPU, on Linux, in three levels:
 *
 * <ol>
 *   <li>a sign-in's hash while there is no flood of them: the default priority (nice 0), so that on
 *       a server busy with session calls it gets a larger share than any one of them and finishes
 *       in a few times its own length, as on the original (bench/run busy);
 *   <li>the threads that serve requests: nice {@value #SESSION_NICE}, which the server sets for
 *       them itself ({@link #lowerSessionThread}; the I/O threads stay at 0);
 *   <li>the hashes of a flood: {@code SCHED_IDLE}, so any other thread that wakes takes their CPU
 *       at once. At a nice level they kept the CPU for the rest of their time slice (the kernel
 *       protects a running thread's slice, up to a few milliseconds), so during a sign-in flood
 *       every wake-up of an I/O thread, a worker or the GC's VM thread waited that long. {@code
 *       SCHED_IDLE} alone would let session calls that fill every core starve them indefinitely, so
 *       a hash still unfinished after a second is raised to nice {@value #BACKGROUND_NICE} ({@link
 *       #raise}), and the next hash starts idle again.
 * </ol>
 *
 * <p>Raising a thread out of {@code SCHED_IDLE} needs {@code CAP_SYS_NICE} (root, but not root in a
 * default container). Where a probe finds that missing, flood hashes run at nice {@value
 * #BACKGROUND_NICE}, which any thread may set for itself; where Linux or JNA is missing, at {@code
 * Thread.MIN_PRIORITY} alone, and nothing else changes.
 */
final class HashingPriority {
  enum Mode {
    /** {@code SCHED_IDLE}, raised to nice {@value #BACKGROUND_NICE} when a hash takes too long. */
    IDLE,
    /** nice {@value #BACKGROUND_NICE}, never raised. */
    NICE,
    /**
     * Only {@code Thread.MIN_PRIORITY}, which the JVM maps to nice 10 with the launcher's flags.
     */
    NONE
  }

  private static final Logger LOG = LoggerFactory.getLogger(HashingPriority.class);
  private static final int SCHED_OTHER = 0;
  private static final int SCHED_IDLE = 5;
  private static final int PRIO_PROCESS = 0;

  /** Where flood hashes go when they cannot go idle, and where an idle one is raised to. */
  static final int BACKGROUND_NICE = 15;

  /** Below a sign-in's hash (0), well above a flood's (15: a ninth of the weight). */
  static final int SESSION_NICE = 5;

  private static volatile HashingPriority system;

  private final LibC libc;
  private final Mode mode;

  private HashingPriority(LibC libc, Mode mode) {
    this.libc = libc;
    this.mode = mode;
  }

  /** What this process may do, probed once on a throwaway thread. */
  static HashingPriority system() {
    HashingPriority found = system;
    if (found == null) {
      synchronized (HashingPriority.class) {
        found = system;
        if (found == null) {
          found = probe();
          LOG.info("password hashing threads run {}", found.describe());
          system = found;
        }
      }
    }
    return found;
  }

  Mode mode() {
    return mode;
  }

  /** Puts hashing thread {@code tid} at its lowest setting, before every hash. */
  void lower(int tid) {
    if (mode == Mode.NONE) {
      return;
    }
    try {
      libc.setpriority(PRIO_PROCESS, tid, BACKGROUND_NICE);
      if (mode == Mode.IDLE) {
        libc.sched_setscheduler(tid, SCHED_IDLE, new int[] {0});
      }
    } catch (RuntimeException e) { // a hash never fails for want of a lower priority
      LOG.debug("could not lower hashing thread {}", tid, e);
    }
  }

  /**
   * Puts the calling thread, one that serves requests, at nice {@value #SESSION_NICE}: below a
   * sign-in's hash, above a flood's.
   */
  void lowerSessionThread() {
    if (mode == Mode.NONE) {
      return;
    }
    try {
      libc.setpriority(PRIO_PROCESS, currentTid(), SESSION_NICE);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not lower a request thread", e);
    }
  }

  /**
   * Lets the hashing thread {@code tid} compete at nice {@value #BACKGROUND_NICE} until its next
   * {@link #lower}.
   */
  void raise(int tid) {
    if (mode != Mode.IDLE) {
      return;
    }
    try {
      libc.sched_setscheduler(tid, SCHED_OTHER, new int[] {0});
    } catch (RuntimeException e) {
      LOG.debug("could not raise hashing thread {}", tid, e);
    }
  }

  /** The calling thread's kernel id, for {@link #lower} and {@link #raise}. */
  static int currentTid() throws IOException {
    // "<pid>/task/<tid>", resolved by the kernel for the thread that reads it
    String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
    return Integer.parseInt(self.substring(self.lastIndexOf('/') + 1));
  }

  private String describe() {
    switch (mode) {
      case IDLE:
        return "at nice 0 one by one, under SCHED_IDLE in a flood (raised to nice "
            + BACKGROUND_NICE
            + " when a hash takes over a second); request threads at nice "
            + SESSION_NICE;
      case NICE:
        return "at nice 0 one by one, at nice "
            + BACKGROUND_NICE
            + " in a flood (SCHED_IDLE needs CAP_SYS_NICE); request threads at nice "
            + SESSION_NICE;
      default:
        return "at Thread.MIN_PRIORITY (no Linux scheduler calls here)";
    }
  }

  private static HashingPriority probe() {
    if (!Platform.isLinux()) {
      return new HashingPriority(null, Mode.NONE);
    }
    LibC libc;
    try {
      libc = Native.load("c", LibC.class);
    } catch (LinkageError e) {
      LOG.debug("libc is not reachable through JNA", e);
      return new HashingPriority(null, Mode.NONE);
    }
    // On a thread of its own: one that went idle and could not come back must not be kept.
    AtomicReference<Mode> found = new AtomicReference<>(Mode.NONE);
    Thread probe =
        Daemons.start(
            "authcore-hash-probe",
            () -> {
              try {
                int tid = currentTid();
                libc.setpriority(PRIO_PROCESS, tid, BACKGROUND_NICE);
                found.set(Mode.NICE);
                libc.sched_setscheduler(tid, SCHED_IDLE, new int[] {0});
                libc.sched_setscheduler(tid, SCHED_OTHER, new int[] {0});
                found.set(Mode.IDLE);
              } catch (IOException | RuntimeException e) {
                LOG.debug("hashing priority probe stopped at {}", found.get(), e);
              }
            });
    try {
      probe.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HashingPriority(null, Mode.NONE);
    }
    return new HashingPriority(libc, found.get());
  }

  /** The three libc calls this needs; errors come back as {@link LastErrorException}. */
  interface LibC extends Library {
    int setpriority(int which, int who, int prio) throws LastErrorException;

    int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;
  }
}
