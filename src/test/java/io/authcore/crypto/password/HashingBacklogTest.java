package io.authcore.crypto.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HashingBacklogTest {
  @Test
  void theLimitIsWhatTheMaximumWaitHoldsAtRecentHashTimes() {
    HashingBacklog backlog = new HashingBacklog();
    assertEquals(50, backlog.limit(Duration.ofSeconds(5), 2), "100 ms a hash until measured");

    backlog.record(100_000_000, 2); // bcrypt at cost 11 on two threads: 50 ms per request
    assertEquals(100, backlog.limit(Duration.ofSeconds(5), 2));

    for (int i = 0; i < 50; i++) {
      backlog.record(1_500_000_000, 1); // argon2 at its bound, one thread
    }
    assertEquals(3, backlog.limit(Duration.ofSeconds(5), 2), "follows what hashes cost now");
    assertEquals(2, backlog.limit(Duration.ofMillis(1), 2), "never fewer than can hash at once");
  }
}
