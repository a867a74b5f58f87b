package io.authcore.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/** Writes bodies the way the original does: a fixed content type and a trailing newline. */
final class Replies {
  static final String JSON = "application/json; charset=UTF-8";
  static final String TEXT = "text/html; charset=UTF-8";

  private Replies() {}

  static void send(HttpServerExchange exchange, int status, String contentType, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    exchange.getResponseSender().send(body + "\n", StandardCharsets.UTF_8);
  }

  static void json(HttpServerExchange exchange, Object value) {
    send(exchange, 200, JSON, Json.write(value));
  }

  static void text(HttpServerExchange exchange, String text) {
    send(exchange, 200, TEXT, text);
  }
}
