package io.authcore.recipe.webauthn;

import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WebAuthn API test on each backend: a server whose clock the test moves, a tenant {@code t1}
 * beside the public one, and the calls a backend SDK makes.
 */
abstract class WebAuthnServerTest extends ServerOnEachBackend {
  static final long START = 1_796_654_426_000L;

  final MutableClock clock = new MutableClock(START);
  WebAuthnCalls calls;

  @Override
  protected Clock clock() {
    return clock;
  }

  @BeforeEach
  void calls() {
    calls = new WebAuthnCalls(http);
    calls.tenant("t1");
  }

  /** An email no other test uses. */
  static String email(String name) {
    return name + "-" + System.nanoTime() + "@example.com";
  }
}
