package io.authcore.storage.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntPredicate;

/** {@code GET /hello} over a real socket. */
final class Hello {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Hello() {}

  static int status(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hello"))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Asks until the answer matches or {@code limit} has passed; returns the last status. /hello
   * checks the database at most five times in a burst, then once per 200 ms, so each ask may repeat
   * the previous answer.
   */
  static int awaitStatus(int port, IntPredicate expected, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    int status;
    do {
      status = status(port);
      if (expected.test(status)) {
        return status;
      }
      pauseBriefly();
    } while (System.nanoTime() < deadline);
    return status;
  }

  private static void pauseBriefly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
