package io.authcore.recipe.webauthn;

import static io.authcore.recipe.webauthn.WebAuthnCalls.ceremony;
import static io.authcore.recipe.webauthn.WebAuthnCalls.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.webauthn.SoftwareAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins racing each other: one set of options signs in once, and one signature counter value
 * signs in once, however many requests carry it at the same moment.
 */
class WebAuthnConcurrencyTest extends WebAuthnServerTest {
  static final int RACERS = 6;

  /** The statuses of the calls, run together, counted. */
  static Map<String, Integer> race(List<Callable<String>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      Map<String, Integer> outcomes = new TreeMap<>();
      for (Future<String> f : pool.invokeAll(calls)) {
        outcomes.merge(f.get(), 1, Integer::sum);
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneSetOfOptionsSignsInOnce() throws Exception {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    calls.signUp("", "race-" + System.nanoTime() + "@x.com", passkey);
    for (int round = 0; round < 3; round++) {
      JsonNode options = calls.signInOptions("", "");
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        String body = WebAuthnCalls.body(id(options), passkey.signIn(ceremony(options)));
        tasks.add(
            () -> calls.post("5.4", "/recipe/webauthn/signin", body).json().get("status").asText());
      }
      assertEquals(
          Map.of("OK", 1, "OPTIONS_NOT_FOUND_ERROR", RACERS - 1), race(tasks), "round " + round);
    }
  }

  @Test
  void oneCounterValueSignsInOnce() throws Exception {
    SoftwareAuthenticator passkey = SoftwareAuthenticator.es256();
    calls.signUp("", "clone-" + System.nanoTime() + "@x.com", passkey);
    for (int round = 0; round < 3; round++) {
      long counter = passkey.counter();
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        JsonNode options = calls.signInOptions("", "");
        passkey.counter(counter); // every clone signs with the same next value
        String body = WebAuthnCalls.body(id(options), passkey.signIn(ceremony(options)));
        tasks.add(
            () -> calls.post("5.4", "/recipe/webauthn/signin", body).json().get("status").asText());
      }
      assertEquals(
          Map.of("OK", 1, "INVALID_AUTHENTICATOR_ERROR", RACERS - 1),
          race(tasks),
          "round " + round);
    }
  }
}
