package io.authcore.recipe.passwordless;

import static io.authcore.recipe.passwordless.PasswordlessCalls.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.recipe.passwordless.PasswordlessCalls.Issued;
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
 * Code lifetime and attempt limit from config.yaml and from a tenant's coreConfig, and the pre-5.1
 * "passwordless enabled" gate; answers as the original 11.4.7 gave them.
 */
class PasswordlessLifetimeTest extends ServerOnEachBackend {
  final MutableClock clock = new MutableClock();
  PasswordlessCalls pl;

  @Override
  protected Map<String, String> overrides() {
    return Map.of(
        "passwordless_code_lifetime", "60000", "passwordless_max_code_input_attempts", "3");
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  @BeforeEach
  void calls() {
    pl = new PasswordlessCalls(http);
  }

  static String email() {
    return "life-" + UUID.randomUUID() + "@x.com";
  }

  @Test
  void anExpiredCodeCountsAsAFailedAttemptAndItsLinkRestarts() {
    Issued issued = Issued.of(pl.create("5.4", "{\"email\":\"" + email() + "\"}"));
    assertEquals(
        60000,
        pl.create("5.4", "{\"email\":\"" + email() + "\"}").json().get("codeLifetime").asLong());
    clock.advance(Duration.ofMillis(60001));
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}", shape(pl.consume("5.4", issued.byLink())));
    assertEquals(
        "200 {\"status\":\"EXPIRED_USER_INPUT_CODE_ERROR\",\"failedCodeInputAttemptCount\":1,"
            + "\"maximumCodeInputAttempts\":3}",
        shape(pl.check("5.4", issued.byCode())));
    // A fresh code on the same device works, and the device remembers the failure.
    Issued fresh = pl.resend(issued);
    assertEquals(
        "200 {\"status\":\"INCORRECT_USER_INPUT_CODE_ERROR\",\"failedCodeInputAttemptCount\":2,"
            + "\"maximumCodeInputAttempts\":3}",
        shape(pl.consume("5.4", fresh.byCode("nope"))));
    Reply ok = pl.consume("5.4", fresh.byCode());
    assertEquals(2, ok.json().get("consumedDevice").get("failedCodeInputAttemptCount").asInt());
  }

  @Test
  void theThirdFailureEndsTheFlowAtALimitOfThree() {
    Issued issued = Issued.of(pl.create("5.4", "{\"email\":\"" + email() + "\"}"));
    pl.consume("5.4", issued.byCode("a"));
    pl.consume("5.4", issued.byCode("b"));
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}", shape(pl.check("5.4", issued.byCode("c"))));
    assertEquals(
        "200 {\"status\":\"OK\",\"devices\":[]}",
        shape(pl.codes("5.4", "preAuthSessionId=" + issued.preAuthSessionId())));
  }

  @Test
  void aTenantsCoreConfigOverridesTheLifetimeAndLimit() {
    Reply tenant =
        http.put(
            "/recipe/multitenancy/tenant/v2",
            "{\"tenantId\":\"pllife\",\"coreConfig\":{\"passwordless_code_lifetime\":1000,"
                + "\"passwordless_max_code_input_attempts\":2}}",
            PasswordlessCalls.cdi("5.4"));
    assertEquals(200, tenant.status(), tenant.body());
    Reply created =
        http.post(
            "/pllife/recipe/signinup/code",
            "{\"email\":\"g@x.com\",\"userInputCode\":\"111\"}",
            PasswordlessCalls.cdi("5.4"));
    assertEquals(1000, created.json().get("codeLifetime").asLong(), created.body());
    Issued issued = Issued.of(created);
    clock.advance(Duration.ofMillis(1001));
    String consume = "/pllife/recipe/signinup/code/consume";
    assertEquals(
        "200 {\"status\":\"EXPIRED_USER_INPUT_CODE_ERROR\",\"failedCodeInputAttemptCount\":1,"
            + "\"maximumCodeInputAttempts\":2}",
        shape(http.post(consume, issued.byCode(), PasswordlessCalls.cdi("5.4"))));
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}",
        shape(http.post(consume, issued.byCode(), PasswordlessCalls.cdi("5.4"))));
    // Codes belong to their tenant.
    Issued publicCode = Issued.of(pl.create("5.4", "{\"email\":\"g@x.com\"}"));
    assertEquals(
        "200 {\"status\":\"RESTART_FLOW_ERROR\"}",
        shape(http.post(consume, publicCode.byLink(), PasswordlessCalls.cdi("5.4"))));
  }

  @Test
  void beforeFivePointOneATenantCanSwitchPasswordlessOff() {
    Reply tenant =
        http.put(
            "/recipe/multitenancy/tenant",
            "{\"tenantId\":\"plgate\",\"emailPasswordEnabled\":true}",
            PasswordlessCalls.cdi("4.0"));
    assertEquals("{\"status\":\"OK\",\"createdNew\":true}\n", tenant.body());
    assertEquals(
        "403 Passwordless login not enabled for tenant",
        shape(
            http.post(
                "/plgate/recipe/signinup/code",
                "{\"email\":\"g@x.com\"}",
                PasswordlessCalls.cdi("4.0"))));
    assertEquals(
        "403 Passwordless login not enabled for tenant",
        shape(
            http.post(
                "/plgate/recipe/signinup/code/consume",
                "{\"preAuthSessionId\":\"x\",\"linkCode\":\"abc\"}",
                PasswordlessCalls.cdi("5.0"))));
    assertEquals(
        200,
        http.post(
                "/plgate/recipe/signinup/code",
                "{\"email\":\"g@x.com\"}",
                PasswordlessCalls.cdi("5.1"))
            .status());
  }
}
