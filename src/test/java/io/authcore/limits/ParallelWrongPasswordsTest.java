package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 500 wrong passwords at once against one account: a place is reserved before hashing, so at most
 * the limit's number of them reach the hash, however they interleave.
 */
class ParallelWrongPasswordsTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final int LIMIT = 10;

  @Override
  protected Map<String, String> overrides() {
    return Map.of(
        "bcrypt_log_rounds", "4", "abuse_sign_in_failures_per_account", String.valueOf(LIMIT));
  }

  @Test
  void atMostTheLimitReachTheHash() throws Exception {
    String email = "parallel-" + backend.name().toLowerCase() + "@example.com";
    String right = "{\"email\":\"" + email + "\",\"password\":\"right-password-1\"}";
    assertEquals(200, http.post("/recipe/signup", right, CDI).status());
    String wrong = "{\"email\":\"" + email + "\",\"password\":\"wrong-password-1\"}";
    long before = server.passwordVerifications();

    ExecutorService clients = Executors.newFixedThreadPool(500);
    List<Reply> replies = new ArrayList<>();
    try {
      List<CompletableFuture<Reply>> pending = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        pending.add(
            CompletableFuture.supplyAsync(() -> http.post("/recipe/signin", wrong, CDI), clients));
      }
      for (CompletableFuture<Reply> reply : pending) {
        replies.add(reply.get(120, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }

    long hashed = server.passwordVerifications() - before;
    assertTrue(hashed >= 1 && hashed <= LIMIT, hashed + " reached the hash");
    for (Reply reply : replies) {
      // 429 is the hashing admission's answer to a flood; the SDK retries it.
      assertTrue(
          reply.status() == 429
              || reply.body().equals("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n"),
          reply.status() + " " + reply.body());
    }
    assertEquals(
        "{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n",
        http.post("/recipe/signin", right, CDI).body(),
        "locked");
  }
}
