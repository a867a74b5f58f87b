package io.authcore.http;

import io.authcore.config.CoreConfig;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import io.authcore.threads.Daemons;
import io.authcore.tracing.Tracing;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The Undertow server and its root handler chain. */
public final class HttpServer {
  private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  private final CoreConfig config;
  private final Undertow undertow;
  private final ExecutorService slowPool;
  private final HeldUntilServed held;

  private HttpServer(
      CoreConfig config, Undertow undertow, ExecutorService slowPool, HeldUntilServed held) {
    this.config = config;
    this.undertow = undertow;
    this.slowPool = slowPool;
    this.held = held;
  }

  /** Binds {@code host:port} from the config (port 0 picks a free one) and starts serving. */
  public static HttpServer start(CoreConfig config, Tenants tenants, List<? extends Api> apis) {
    return start(config, tenants, TenantConfigs.fixed(config), apis, Scheduling.NONE);
  }

  /**
   * As above, with each app's own settings (api keys, CDI bounds) read from {@code configs} on
   * every request, and the owner's {@link Scheduling}.
   */
  public static HttpServer start(
      CoreConfig config,
      Tenants tenants,
      TenantConfigs configs,
      List<? extends Api> apis,
      Scheduling scheduling) {
    return start(config, tenants, configs, apis, scheduling, Tracing.OFF);
  }

  /** As above, with each request's server span made by {@code tracing}. */
  public static HttpServer start(
      CoreConfig config,
      Tenants tenants,
      TenantConfigs configs,
      List<? extends Api> apis,
      Scheduling scheduling,
      Tracing tracing) {
    return bind(config).serve(tenants, configs, apis, scheduling, tracing);
  }

  /**
   * Binds {@code host:port} and starts the I/O threads now, while the caller still opens its
   * storage and makes its services (start-up time, issue 23); a request that comes before {@link
   * #serve} waits for it, as it would for a slow answer, and is never answered by a half-made
   * server.
   */
  public static HttpServer bind(CoreConfig config) {
    int workers = config.integer("max_server_pool_size");
    ExecutorService slowPool =
        Executors.newFixedThreadPool(workers, Daemons.named("authcore-slow"));
    HeldUntilServed held = new HeldUntilServed();
    Undertow undertow =
        Connections.limit(Undertow.builder(), config)
            .addHttpListener(config.port(), config.host())
            .setWorkerThreads(workers)
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_BODY_BYTES)
            .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
            // The arrival time, for observers that time requests (from before the server was
            // served, for a request held until then); a clock read per request, whoever listens.
            .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, true)
            .setHandler(held)
            .build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      slowPool.shutdownNow();
      throw e;
    }
    return new HttpServer(config, undertow, slowPool, held);
  }

  /** Starts answering with {@code apis}, each request's server span made by {@code tracing}. */
  public HttpServer serve(
      Tenants tenants,
      TenantConfigs configs,
      List<? extends Api> apis,
      Scheduling scheduling,
      Tracing tracing) {
    held.serve(
        rootHandler(config, tenants, configs, Router.of(apis), slowPool, scheduling, tracing));
    return this;
  }

  static HttpHandler rootHandler(
      CoreConfig config,
      Tenants tenants,
      TenantConfigs configs,
      Router router,
      Executor slowPool,
      Scheduling scheduling,
      Tracing tracing) {
    RequestContext context = new RequestContext(config, tenants, configs, router);
    // Request id, MDC, server span and access log line, on every thread the request runs on.
    RequestTelemetry telemetry = new RequestTelemetry(context, tracing, config.bool("access_log"));
    return telemetry.first(
        new Dispatch( // leave the I/O thread; slow endpoints get a pool of their own
            context,
            slowPool,
            new SlowLane(scheduling.slowLimit()),
            Connections.readTimeoutMs(config),
            new RequestThreads( // each worker's one-off set-up
                scheduling.onRequestThread(),
                telemetry.onWorker(
                    new ErrorMapper( // the one place that turns exceptions into responses
                        context))))); // prefix, api key, cdi-version, scope, then the endpoint
  }

  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  public void stop() {
    undertow.stop();
    slowPool.shutdownNow();
  }
}
