package io.authcore;

import io.authcore.config.CoreConfig;
import io.authcore.http.Api;
import io.authcore.http.HttpServer;
import io.authcore.recipe.core.ApiVersionApi;
import io.authcore.recipe.core.ConfigApi;
import io.authcore.recipe.core.HelloApi;
import io.authcore.recipe.core.HelloService;
import io.authcore.storage.Storage;
import io.authcore.storage.StoredTenants;
import io.authcore.storage.jdbc.JdbcStorage;
import io.authcore.tenancy.Tenants;
import java.time.Clock;
import java.util.List;

/** The composition root: config, then storage, then services, then their APIs, then the server. */
public final class Authcore implements AutoCloseable {
  private final Storage storage;
  private final HttpServer server;

  private Authcore(Storage storage, HttpServer server) {
    this.storage = storage;
    this.server = server;
  }

  public static Authcore start(CoreConfig config) {
    return start(config, Clock.systemUTC());
  }

  public static Authcore start(CoreConfig config, Clock clock) {
    Storage storage = JdbcStorage.open(config);
    try {
      Tenants tenants = new StoredTenants(storage.tenants(), clock);
      List<Api> apis =
          List.of(
              new HelloApi(new HelloService(storage, clock), tenants),
              new ApiVersionApi(),
              new ConfigApi(config));
      return new Authcore(storage, HttpServer.start(config, tenants, apis));
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /** The bound port, which differs from the configured one when that was 0. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    storage.close();
  }
}
