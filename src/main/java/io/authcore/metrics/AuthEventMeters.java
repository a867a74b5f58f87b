package io.authcore.metrics;

import io.authcore.events.AuthEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The services' {@link AuthEvents} as counters: {@code authcore_sessions_total{event}}, {@code
 * authcore_sign_ins_total} and {@code authcore_sign_ups_total{recipe,outcome}}, {@code
 * authcore_signing_key_rotations_total}; each by app.
 */
final class AuthEventMeters implements AuthEvents {
  private final MeterRegistry registry;

  AuthEventMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void sessions(String appId, SessionEvent event, int count) {
    if (count > 0) {
      counter("authcore.sessions", "Session events", appId, "event", lower(event.name()))
          .increment(count);
    }
  }

  @Override
  public void signIn(String appId, String recipe, String outcome) {
    counter("authcore.sign.ins", "Sign-in attempts", appId, "recipe", recipe, "outcome", outcome)
        .increment();
  }

  @Override
  public void signUp(String appId, String recipe, String outcome) {
    counter("authcore.sign.ups", "Sign-up attempts", appId, "recipe", recipe, "outcome", outcome)
        .increment();
  }

  @Override
  public void signingKeyRotated(String appId) {
    counter("authcore.signing.key.rotations", "Access-token signing keys made by rotation", appId)
        .increment();
  }

  // Micrometer keeps one counter per name and tags; these events are far rarer than requests.
  private Counter counter(String name, String description, String appId, String... tags) {
    return Counter.builder(name)
        .description(description)
        .tag("app", appId)
        .tags(tags)
        .register(registry);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
