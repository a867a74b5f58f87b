package io.authcore.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16's sign-in burst: {@code count} users press "sign in" (with a wrong password) at the same
 * moment, each through a client that retries HTTP 429 as supertokens-node does (after 10, 260, 510,
 * 760 and 1010 ms, then gives up). Each sign-in's time is from its first send to its final answer,
 * whatever that is; an answer other than 200 is an error, by its last status.
 */
final class Burst {
  static final long[] SDK_RETRY_DELAYS_MS = {10, 260, 510, 760, 1010};

  private Burst() {}

  static LoadResult run(String host, String email, int count) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    String body =
        Conversations.json(Map.of("email", email, "password", Conversations.PASSWORD + "-wrong"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + host + Conversations.SIGNIN))
            .header("cdi-version", Request.CDI_VERSION)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofMinutes(10))
            .build();
    Map<String, Integer> reasons = new ConcurrentHashMap<>();
    List<CompletableFuture<Long>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      all.add(signIn(client, request, 0, start, reasons));
    }
    LongList latencies = new LongList();
    for (CompletableFuture<Long> f : all) {
      latencies.add(f.get(10, TimeUnit.MINUTES));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long errors = reasons.values().stream().mapToLong(Integer::longValue).sum();
    LoadResult.Figures figures =
        LoadResult.Figures.of(
            (count - errors) / seconds, count, errors, 0, latencies, new LinkedHashMap<>(reasons));
    return LoadResult.of(seconds, Map.of("signin", figures), -1, -1, -1);
  }

  private static CompletableFuture<Long> signIn(
      HttpClient client,
      HttpRequest request,
      int retries,
      long start,
      Map<String, Integer> reasons) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> response == null ? -1 : response.statusCode())
        .thenCompose(
            status -> {
              if (status == 429 && retries < SDK_RETRY_DELAYS_MS.length) {
                Executor later =
                    CompletableFuture.delayedExecutor(
                        SDK_RETRY_DELAYS_MS[retries], TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> null, later)
                    .thenCompose(x -> signIn(client, request, retries + 1, start, reasons));
              }
              if (status != 200) {
                reasons.merge(status < 0 ? "no answer" : "HTTP " + status, 1, Integer::sum);
              }
              return CompletableFuture.completedFuture(System.nanoTime() - start);
            });
  }
}
