package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wrong passwordless codes are capped per email or phone number over all its devices (the
 * original's cap is per device, so new devices gave fresh guesses), and so are new codes.
 */
class PasswordlessLimitsApiTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String RESTART = "{\"status\":\"RESTART_FLOW_ERROR\"}\n";

  private final MutableClock clock = new MutableClock();

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected Map<String, String> overrides() {
    return Map.of(
        "abuse_window_seconds", "60",
        "abuse_passwordless_code_failures_per_account", "3",
        "abuse_passwordless_codes_per_account", "4");
  }

  private JsonNode create(String body) {
    Reply reply = http.post("/recipe/signinup/code", body, CDI);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private Reply consume(JsonNode device, String code) {
    return http.post(
        "/recipe/signinup/code/consume",
        "{\"preAuthSessionId\":\""
            + device.get("preAuthSessionId").asText()
            + "\",\"deviceId\":\""
            + device.get("deviceId").asText()
            + "\",\"userInputCode\":\""
            + code
            + "\"}",
        CDI);
  }

  private static String status(Reply reply) {
    return reply.json().get("status").asText();
  }

  @Test
  void wrongCodesCountOverEveryDeviceOfAnAccount() {
    String email = "{\"email\":\"codes-" + backend.ordinal() + "@example.com\"}";
    JsonNode first = create(email);
    assertEquals("INCORRECT_USER_INPUT_CODE_ERROR", status(consume(first, "000000x")));
    assertEquals("INCORRECT_USER_INPUT_CODE_ERROR", status(consume(first, "000000y")));
    JsonNode second = create(email);
    assertEquals("INCORRECT_USER_INPUT_CODE_ERROR", status(consume(second, "000000z")));
    String right = second.get("userInputCode").asText();
    assertEquals(RESTART, consume(second, right).body(), "the account's third failure");
    clock.advance(Duration.ofSeconds(60));
    assertEquals("OK", status(consume(second, right)), "the window is over");
  }

  @Test
  void aPhoneNumberIsAnAccountToo() {
    String phone = "{\"phoneNumber\":\"+4420794600" + (10 + backend.ordinal()) + "\"}";
    for (int i = 0; i < 3; i++) {
      JsonNode device = create(phone);
      assertEquals("INCORRECT_USER_INPUT_CODE_ERROR", status(consume(device, "wrong" + i)));
    }
    JsonNode device = create(phone);
    assertEquals(RESTART, consume(device, device.get("userInputCode").asText()).body());
  }

  @Test
  void newCodesPastTheLimitAre429AndResendsRestartTheFlow() {
    String email = "{\"email\":\"many-" + backend.ordinal() + "@example.com\"}";
    JsonNode device = create(email);
    for (int i = 0; i < 3; i++) {
      create("{\"deviceId\":\"" + device.get("deviceId").asText() + "\"}");
    }
    Reply refused = http.post("/recipe/signinup/code", email, CDI);
    assertEquals(429, refused.status(), refused.body());
    assertEquals(
        "Too many requests: abuse_passwordless_codes_per_account reached\n", refused.body());
    Reply resend =
        http.post(
            "/recipe/signinup/code",
            "{\"deviceId\":\"" + device.get("deviceId").asText() + "\"}",
            CDI);
    assertEquals(RESTART, resend.body());
    clock.advance(Duration.ofSeconds(60));
    assertEquals("OK", create(email).get("status").asText());
  }
}
