package io.authcore.recipe.session;

import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

/** A server on each backend with a clock the test moves, and session calls to it. */
abstract class SessionTestBase extends ServerOnEachBackend {
  final MutableClock clock = new MutableClock();
  SessionCalls calls;

  @Override
  protected Clock clock() {
    return clock;
  }

  @BeforeEach
  void client() {
    calls = new SessionCalls(http);
  }
}
