package io.authcore.jobs;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back to the system the memory glibc's {@code malloc} keeps once it is freed. The JIT's
 * start-up compilations leave 10–14 MB free in malloc's arenas that an idle server never reuses,
 * and that counts in its resident memory (bench/README.md, idle memory). The JVM has a flag for
 * this only from 17.0.9 on, and an unknown flag stops older JVMs, so the server calls {@code
 * malloc_trim} itself; where there is none (musl, macOS, Windows) there is nothing to trim.
 */
public final class NativeHeap {
  private static final Logger log = LoggerFactory.getLogger(NativeHeap.class);

  private final Function mallocTrim;

  private NativeHeap(Function mallocTrim) {
    this.mallocTrim = mallocTrim;
  }

  /** This process's C library's heap, if it can be trimmed. */
  public static Optional<NativeHeap> ofThisProcess() {
    try {
      return Optional.of(new NativeHeap(NativeLibrary.getInstance("c").getFunction("malloc_trim")));
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      log.debug("no malloc_trim here: {}", e.toString());
      return Optional.empty();
    }
  }

  /** Releases the free memory of every arena; returns whether any was released. */
  public boolean trim() {
    return mallocTrim.invokeInt(new Object[] {0L}) == 1;
  }
}
