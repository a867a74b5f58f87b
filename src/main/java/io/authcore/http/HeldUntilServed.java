package io.authcore.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * The root handler of a server that listens before it can answer: requests that come early are
 * parked (no thread held) and run, in the order they came, once the real handler is given.
 */
final class HeldUntilServed implements HttpHandler {
  private volatile HttpHandler next;
  private List<HttpServerExchange> waiting = new ArrayList<>();

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HttpHandler ready = next;
    if (ready == null) {
      synchronized (this) {
        ready = next;
        if (ready == null) {
          // Dispatched to nothing: the exchange stays open, off every thread, until served.
          exchange.dispatch(SameThreadExecutor.INSTANCE, () -> park(exchange));
          return;
        }
      }
    }
    ready.handleRequest(exchange);
  }

  private synchronized void park(HttpServerExchange exchange) {
    if (next == null) {
      waiting.add(exchange);
    } else {
      resume(exchange, next);
    }
  }

  void serve(HttpHandler handler) {
    List<HttpServerExchange> parked;
    synchronized (this) {
      if (next != null) {
        throw new IllegalStateException("already serving");
      }
      next = handler;
      parked = waiting;
      waiting = List.of();
    }
    parked.forEach(exchange -> resume(exchange, handler));
  }

  // Back on the exchange's own I/O thread, where the chain expects a request to begin.
  private static void resume(HttpServerExchange exchange, HttpHandler handler) {
    exchange.dispatch(exchange.getIoThread(), handler);
  }
}
