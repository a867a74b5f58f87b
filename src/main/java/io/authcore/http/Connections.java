package io.authcore.http;

import com.sun.management.UnixOperatingSystemMXBean;
import io.authcore.config.CoreConfig;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * What a client may hold of the server: an idle connection is closed after {@code
 * webserver_idle_timeout_ms} (also before its first request), a request's headers must arrive
 * within {@code webserver_request_read_timeout_ms} (its body gets as long again, see {@link
 * BodyReader}), and at most {@link #cap} connections are open at once. Past the cap the server
 * stops accepting until some close, so a flood of idle sockets can neither exhaust the process's
 * file descriptors nor its heap; the timeouts make sure they do close.
 */
final class Connections {
  private static final Logger log = LoggerFactory.getLogger(Connections.class);

  /** Descriptors kept for everything else: database connections, logs, jars, key files. */
  private static final int MIN_RESERVED_DESCRIPTORS = 256;

  /**
   * Heap per open connection allowed for in the automatic cap. An idle one was measured at about
   * 1.2 KB (10,000 idle connections added 12 MB); the rest is room for those that are busy.
   */
  private static final long HEAP_BYTES_PER_CONNECTION = 8 * 1024;

  private Connections() {}

  static Undertow.Builder limit(Undertow.Builder builder, CoreConfig config) {
    int idleMs = millis(config, "webserver_idle_timeout_ms");
    int readMs = readTimeoutMs(config);
    int cap = cap(config);
    log.info("Accepting at most {} connections at once", cap);
    return builder
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, idleMs)
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, readMs)
        // A client that stops reading its responses is dropped as if it were idle.
        .setSocketOption(Options.WRITE_TIMEOUT, idleMs)
        .setSocketOption(Options.CONNECTION_HIGH_WATER, cap)
        .setSocketOption(Options.CONNECTION_LOW_WATER, Math.max(1, cap - cap / 10));
  }

  static int readTimeoutMs(CoreConfig config) {
    return millis(config, "webserver_request_read_timeout_ms");
  }

  // Undertow and XNIO take their timeouts as ints.
  private static int millis(CoreConfig config, String key) {
    return (int) Math.min(Integer.MAX_VALUE, config.longValue(key));
  }

  /** {@code webserver_max_connections}, or when it is 0 what the descriptors and heap allow. */
  static int cap(CoreConfig config) {
    int configured = config.integer("webserver_max_connections");
    if (configured > 0) {
      return configured;
    }
    long byHeap = Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_CONNECTION;
    return (int) Math.max(1, Math.min(byHeap, byDescriptors(descriptorLimit())));
  }

  static long byDescriptors(long limit) {
    return limit - Math.max(Math.min(MIN_RESERVED_DESCRIPTORS, limit / 2), limit / 10);
  }

  private static long descriptorLimit() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
      return unix.getMaxFileDescriptorCount();
    }
    return 10_000; // Windows has no such per-process limit worth reading
  }
}
