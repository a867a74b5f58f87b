package io.authcore.support;

import io.authcore.Authcore;
import io.authcore.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;

/** The whole server on a free port, with config overrides, and a client pointed at it. */
public final class TestServer implements AutoCloseable {
  private final Authcore core;
  private final Http http;

  private TestServer(Authcore core) {
    this.core = core;
    this.http = new Http(core.port());
  }

  public static TestServer start(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(overrides);
    all.putIfAbsent("port", "0");
    all.putIfAbsent("host", "localhost");
    return new TestServer(Authcore.start(ConfigLoader.load(null, Map.of(), all, false)));
  }

  public Http http() {
    return http;
  }

  public int port() {
    return core.port();
  }

  @Override
  public void close() {
    core.close();
  }
}
