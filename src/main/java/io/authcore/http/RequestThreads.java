package io.authcore.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Runs {@link Scheduling#onRequestThread} once on each thread that serves requests off I/O. */
final class RequestThreads implements HttpHandler {
  // Per handler, so that two servers in one JVM (tests) each set up their own threads.
  private final ThreadLocal<Boolean> prepared = new ThreadLocal<>();
  private final Runnable onRequestThread;
  private final HttpHandler next;

  RequestThreads(Runnable onRequestThread, HttpHandler next) {
    this.onRequestThread = onRequestThread;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (prepared.get() == null && !exchange.isInIoThread()) {
      prepared.set(Boolean.TRUE);
      onRequestThread.run();
    }
    next.handleRequest(exchange);
  }
}
