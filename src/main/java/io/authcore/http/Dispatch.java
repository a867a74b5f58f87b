package io.authcore.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.Executor;

/**
 * Leaves the I/O thread, because endpoints block on JDBC and on password hashing. Endpoints
 * registered as slow run on a pool of their own, so a flood of sign-ins waits there while session
 * calls keep the worker pool.
 */
final class Dispatch implements HttpHandler {
  private final RequestContext context;
  private final Executor slowPool;
  private final HttpHandler next;

  Dispatch(RequestContext context, Executor slowPool, HttpHandler next) {
    this.context = context;
    this.slowPool = slowPool;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!exchange.isInIoThread() || context.canRunInline(exchange)) {
      next.handleRequest(exchange);
      return;
    }
    exchange.startBlocking();
    if (context.isSlow(exchange)) {
      exchange.dispatch(slowPool, next);
    } else {
      exchange.dispatch(next);
    }
  }

  @Override
  public String toString() {
    return "dispatch()";
  }
}
