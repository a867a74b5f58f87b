package io.authcore.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.authcore.support.MutableClock;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailureLogTest {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapper.class);
  private final MutableClock clock = new MutableClock();
  private final FailureLog failures = new FailureLog(clock);

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  static RuntimeException outage(int n) {
    return new IllegalStateException("request " + n, new SQLException("refused " + n, "08001"));
  }

  List<String> messages() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aRepeatedFailureIsLoggedOncePerQuietPeriodWithACountOfTheRest() {
    for (int i = 0; i < 1000; i++) {
      failures.failed("POST /recipe/session", outage(i));
    }
    assertEquals(List.of("POST /recipe/session failed"), messages());
    assertEquals("request 0", logs.list.get(0).getThrowableProxy().getMessage());

    clock.advance(Duration.ofMillis(FailureLog.QUIET_MS));
    failures.failed("GET /hello", outage(1000));
    assertEquals(
        "GET /hello failed (999 more failures like this one were not logged)", messages().get(1));
  }

  @Test
  void differentFailuresAreEachLogged() {
    failures.failed("A", outage(1));
    failures.failed("B", new IllegalStateException("no cause"));
    failures.failed("C", new IllegalArgumentException("another kind"));
    assertEquals(List.of("A failed", "B failed", "C failed"), messages());
  }
}
