package io.authcore.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own background threads. They are daemons so that they never keep a stopping JVM
 * alive, and named so that a thread dump says whose they are.
 */
public final class Daemons {
  private Daemons() {}

  /** Threads all called {@code name}, for an executor of one thread. */
  public static ThreadFactory named(String name) {
    return task -> daemon(task, name);
  }

  /** Threads called {@code name-1}, {@code name-2}, and so on, for a pool. */
  public static ThreadFactory numbered(String name) {
    AtomicInteger n = new AtomicInteger();
    return task -> daemon(task, name + "-" + n.incrementAndGet());
  }

  /** Starts {@code task} on a thread of its own. */
  public static Thread start(String name, Runnable task) {
    Thread thread = daemon(task, name);
    thread.start();
    return thread;
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
