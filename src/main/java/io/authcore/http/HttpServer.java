package io.authcore.http;

import io.authcore.config.CoreConfig;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.net.InetSocketAddress;
import java.util.List;

/** The Undertow server and its root handler chain. */
public final class HttpServer {
  private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  private final Undertow undertow;

  private HttpServer(Undertow undertow) {
    this.undertow = undertow;
  }

  /** Binds {@code host:port} from the config (port 0 picks a free one) and starts serving. */
  public static HttpServer start(CoreConfig config, Tenants tenants, List<? extends Api> apis) {
    return start(config, tenants, TenantConfigs.fixed(config), apis);
  }

  /**
   * As above, with each app's own settings (api keys, CDI bounds) read from {@code configs} on
   * every request.
   */
  public static HttpServer start(
      CoreConfig config, Tenants tenants, TenantConfigs configs, List<? extends Api> apis) {
    Undertow undertow =
        Undertow.builder()
            .addHttpListener(config.port(), config.host())
            .setWorkerThreads(config.integer("max_server_pool_size"))
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_BODY_BYTES)
            .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
            .setHandler(rootHandler(config, tenants, configs, Router.of(apis)))
            .build();
    undertow.start();
    return new HttpServer(undertow);
  }

  static HttpHandler rootHandler(
      CoreConfig config, Tenants tenants, TenantConfigs configs, Router router) {
    return new BlockingHandler( // leave the I/O thread: endpoints block on JDBC and hashing
        new ErrorMapper( // the one place that turns exceptions into the original's responses
            new RequestContext(config, tenants, configs, router))); // prefix, key, cdi, scope
  }

  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  public void stop() {
    undertow.stop();
  }
}
