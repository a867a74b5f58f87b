package io.authcore.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes bodies the way the original does: a fixed content type and a trailing newline. */
final class Replies {
  static final String JSON = "application/json;charset=UTF-8";
  static final String TEXT = "text/html;charset=UTF-8";

  private Replies() {}

  /**
   * A worker hands the write to the connection's I/O thread, so that the exchange also ends there.
   * Ended on a worker, Undertow re-arms the connection's reads from that worker, and the I/O
   * thread, woken by the client's next request, spins until the worker has finished doing so: on
   * two busy cores that cost as much CPU as the requests themselves.
   */
  static void send(HttpServerExchange exchange, int status, String contentType, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    ByteBuffer bytes = ByteBuffer.wrap((body + "\n").getBytes(StandardCharsets.UTF_8));
    if (exchange.isInIoThread()) {
      exchange.getResponseSender().send(bytes);
    } else {
      exchange.dispatch(exchange.getIoThread(), ex -> ex.getResponseSender().send(bytes));
    }
  }

  static void json(HttpServerExchange exchange, Object value) {
    send(exchange, 200, JSON, Json.write(value));
  }

  static void text(HttpServerExchange exchange, String text) {
    send(exchange, 200, TEXT, text);
  }
}
