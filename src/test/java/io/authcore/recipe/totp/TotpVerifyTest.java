package io.authcore.recipe.totp;

import static io.authcore.recipe.totp.TotpCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Codes on a clock the test moves: periods and skew, wrong then right, replay, the rate limit and
 * its cooldown (3 attempts, 100 s here; per tenant from coreConfig), with the original's bodies.
 */
class TotpVerifyTest extends ServerOnEachBackend {
  static final String SECRET = "IV3VTHPURXJ75HKPWXZ2O6F6CUBSOSI5";
  static final String INVALID_1 =
      "200 {\"status\":\"INVALID_TOTP_ERROR\",\"currentNumberOfFailedAttempts\":1,"
          + "\"maxNumberOfFailedAttempts\":3}";

  /** 1.8e12 ms is a multiple of 30 s: tests start windows from here. */
  final MutableClock clock = new MutableClock(1_800_000_000_000L);

  TotpCalls totp;
  String user;

  @Override
  protected Map<String, String> overrides() {
    return Map.of("totp_max_attempts", "3", "totp_rate_limit_cooldown_sec", "100");
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  @BeforeEach
  void calls() {
    totp = new TotpCalls(http);
    user = "totp-" + UUID.randomUUID();
    // The start of a 30 s window.
    clock.advance(Duration.ofMillis(30_000 - clock.millis() % 30_000));
  }

  static String invalid(int current) {
    return "200 {\"status\":\"INVALID_TOTP_ERROR\",\"currentNumberOfFailedAttempts\":"
        + current
        + ",\"maxNumberOfFailedAttempts\":3}";
  }

  static String limit(long retryAfterMs) {
    return "200 {\"status\":\"LIMIT_REACHED_ERROR\",\"retryAfterMs\":"
        + retryAfterMs
        + ",\"currentNumberOfFailedAttempts\":3,\"maxNumberOfFailedAttempts\":3}";
  }

  private void importDevice(int skew) {
    totp.importDevice(
        "5.4",
        "{\"userId\":\""
            + user
            + "\",\"skew\":"
            + skew
            + ",\"period\":30,\"secretKey\":\""
            + SECRET
            + "\"}");
  }

  private String codeAt(long offsetMs) {
    return TotpCalls.code(SECRET, 30, clock.millis() + offsetMs);
  }

  /** One attempt, then a millisecond on (attempts in one millisecond are not the subject here). */
  private String verify(String code) {
    Reply reply = totp.verify("5.4", user, code);
    clock.advance(Duration.ofMillis(1));
    return shape(reply);
  }

  @Test
  void aDeviceIsVerifiedWithItsCurrentCodeWhichIsThenUsed() {
    String secret = totp.secretOf(user, "phone", 0, 30);
    String code = TotpCalls.code(secret, 30, clock.millis());
    assertEquals(
        invalid(1)
            .replace(",\"currentNumberOfFailedAttempts\":1,\"maxNumberOfFailedAttempts\":3", ""),
        shape(totp.verify("2.21", user, code)));
    assertEquals(
        "200 {\"status\":\"OK\",\"wasAlreadyVerified\":false}",
        shape(totp.verifyDevice("5.4", user, "phone", code)));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_DEVICE_ERROR\"}",
        shape(totp.verifyDevice("5.4", user, "tablet", code)));
    // The code verified the device: using it again is a replay.
    clock.advance(Duration.ofMillis(1));
    assertEquals(invalid(1), verify(code));
  }

  @Test
  void aSecretThatDecodesToNothingNeverMatchesAndIsNotAServerError() {
    // The original accepts the import and then fails every verify with a 500 (an empty HMAC key).
    assertEquals(
        "200 {\"status\":\"OK\",\"deviceName\":\"TOTP Device 0\"}",
        shape(
            totp.importDevice(
                "5.4",
                "{\"userId\":\"" + user + "\",\"skew\":1,\"period\":30,\"secretKey\":\"!!!!\"}")));
    assertEquals(invalid(1), verify("000000"));
  }

  @Test
  void wrongThenRightThenTheCountStartsAgain() {
    importDevice(1);
    assertEquals(invalid(1), verify("000000"));
    assertEquals(invalid(2), verify("000001"));
    assertEquals("200 {\"status\":\"OK\"}", verify(codeAt(0)));
    assertEquals(invalid(1), verify("000002"));
  }

  @Test
  void aUsedCodeIsRefusedUntilItExpires() {
    importDevice(1);
    String code = codeAt(0);
    assertEquals("200 {\"status\":\"OK\"}", verify(code));
    assertEquals(invalid(1), verify(code));
    clock.advance(Duration.ofSeconds(30));
    // Still within the skew, and its row (valid for 90 s) has not expired.
    assertEquals(invalid(2), verify(code));
    assertEquals("200 {\"status\":\"OK\"}", verify(codeAt(0)));
  }

