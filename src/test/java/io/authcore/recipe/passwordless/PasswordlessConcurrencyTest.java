package io.authcore.recipe.passwordless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.recipe.passwordless.PasswordlessCalls.Issued;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent consumes: a code is used once, and one email gives one user. */
class PasswordlessConcurrencyTest extends ServerOnEachBackend {
  PasswordlessCalls pl;

  @BeforeEach
  void calls() {
    pl = new PasswordlessCalls(http);
  }

  static List<Reply> all(List<Callable<Reply>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> f : pool.invokeAll(calls)) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdown();
    }
  }

  static Map<String, Integer> statuses(List<Reply> replies) {
    Map<String, Integer> counts = new HashMap<>();
    for (Reply r : replies) {
      assertEquals(200, r.status(), r.body());
      counts.merge(r.json().get("status").asText(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void twoConsumesOfOneCodeSucceedOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      Issued issued = pl.forEmail("race-" + UUID.randomUUID() + "@x.com");
      List<Callable<Reply>> calls = new ArrayList<>();
      calls.add(() -> pl.consume("5.4", issued.byCode()));
      calls.add(() -> pl.consume("5.4", issued.byLink()));
      assertEquals(
          Map.of("OK", 1, "RESTART_FLOW_ERROR", 1), statuses(all(calls)), "round " + round);
    }
  }

  @Test
  void concurrentCodesForOneEmailMakeOneUser() throws Exception {
    String email = "many-" + UUID.randomUUID() + "@x.com";
    List<Issued> issued = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      issued.add(pl.forEmail(email));
    }
    List<Callable<Reply>> calls = new ArrayList<>();
    issued.forEach(code -> calls.add(() -> pl.consume("5.4", code.byCode())));
    Set<String> users = new HashSet<>();
    int created = 0;
    for (Reply r : all(calls)) {
      String status = r.json().get("status").asText();
      if (status.equals("OK")) {
        users.add(r.json().get("user").get("id").asText());
        created += r.json().get("createdNewUser").asBoolean() ? 1 : 0;
      } else {
        assertEquals("RESTART_FLOW_ERROR", status, r.body());
      }
    }
    assertEquals(1, users.size());
    assertEquals(1, created);
    // Afterwards a new code signs that user in.
    Reply again = pl.consume("5.4", pl.forEmail(email).byCode());
    assertEquals(users.iterator().next(), again.json().get("user").get("id").asText());
  }
}
