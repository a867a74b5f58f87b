package io.authcore.recipe.emailpassword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flood of sign-ins beyond what hashing can serve within {@code password_hashing_max_wait_ms}
 * gets 429 (which the SDKs retry) instead of an unbounded queue; nothing else changes.
 */
class SignInFloodTest extends ServerOnEachBackend {
  @Override
  protected Map<String, String> overrides() {
    // So short that only as many sign-ins as can hash at once are let in.
    // The abuse limit would lock the account after ten; this test is about hashing admission.
    return Map.of(
        "password_hashing_max_wait_ms",
        "1",
        "bcrypt_log_rounds",
        "8",
        "abuse_sign_in_failures_per_account",
        "0");
  }

  @Test
  void signInsBeyondTheLimitAreTurnedAwayWithA429() throws Exception {
    String email = ParallelSignIns.signedUp(http, "flood-" + backend + "@example.com");
    int refused = 0;
    int answered = 0;
    for (Reply reply : ParallelSignIns.wrongPasswords(http, email, 40)) {
      if (reply.status() == 429) {
        refused++;
        assertEquals("Too many requests: password hashing is saturated\n", reply.body());
        assertEquals("1", reply.headers().get("retry-after"));
      } else {
        answered++;
        assertEquals(200, reply.status(), reply.body());
        assertEquals("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n", reply.body());
      }
    }
    assertTrue(refused > 0, "none of 40 parallel sign-ins was turned away");
    assertTrue(answered > 0, "every sign-in was turned away");

    Reply signIn = ParallelSignIns.rightPassword(http, email);
    assertEquals(200, signIn.status());
    assertTrue(signIn.body().startsWith("{\"status\":\"OK\""), signIn.body());
  }
}
