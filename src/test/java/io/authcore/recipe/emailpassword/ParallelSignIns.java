package io.authcore.recipe.emailpassword;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A user signed up, then {@code count} sign-ins of theirs with a wrong password, all at once. */
final class ParallelSignIns {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String RIGHT = "right-password-1";

  private ParallelSignIns() {}

  static String signedUp(Http http, String email) {
    String body = "{\"email\":\"" + email + "\",\"password\":\"" + RIGHT + "\"}";
    assertEquals(200, http.post("/recipe/signup", body, CDI).status());
    return email;
  }

  static List<Reply> wrongPasswords(Http http, String email, int count) throws Exception {
    String wrong = "{\"email\":\"" + email + "\",\"password\":\"wrong-password-1\"}";
    ExecutorService clients = Executors.newFixedThreadPool(count);
    try {
      List<CompletableFuture<Reply>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        pending.add(
            CompletableFuture.supplyAsync(() -> http.post("/recipe/signin", wrong, CDI), clients));
      }
      List<Reply> replies = new ArrayList<>();
      for (CompletableFuture<Reply> reply : pending) {
        replies.add(reply.get(60, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      clients.shutdownNow();
    }
  }

  static Reply rightPassword(Http http, String email) {
    String body = "{\"email\":\"" + email + "\",\"password\":\"" + RIGHT + "\"}";
    return http.post("/recipe/signin", body, CDI);
  }
}
