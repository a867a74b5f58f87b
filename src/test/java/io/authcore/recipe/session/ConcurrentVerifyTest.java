package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Verifies with {@code checkDatabase} that arrive together (on PostgreSQL they share statements):
 * each answers for its own session, and a session revoked before the verifies began is UNAUTHORISED
 * in every one of them.
 */
class ConcurrentVerifyTest extends SessionTestBase {
  private static final String CDI = "5.4";
  private static final int SESSIONS = 12;
  private static final int ROUNDS = 15;

  @Test
  void verifiesThatArriveTogetherEachAnswerForTheirOwnSession() throws Exception {
    List<String> tokens = new ArrayList<>();
    List<String> handles = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      JsonNode created = calls.created(CDI, "user-" + i, "{\"n\":" + i + "}");
      tokens.add(created.get("accessToken").get("token").asText());
      handles.add(created.get("session").get("handle").asText());
    }
    // Every third session is revoked before any verify starts.
    StringBuilder revoked = new StringBuilder();
    for (int i = 0; i < SESSIONS; i += 3) {
      revoked.append(revoked.isEmpty() ? "" : ",").append('"').append(handles.get(i)).append('"');
    }
    JsonNode removed =
        calls.ok(
            calls.post(CDI, "/recipe/session/remove", "{\"sessionHandles\":[" + revoked + "]}"));
    assertEquals(SESSIONS / 3, removed.get("sessionHandlesRevoked").size());

    ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (String token : tokens) {
          answers.add(
              pool.submit(
                  () -> {
                    go.await();
                    return calls.verify(CDI, token, ",\"checkDatabase\":true").json();
                  }));
        }
        go.countDown();
        for (int i = 0; i < SESSIONS; i++) {
          JsonNode answer = answers.get(i).get(30, TimeUnit.SECONDS);
          if (i % 3 == 0) {
            assertEquals("UNAUTHORISED", answer.get("status").asText(), "session " + i);
          } else {
            assertEquals("OK", answer.get("status").asText(), "session " + i);
            assertEquals(handles.get(i), answer.get("session").get("handle").asText());
            assertEquals(i, answer.get("session").get("userDataInJWT").get("n").asInt());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
