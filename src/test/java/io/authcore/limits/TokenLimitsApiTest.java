package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Password-reset and email-verification tokens per account: past the limit a reset token is refused
 * as for an unknown user (the SDK then tells the frontend OK), a verification token with 429; both
 * come back when the window ends, and an app may switch either off.
 */
class TokenLimitsApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};

  private final MutableClock clock = new MutableClock();

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected Map<String, String> overrides() {
    return Map.of(
        "bcrypt_log_rounds", "4",
        "abuse_window_seconds", "600",
        "abuse_password_reset_tokens_per_account", "2",
        "abuse_email_verification_tokens_per_account", "2");
  }

  private String signUp(String app, String email) {
    return http.post(
            app + "/recipe/signup",
            "{\"email\":\"" + email + "\",\"password\":\"secret-123\"}",
            CDI)
        .json()
        .get("user")
        .get("id")
        .asText();
  }

  private Reply resetToken(String app, String userId, String email) {
    return http.post(
        app + "/recipe/user/password/reset/token",
        "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\"}",
        CDI);
  }

  private Reply verificationToken(String app, String userId, String email) {
    return http.post(
        app + "/recipe/user/email/verify/token",
        "{\"userId\":\"" + userId + "\",\"email\":\"" + email + "\"}",
        CDI);
  }

  private static String status(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("status").asText();
  }

  @Test
  void resetTokensPastTheLimitAreRefusedAsForAnUnknownUser() {
    String email = "reset-" + backend.ordinal() + "@example.com";
    String userId = signUp("", email);
    assertEquals("OK", status(resetToken("", userId, email)));
    assertEquals("OK", status(resetToken("", userId, email)));
    assertEquals("{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n", resetToken("", userId, email).body());
    String other = signUp("", "reset-other-" + backend.ordinal() + "@example.com");
    assertEquals("OK", status(resetToken("", other, "x@example.com")), "another account");
    clock.advance(Duration.ofSeconds(600));
    assertEquals("OK", status(resetToken("", userId, email)));
  }

  @Test
  void verificationTokensPastTheLimitAreAnswered429() {
    String email = "verify-" + backend.ordinal() + "@example.com";
    String userId = signUp("", email);
    assertEquals("OK", status(verificationToken("", userId, email)));
    assertEquals("OK", status(verificationToken("", userId, email)));
    Reply refused = verificationToken("", userId, email);
    assertEquals(429, refused.status());
    assertEquals(
        "Too many requests: abuse_email_verification_tokens_per_account reached\n", refused.body());
    clock.advance(Duration.ofSeconds(600));
    assertEquals("OK", status(verificationToken("", userId, email)));
  }

  @Test
  void anAppMaySwitchThemOff() {
    String app = "tokens" + backend.ordinal();
    Reply created =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\""
                + app
                + "\",\"coreConfig\":{\"abuse_password_reset_tokens_per_account\":0,"
                + "\"abuse_email_verification_tokens_per_account\":0}}",
            CDI);
    assertEquals(200, created.status(), created.body());
    String path = "/appid-" + app + "/public";
    String email = "off@example.com";
    String userId = signUp(path, email);
    for (int i = 0; i < 5; i++) {
      assertEquals("OK", status(resetToken(path, userId, email)));
      assertEquals("OK", status(verificationToken(path, userId, email)));
    }
  }
}
