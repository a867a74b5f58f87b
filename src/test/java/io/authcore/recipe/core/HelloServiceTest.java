package io.authcore.recipe.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.CoreConfig;
import io.authcore.storage.Storage;
import io.authcore.storage.jdbc.JdbcStorage;
import io.authcore.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An answer is fresh for 200 ms after a real check, and only then may it skip the database. */
class HelloServiceTest {
  @Test
  void answersAreFreshForTwoHundredMillisecondsAfterARealCheck() {
    MutableClock clock = new MutableClock();
    try (Storage storage = JdbcStorage.open(CoreConfig.defaults())) {
      HelloService hello = new HelloService(storage, clock);
      assertFalse(hello.hasFreshAnswer(), "nothing checked yet");
      assertTrue(hello.databaseAnswers());
      assertTrue(hello.hasFreshAnswer());
      assertTrue(hello.lastAnswer());
      clock.advance(Duration.ofMillis(199));
      assertTrue(hello.hasFreshAnswer());
      clock.advance(Duration.ofMillis(1));
      assertFalse(hello.hasFreshAnswer(), "stale: the next probe checks again");
    }
  }
}
