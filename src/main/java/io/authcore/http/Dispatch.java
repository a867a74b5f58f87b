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
  private final SlowLane slowLane;
  private final long bodyTimeoutMs;
  private final HttpHandler next;

  Dispatch(
      RequestContext context,
      Executor slowPool,
      SlowLane slowLane,
      long bodyTimeoutMs,
      HttpHandler next) {
    this.context = context;
    this.slowPool = slowPool;
    this.slowLane = slowLane;
    this.bodyTimeoutMs = bodyTimeoutMs;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!context.allowsPeer(exchange)) {
      // Its body is never read: the connection goes, so a trickled one cannot hold it open.
      exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
      Replies.send(exchange, 403, Replies.TEXT, "Forbidden");
      return;
    }
    if (!exchange.isInIoThread()) {
      next.handleRequest(exchange);
      return;
    }
    boolean inline = context.canRunInline(exchange);
    boolean slow = context.isSlow(exchange);
    Executor pool = slow ? slowPool : exchange.getConnection().getWorker();
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
          } else if (slow) {
            enterSlowLane(ex);
          } else {
            ex.dispatch(pool, next);
          }
        },
        Dispatch::unreadableBody);
  }

  // Admitted once its body is here, so that a client trickling a body holds no place in the lane.
  // Past the lane's limit the request is turned away at once: the SDKs retry a 429
  // (supertokens-node five times, over 2.5 s).
  private void enterSlowLane(HttpServerExchange exchange) {
    if (!slowLane.tryEnter()) {
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
      Replies.send(exchange, 429, Replies.TEXT, "Too many requests: password hashing is saturated");
      return;
    }
    exchange.addExchangeCompleteListener(
        (ex, nextListener) -> {
          slowLane.leave();
          nextListener.proceed();
        });
    exchange.dispatch(slowPool, this::runSlow);
  }

  // A client that left while its request waited for a thread gets no hash spent on it.
  private void runSlow(HttpServerExchange exchange) throws Exception {
    if (!exchange.getConnection().isOpen()) {
      exchange.endExchange();
      return;
    }
    next.handleRequest(exchange);
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
