package io.authcore.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.ConfigLoader;
import io.authcore.support.MutableClock;
import io.authcore.tenancy.TenantConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbuseLimitsTest {
  static AbuseLimits limits(Map<String, String> settings) {
    return new AbuseLimits(
        TenantConfigs.fixed(ConfigLoader.load(null, Map.of(), settings, false)),
        new MutableClock());
  }

  @Test
  void aRefusalUnderOneLimitLeavesNoPlaceTakenUnderTheOther() {
    AbuseLimits limits =
        limits(
            Map.of(
                "abuse_sign_in_failures_per_account", "2", "abuse_sign_in_failures_per_ip", "1"));
    Limit account = Limit.SIGN_IN_FAILURES_PER_ACCOUNT;
    Limit ip = Limit.SIGN_IN_FAILURES_PER_IP;
    limits.begin("public", account, "a@example.com", ip, "192.0.2.1").orElseThrow().failed();
    for (int i = 0; i < 5; i++) {
      assertFalse(limits.begin("public", account, "a@example.com", ip, "192.0.2.1").isPresent());
    }
    assertTrue(limits.begin("public", account, "a@example.com", ip, "192.0.2.2").isPresent());
    assertFalse(
        limits.begin("public", account, "a@example.com", ip, "192.0.2.3").isPresent(),
        "one failure and one under way: the account's two places");
  }

  @Test
  void keysOfOneAppAreNotAnothersAndANullKeyIsNotLimited() {
    AbuseLimits limits = limits(Map.of("abuse_password_reset_tokens_per_account", "1"));
    Limit tokens = Limit.PASSWORD_RESET_TOKENS_PER_ACCOUNT;
    assertTrue(limits.allow(tokens, "one", "user"));
    assertFalse(limits.allow(tokens, "one", "user"));
    assertTrue(limits.allow(tokens, "two", "user"));
    assertTrue(limits.allow(tokens, "one", null));
    assertTrue(limits.allow(tokens, "one", null));
  }
}
