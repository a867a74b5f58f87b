package io.authcore.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;

/**
 * The /hello ceiling: a bare Undertow server, in a JVM of its own with the server's flags, that
 * answers "Hello" to any request. {@code io}: the handler runs on the I/O thread (the fastest
 * Undertow can answer); {@code worker}: it is dispatched to a worker pool of the server's default
 * size first, as a handler that may block must be.
 */
final class BareUndertow {
  private BareUndertow() {}

  static void main(Options options) throws InterruptedException {
    int port = options.integer("port", 0);
    String mode = options.string("mode", "io");
    HttpHandler hello =
        exchange -> {
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
          exchange.getResponseSender().send("Hello");
        };
    Undertow.Builder builder = Undertow.builder().addHttpListener(port, "127.0.0.1");
    if (mode.equals("worker")) {
      builder.setWorkerThreads(10).setHandler(new BlockingHandler(hello));
    } else {
      builder.setHandler(hello);
    }
    Undertow undertow = builder.build();
    undertow.start();
    int bound = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    System.out.println("READY " + bound);
    System.out.flush();
    Thread.currentThread().join();
  }
}
