package io.authcore.recipe.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import io.authcore.recipe.Status;
import io.authcore.storage.Storage;
import io.authcore.storage.jdbc.JdbcStorage;
import io.authcore.support.Backend;
import io.authcore.support.MutableClock;
import io.authcore.support.TestDatabases;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hourly clean-up deletes used codes that expired more than one cooldown ago, as the original's
 * DeleteExpiredTotpTokens does, and no others.
 */
class TotpUsedCodesPurgeTest {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void codesGoOneCooldownAfterTheyExpire(Backend backend) {
    Map<String, String> settings = new HashMap<>(TestDatabases.fresh(backend));
    settings.put("totp_rate_limit_cooldown_sec", "100");
    CoreConfig config = ConfigLoader.load(null, Map.of(), settings, false);
    MutableClock clock = new MutableClock(1_800_000_000_000L);
    try (Storage storage = JdbcStorage.open(config)) {
      TotpDevices devices = new TotpDevices(storage, clock);
      TotpVerification codes = new TotpVerification(storage, TenantConfigs.fixed(config), clock);
      devices.importDevice("public", "u", null, 1, 30, "ABCDEFGH");
      refused(codes, "1");
      clock.advance(Duration.ofSeconds(10));
      refused(codes, "2");
      // The first expires at +90 s, so it goes after +190 s; the second 10 s later.
      clock.advance(Duration.ofMillis(180_000));
      assertEquals(0, codes.purgeExpired());
      clock.advance(Duration.ofMillis(1));
      assertEquals(1, codes.purgeExpired());
      clock.advance(Duration.ofSeconds(10));
      assertEquals(1, codes.purgeExpired());
      assertEquals(0, storage.totp().usedCodes("public", "public", "u").size());
    }
  }

  private static void refused(TotpVerification codes, String code) {
    try {
      codes.verifyCode(TenantId.BASE, "u", code);
      throw new AssertionError("accepted " + code);
    } catch (TotpRefusal expected) {
      assertEquals(Status.INVALID_TOTP_ERROR, expected.status());
    }
  }
}
