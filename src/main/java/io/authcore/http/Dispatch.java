package io.authcore.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.concurrent.Executor;
import org.xnio.IoUtils;

/**
 * Leaves the I/O thread, because endpoints block on JDBC and on password hashing. The body is read
 * here first, without blocking, so a worker never waits on the socket. Endpoints registered as slow
 * run on a pool of their own, so a flood of sign-ins waits there while session calls keep the
 * worker pool.
 */
final class Dispatch implements HttpHandler {
  private final RequestContext context;
  private final Executor slowPool;
  private final long bodyTimeoutMs;
  private final HttpHandler next;

  Dispatch(RequestContext context, Executor slowPool, long bodyTimeoutMs, HttpHandler next) {
    this.context = context;
    this.slowPool = slowPool;
    this.bodyTimeoutMs = bodyTimeoutMs;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!context.allowsPeer(exchange)) {
      Replies.send(exchange, 403, Replies.TEXT, "Forbidden");
      return;
    }
    if (!exchange.isInIoThread()) {
      next.handleRequest(exchange);
      return;
    }
    boolean inline = context.canRunInline(exchange);
    Executor pool = context.isSlow(exchange) ? slowPool : exchange.getConnection().getWorker();
    if (inline && exchange.isRequestComplete()) { // no body: a probe, the hottest path of all
      runInline(exchange, pool);
      return;
    }
    BodyReader.read(
        exchange,
        bodyTimeoutMs,
        (ex, body) -> {
          Call.keepBody(ex, body);
          if (inline) {
            runInline(ex, pool);
          } else {
            ex.dispatch(pool, next);
          }
        },
        Dispatch::unreadableBody);
  }

  // An endpoint that finds it must block throws LeaveIoThread before any side effect; it then
  // runs again, from the start, on a worker.
  private void runInline(HttpServerExchange exchange, Executor pool) {
    try {
      next.handleRequest(exchange);
    } catch (Call.LeaveIoThread e) {
      exchange.dispatch(pool, next);
    } catch (Exception e) {
      throw new IllegalStateException(e); // ErrorMapper lets nothing else through
    }
  }

  private static void unreadableBody(HttpServerExchange exchange, IOException e) {
    if (e instanceof RequestTooBigException) {
      exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
      Replies.send(exchange, 413, Replies.TEXT, "Request body too large");
    } else {
      IoUtils.safeClose(exchange.getConnection());
    }
  }

  @Override
  public String toString() {
    return "dispatch()";
  }
}
