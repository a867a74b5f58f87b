package io.authcore.recipe.core;

import io.authcore.storage.Storage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers whether the database is reachable, for liveness and readiness probes. A probe flood must
 * not become a database flood, so real checks are limited by a token bucket (5, refilled one per
 * 200 ms, as the original) and the last answer is reused in between.
 */
public final class HelloService {
  private static final Logger log = LoggerFactory.getLogger(HelloService.class);
  private static final int BURST = 5;
  private static final long REFILL_MS = 200;

  private final Storage storage;
  private final Clock clock;
  private double tokens = BURST;
  private long lastRefill;
  private static final long FRESH_MS = 200;

  private volatile boolean lastHealthy = true;
  private volatile long freshUntil; // no answer is fresh before the first check

  public HelloService(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
    this.lastRefill = clock.millis();
  }

  public boolean databaseAnswers() {
    if (!takeToken()) {
      return lastHealthy;
    }
    boolean healthy;
    try {
      storage.ping();
      healthy = true;
    } catch (RuntimeException e) {
      healthy = false;
    }
    if (healthy != lastHealthy) {
      if (healthy) {
        log.info("the database answers again");
      } else {
        log.warn("the database does not answer: /hello answers 500 until it does");
      }
    }
    lastHealthy = healthy;
    freshUntil = clock.millis() + FRESH_MS;
    return healthy;
  }

  /** True when a real check happened within the last 200 ms: its answer needs no database. */
  public boolean hasFreshAnswer() {
    return clock.millis() < freshUntil;
  }

  /** The last answer, without touching the database. */
  public boolean lastAnswer() {
    return lastHealthy;
  }

  private synchronized boolean takeToken() {
    long now = clock.millis();
    tokens = Math.min(BURST, tokens + (now - lastRefill) / (double) REFILL_MS);
    lastRefill = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
