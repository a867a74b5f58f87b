package io.authcore.http;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * A second, bare listener that answers {@code GET <path>} with one text document and everything
 * else with 404, without api key, tenants or CDI version: for a metrics scraper inside the cluster,
 * on a port that is not published. Its own small server, so that the main pipeline carries no check
 * of which port a request came in on.
 */
public final class ScrapeListener {
  private final Undertow undertow;

  private ScrapeListener(Undertow undertow) {
    this.undertow = undertow;
  }

  /** Binds {@code host:port} (port 0 picks a free one) and starts serving. */
  public static ScrapeListener start(
      String host, int port, String path, String contentType, Supplier<String> document) {
    Undertow undertow =
        Undertow.builder()
            .addHttpListener(port, host)
            .setIoThreads(1)
            .setWorkerThreads(1)
            .setHandler(
                exchange -> {
                  if (!exchange.getRequestPath().equals(path)
                      || !exchange.getRequestMethod().equals(Methods.GET)) {
                    Replies.send(exchange, 404, Replies.TEXT, "Not found");
                    return;
                  }
                  if (exchange.isInIoThread()) { // the document takes a moment to write
                    exchange.dispatch(ex -> serve(ex, contentType, document));
                    return;
                  }
                  serve(exchange, contentType, document);
                })
            .build();
    undertow.start();
    return new ScrapeListener(undertow);
  }

  private static void serve(
      HttpServerExchange exchange, String contentType, Supplier<String> document) {
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    Replies.send(exchange, 200, contentType, document.get());
  }

  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  public void stop() {
    undertow.stop();
  }
}
