package io.authcore.http;

import io.authcore.recipe.StatusException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The only writer of error responses. Protocol errors keep their status and text; business outcomes
 * become 200 JSON with their status; anything else is a 500 whose details go to the log, never to
 * the client (they may hold SQL or secrets).
 */
final class ErrorMapper implements HttpHandler {
  private final FailureLog failures = new FailureLog(Clock.systemUTC());
  private final HttpHandler next;

  ErrorMapper(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    try {
      next.handleRequest(exchange);
    } catch (Call.LeaveIoThread e) {
      throw e; // not an error: Dispatch hands the request to a worker
    } catch (HttpError e) {
      if (e.status() == 400 || e.status() == 500) {
        // The original closes the connection after 400 and 500.
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
      }
      Replies.send(exchange, e.status(), Replies.TEXT, e.getMessage());
    } catch (StatusException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", e.status().name());
      body.putAll(e.extras());
      Replies.json(exchange, body);
    } catch (Throwable e) {
      failures.failed(exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
      if (exchange.isResponseStarted()) {
        exchange.endExchange();
        return;
      }
      exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
      Replies.send(exchange, 500, Replies.TEXT, "Internal Error");
    }
  }

  @Override
  public String toString() {
    return "errorMapper()";
  }
}