  @Test
  void skewAcceptsOneWindowEachSideAndPeriodsEndOnTheMillisecond() {
    importDevice(1);
    assertEquals("200 {\"status\":\"OK\"}", verify(codeAt(-30_000)));
    assertEquals("200 {\"status\":\"OK\"}", verify(codeAt(30_000)));
    assertEquals(invalid(1), verify(codeAt(60_000)));
    String skewless = user + "-0";
    totp.importDevice(
        "5.4",
        "{\"userId\":\""
            + skewless
            + "\",\"skew\":0,\"period\":30,\"secretKey\":\""
            + SECRET
            + "\"}");
    clock.advance(Duration.ofMillis(30_000 - clock.millis() % 30_000));
    String code = codeAt(0);
    assertEquals(
        invalid(1),
        shape(totp.verify("5.4", skewless, TotpCalls.code(SECRET, 30, clock.millis() - 1))));
    clock.advance(Duration.ofMillis(29_999));
    assertEquals("200 {\"status\":\"OK\"}", shape(totp.verify("5.4", skewless, code)));
    clock.advance(Duration.ofMillis(1));
    String next = codeAt(0);
    assertEquals("200 {\"status\":\"OK\"}", shape(totp.verify("5.4", skewless, next)));
  }

  @Test
  void theLimitHoldsForTheCooldownThenLifts() {
    importDevice(1);
    assertEquals(invalid(1), verify("000000"));
    assertEquals(invalid(2), verify("000001"));
    assertEquals(invalid(3), verify("000002"));
    clock.advance(Duration.ofMillis(-1));
    // Even the right code is refused, and the refusal is not recorded.
    assertEquals(limit(100_000), shape(totp.verify("5.4", user, codeAt(0))));
    assertEquals(
        "200 {\"status\":\"LIMIT_REACHED_ERROR\",\"retryAfterMs\":100000}",
        shape(totp.verify("4.0", user, codeAt(0))));
    assertEquals(
        "200 {\"status\":\"LIMIT_REACHED_ERROR\",\"retryAfterMs\":100000,"
            + "\"currentNumberOfFailedAttempts\":3,\"maxNumberOfFailedAttempts\":3}",
        shape(
            totp.verifyDevice("5.0", user, "TOTP Device 0", codeAt(0)).status() == 200
                ? totp.verify("5.0", user, codeAt(0))
                : null));
    clock.advance(Duration.ofMillis(99_999));
    assertEquals(limit(1), shape(totp.verify("5.4", user, codeAt(0))));
    clock.advance(Duration.ofMillis(1));
    // The cooldown is over: the count starts from zero.
    assertEquals(invalid(1), verify("000003"));
    assertEquals("200 {\"status\":\"OK\"}", verify(codeAt(0)));
  }

  @Test
  void overlongCodesAreRefusedUnrecordedOthersAreCounted() {
    importDevice(1);
    assertEquals(invalid(1), verify("123456789"));
    assertEquals(invalid(1), verify("123456789"));
    assertEquals(invalid(1), verify("abc"));
    assertEquals(invalid(2), verify("١٢٣٤٥٦"));
    assertEquals(invalid(3), verify("12"));
    assertEquals(limit(100_000 - 1), verify(codeAt(0)));
  }

  @Test
  void aUserWithOnlyUnverifiedDevicesHasNoValidCode() {
    String secret = totp.secretOf(user, null, 1, 30);
    assertEquals(invalid(1), verify(TotpCalls.code(secret, 30, clock.millis())));
    assertEquals(invalid(2), verify("123456"));
    clock.advance(Duration.ofMillis(-1));
    assertEquals(
        "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}", shape(totp.verify("5.4", "nobody", "1")));
  }

  @Test
  void aTenantHasItsOwnLimitAndItsOwnUsedCodes() {
    Reply tenant =
        http.put(
            "/recipe/multitenancy/tenant/v2",
            "{\"tenantId\":\"totpt\",\"coreConfig\":{\"totp_max_attempts\":2,"
                + "\"totp_rate_limit_cooldown_sec\":10}}",
            TotpCalls.cdi("5.4"));
    assertEquals(200, tenant.status(), tenant.body());
    importDevice(1);
    String two = ",\"maxNumberOfFailedAttempts\":2}";
    assertEquals(
        "200 {\"status\":\"INVALID_TOTP_ERROR\",\"currentNumberOfFailedAttempts\":1" + two,
        shape(totp.verify("5.4", "/totpt", user, "000000")));
    clock.advance(Duration.ofMillis(1));
    assertEquals(
        "200 {\"status\":\"INVALID_TOTP_ERROR\",\"currentNumberOfFailedAttempts\":2" + two,
        shape(totp.verify("5.4", "/totpt", user, "000001")));
    assertEquals(
        "200 {\"status\":\"LIMIT_REACHED_ERROR\",\"retryAfterMs\":10000,"
            + "\"currentNumberOfFailedAttempts\":2"
            + two,
        shape(totp.verify("5.4", "/totpt", user, codeAt(0))));
    // The public tenant has its own attempts.
    assertEquals(INVALID_1, verify("000002"));
    assertEquals("200 {\"status\":\"OK\"}", verify(codeAt(0)));
  }
}
