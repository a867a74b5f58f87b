package io.authcore.support;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An API test class that runs twice, once per storage backend, against one real server on a fresh
 * database of that backend. Subclasses choose the server's config overrides and clock.
 */
@ParameterizedClass
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerOnEachBackend {
  @Parameter protected Backend backend;
  protected TestServer server;
  protected Http http;

  /** Config overrides for this class's server. */
  protected Map<String, String> overrides() {
    return Map.of();
  }

  /** Whether the server starts with the {@code test_mode} argument. */
  protected boolean testMode() {
    return false;
  }

  /** Environment variables the server reads besides its config (none by default). */
  protected Map<String, String> environment() {
    return Map.of();
  }

  /** The clock the server reads. */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  // Per class invocation: a @BeforeAll would run once, before the backend is injected.
  @BeforeParameterizedClassInvocation
  void startServer(Backend backend) {
    server = TestServer.start(backend, overrides(), clock(), testMode(), environment());
    http = server.http();
  }

  @AfterParameterizedClassInvocation
  void stopServer() {
    server.close();
  }
}
