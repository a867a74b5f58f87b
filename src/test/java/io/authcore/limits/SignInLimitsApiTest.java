package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.Warnings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins per account and per client address, and sign-ups per client address, trip at
 * their configured numbers and reset when the window ends (the clock is moved, nothing sleeps).
 */
class SignInLimitsApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String RIGHT = "right-password-1";
  static final String WRONG = "wrong-password-1";
  static final String WRONG_CREDENTIALS = "{\"status\":\"WRONG_CREDENTIALS_ERROR\"}\n";

  private final MutableClock clock = new MutableClock();

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected Map<String, String> overrides() {
    return Map.of(
        "bcrypt_log_rounds", "4",
        "abuse_window_seconds", "60",
        "abuse_sign_in_failures_per_account", "3",
        "abuse_sign_in_failures_per_ip", "5",
        "abuse_sign_ups_per_ip", "4",
        "abuse_client_ip_header", "X-Client-IP");
  }

  private String email(String name) {
    return name + "-" + backend.name().toLowerCase() + "@example.com";
  }

  private Reply signUp(String app, String email, String... ip) {
    return http.post(
        app + "/recipe/signup", body(email, RIGHT), headers(ip.length > 0 ? ip[0] : null));
  }

  private Reply signIn(String app, String email, String password, String ip) {
    return http.post(app + "/recipe/signin", body(email, password), headers(ip));
  }

  private static String[] headers(String ip) {
    return ip == null ? CDI : new String[] {"cdi-version", "5.4", "x-client-ip", ip};
  }

  private static String body(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  private static boolean ok(Reply reply) {
    return reply.status() == 200 && reply.body().startsWith("{\"status\":\"OK\"");
  }

  @Test
  void theAccountLocksAtItsLimitEvenForTheRightPasswordUntilTheWindowEnds() {
    String email = email("locked");
    assertTrue(ok(signUp("", email)));
    long hashes = server.passwordVerifications();
    List<String> warnings =
        Warnings.of(
            AbuseLimits.class,
            () -> {
              for (int i = 0; i < 3; i++) {
                assertEquals(WRONG_CREDENTIALS, signIn("", email, WRONG, null).body());
              }
              Reply locked = signIn("", email, RIGHT, null);
              assertEquals(200, locked.status());
              assertEquals(WRONG_CREDENTIALS, locked.body(), "the right password is refused too");
              String shouted = " " + email.toUpperCase() + " ";
              assertEquals(
                  WRONG_CREDENTIALS,
                  signIn("", shouted, RIGHT, null).body(),
                  "the email is normalised before it is counted");
            });
    assertEquals(3, server.passwordVerifications() - hashes, "no hash once locked");
    List<String> mine = warnings.stream().filter(w -> w.contains("@example.com")).toList();
    assertEquals(1, mine.size(), "one line per lockout: " + warnings);
    String line = mine.get(0);
    assertTrue(line.contains("abuse_sign_in_failures_per_account = 3"), line);
    assertTrue(line.contains("l***@example.com"), line);
    assertFalse(line.contains(email), "never the whole email: " + line);
    assertFalse(line.contains(RIGHT) || line.contains(WRONG), "never a password: " + line);

    clock.advance(Duration.ofSeconds(59));
    assertEquals(WRONG_CREDENTIALS, signIn("", email, RIGHT, null).body());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(ok(signIn("", email, RIGHT, null)), "the window is over");
  }

  @Test
  void aSuccessfulSignInClearsTheAccountsFailures() {
    String email = email("cleared");
    assertTrue(ok(signUp("", email)));
    for (int round = 0; round < 3; round++) {
      assertEquals(WRONG_CREDENTIALS, signIn("", email, WRONG, null).body());
      assertEquals(WRONG_CREDENTIALS, signIn("", email, WRONG, null).body());
      assertTrue(ok(signIn("", email, RIGHT, null)), "round " + round);
    }
  }

  @Test
  void aConsumedPasswordResetTokenEndsTheLockout() {
    String email = email("reset");
    String userId = signUp("", email).json().get("user").get("id").asText();
    for (int i = 0; i < 3; i++) {
      assertEquals(WRONG_CREDENTIALS, signIn("", email, WRONG, null).body());
    }
    assertEquals(WRONG_CREDENTIALS, signIn("", email, RIGHT, null).body());
    String token =
        http.post(
                "/recipe/user/password/reset/token",
                "{\"userId\":\"" + userId + "\",\"email\":\"" + email.toUpperCase() + "\"}",
                CDI)
            .json()
            .get("token")
            .asText();
    Reply consumed =
        http.post(
            "/recipe/user/password/reset/token/consume", "{\"token\":\"" + token + "\"}", CDI);
    assertTrue(ok(consumed), consumed.body());
    assertTrue(ok(signIn("", email, RIGHT, null)), "the owner of the email is let in");
  }

  @Test
  void unknownEmailsCountAlike() {
    String email = email("nobody");
    for (int i = 0; i < 3; i++) {
      assertEquals(WRONG_CREDENTIALS, signIn("", email, WRONG, null).body());
    }
    long hashes = server.passwordVerifications();
    assertEquals(WRONG_CREDENTIALS, signIn("", email, WRONG, null).body());
    assertEquals(hashes, server.passwordVerifications(), "locked without a dummy hash");
  }

  @Test
  void failuresFromOneClientAddressLockThatAddressOnly() {
    String ip = "198.51.100." + backend.ordinal();
    String target = email("ip-target");
    assertTrue(ok(signUp("", target)));
    for (int i = 0; i < 5; i++) {
      // Different accounts, so no account limit is reached; the first entry of a list counts.
      Reply r = signIn("", email("ip-spray-" + i), WRONG, ip + ", 10.0.0.1");
      assertEquals(WRONG_CREDENTIALS, r.body());
    }
    assertEquals(WRONG_CREDENTIALS, signIn("", target, RIGHT, ip).body(), "that address");
    assertTrue(ok(signIn("", target, RIGHT, "203.0.113.7")), "another address");
    assertTrue(ok(signIn("", target, RIGHT, null)), "no address");
    assertEquals(
        WRONG_CREDENTIALS, signIn("", target, RIGHT, ip).body(), "successes clear no address");
    clock.advance(Duration.ofSeconds(61));
    assertTrue(ok(signIn("", target, RIGHT, ip)));
  }

  @Test
  void signUpsFromOneClientAddressAreCappedWith429() {
    String ip = "192.0.2." + backend.ordinal();
    for (int i = 0; i < 4; i++) {
      assertTrue(ok(signUp("", email("signup-" + i), ip)));
    }
    Reply refused = signUp("", email("signup-4"), ip);
    assertEquals(429, refused.status(), refused.body());
    assertEquals("Too many requests: abuse_sign_ups_per_ip reached\n", refused.body());
    assertTrue(ok(signUp("", email("signup-5"), "192.0.2.200")), "another address");
    clock.advance(Duration.ofSeconds(61));
    assertTrue(ok(signUp("", email("signup-4"), ip)));
  }

  @Test
  void anAppSetsItsOwnLimitsAndZeroSwitchesOneOff() {
    for (String[] app : List.of(new String[] {"strict", "1"}, new String[] {"open", "0"})) {
      Reply created =
          http.put(
              "/recipe/multitenancy/app/v2",
              "{\"appId\":\""
                  + app[0]
                  + backend.ordinal()
                  + "\",\"coreConfig\":{\"abuse_sign_in_failures_per_account\":"
                  + app[1]
                  + "}}",
              CDI);
      assertEquals(200, created.status(), created.body());
    }
    String strict = "/appid-strict" + backend.ordinal() + "/public";
    String open = "/appid-open" + backend.ordinal() + "/public";
    String email = email("per-app");
    assertTrue(ok(signUp(strict, email)));
    assertTrue(ok(signUp(open, email)));
    assertEquals(WRONG_CREDENTIALS, signIn(strict, email, WRONG, null).body());
    assertEquals(WRONG_CREDENTIALS, signIn(strict, email, RIGHT, null).body(), "limit 1");
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      replies.add(signIn(open, email, WRONG, null).body());
    }
    assertTrue(replies.stream().allMatch(WRONG_CREDENTIALS::equals));
    assertTrue(ok(signIn(open, email, RIGHT, null)), "0: no limit");
  }
}
