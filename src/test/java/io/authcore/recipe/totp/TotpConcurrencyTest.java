package io.authcore.recipe.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Parallel wrong codes for one user are counted one after the other (a row lock on the user's
 * {@code totp_users} row): at the default limit of 5, exactly five are recorded as failures, each
 * with its own count, and the rest see LIMIT_REACHED_ERROR.
 */
class TotpConcurrencyTest extends ServerOnEachBackend {
  static final int ATTEMPTS = 500;

  @Test
  void parallelWrongCodesDoNotGetPastTheLimit() throws Exception {
    TotpCalls totp = new TotpCalls(http);
    String user = "race-" + UUID.randomUUID();
    totp.importDevice(
        "5.4",
        "{\"userId\":\"" + user + "\",\"skew\":1,\"period\":30,\"secretKey\":\"ABCDEFGHIJKL\"}");
    List<Callable<Reply>> calls = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      // Never a code of the device: codes are digits.
      String wrong = "w" + i;
      calls.add(() -> totp.verify("5.4", user, wrong));
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    Map<String, Integer> outcomes = new TreeMap<>();
    try {
      for (Future<Reply> f : pool.invokeAll(calls)) {
        Reply reply = f.get();
        assertEquals(200, reply.status(), reply.body());
        String status = reply.json().get("status").asText();
        String key =
            status.equals("INVALID_TOTP_ERROR")
                ? status + " " + reply.json().get("currentNumberOfFailedAttempts").asInt()
                : status;
        outcomes.merge(key, 1, Integer::sum);
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (int i = 1; i <= 5; i++) {
      expected.put("INVALID_TOTP_ERROR " + i, 1);
    }
    expected.put("LIMIT_REACHED_ERROR", ATTEMPTS - 5);
    assertEquals(expected, outcomes);
  }
}
