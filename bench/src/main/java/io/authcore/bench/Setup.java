package io.authcore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One request at a time, for what a scenario needs before its load (sessions to verify, users to
 * sign in) and to find out whether an endpoint exists yet.
 */
final class Setup {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  Setup(String host, int port) {
    this.base = "http://" + host + ":" + port;
  }

  record Reply(int status, String body) {
    JsonNode json() {
      return Conversations.parse(body);
    }

    boolean ok() {
      return status == 200 && body.contains("\"status\":\"OK\"");
    }

    String describe() {
      String b = body.strip();
      return "HTTP " + status + " " + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
    }
  }

  Reply post(String path, String json) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("cdi-version", Request.CDI_VERSION)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  Reply get(String path) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .GET()
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  private Reply send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** A new session for {@code userId}; throws with the reply when it is not OK. */
  Conversations.Tokens createSession(String userId) throws IOException {
    Reply r = post(Conversations.SESSION, Conversations.createBody(userId));
    if (!r.ok()) {
      throw new IOException("POST " + Conversations.SESSION + " answered " + r.describe());
    }
    return Conversations.Tokens.of(r.json());
  }

  /** Signs {@code email} up; throws with the reply when it is not OK. */
  String signUp(String email) throws IOException {
    Reply r = post(Conversations.SIGNUP, Conversations.credentials(email));
    if (!r.ok()) {
      throw new IOException("POST " + Conversations.SIGNUP + " answered " + r.describe());
    }
    return r.json().path("user").path("id").asText();
  }
}
