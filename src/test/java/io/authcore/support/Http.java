package io.authcore.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for API tests: real requests over a real socket to a running server. */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Http(int port) {
    this("localhost", port);
  }

  /** A client whose requests carry {@code host} in the Host header (connection-URI domains). */
  public Http(String host, int port) {
    this.base = "http://" + host + ":" + port;
  }

  /** What came back: status, content type and body, as the original's tests look at them. */
  public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The body without the trailing newline the original adds to every response. */
    public String text() {
      return body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
    }
  }

  public Reply get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  public Reply post(String path, String body, String... headers) {
    return send("POST", path, body, headers);
  }

  public Reply put(String path, String body, String... headers) {
    return send("PUT", path, body, headers);
  }

  public Reply delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  /** Headers as name, value pairs. */
  public Reply send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> flat = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> flat.put(k.toLowerCase(), v.get(0)));
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("content-type").orElse(null),
          response.body(),
          flat);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
