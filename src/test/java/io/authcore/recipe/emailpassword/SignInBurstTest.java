package io.authcore.recipe.emailpassword;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the default wait, an ordinary burst of sign-ins is all served: the bound is for floods. */
class SignInBurstTest extends ServerOnEachBackend {
  @Override
  protected Map<String, String> overrides() {
    // The abuse limit would lock the account after ten; this test is about hashing admission.
    return Map.of("bcrypt_log_rounds", "8", "abuse_sign_in_failures_per_account", "0");
  }

  @Test
  void twentySignInsAtOnceAreAllAnswered() throws Exception {
    String email = ParallelSignIns.signedUp(http, "burst-" + backend + "@example.com");
    for (Reply reply : ParallelSignIns.wrongPasswords(http, email, 20)) {
      assertEquals("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n", reply.body());
    }
  }
}
