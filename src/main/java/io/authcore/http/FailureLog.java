package io.authcore.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs unexpected failures with their stack trace, but each kind of failure (the classes along its
 * cause chain) at most once per {@link #QUIET_MS}, with a count of the ones left out. During a
 * database outage every request fails the same way; thousands of identical stack traces a second
 * would bury everything else and cost more than the requests.
 */
final class FailureLog {
  static final long QUIET_MS = 10_000;
  private static final long NEVER = -1;
  // ErrorMapper's logger, under which operators have always found a request's failures.
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private final Clock clock;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

  private static final class Kind {
    final AtomicLong loggedAt = new AtomicLong(NEVER);
    final AtomicLong leftOut = new AtomicLong();
  }

  FailureLog(Clock clock) {
    this.clock = clock;
  }

  void failed(String request, Throwable failure) {
    Kind kind = kinds.computeIfAbsent(kindOf(failure), k -> new Kind());
    long now = clock.millis();
    long last = kind.loggedAt.get();
    boolean quiet = last != NEVER && now >= last && now - last < QUIET_MS; // a clock set back logs
    if (quiet || !kind.loggedAt.compareAndSet(last, now)) {
      kind.leftOut.incrementAndGet();
      return;
    }
    long similar = kind.leftOut.getAndSet(0);
    if (similar == 0) {
      log.error("{} failed", request, failure);
    } else {
      log.error(
          "{} failed ({} more failures like this one were not logged)", request, similar, failure);
    }
  }

  private static String kindOf(Throwable failure) {
    StringBuilder kind = new StringBuilder();
    for (Throwable t = failure; t != null && kind.length() < 1000; t = t.getCause()) {
      kind.append(t.getClass().getName()).append('<');
    }
    return kind.toString();
  }
}
