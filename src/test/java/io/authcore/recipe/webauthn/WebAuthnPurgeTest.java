package io.authcore.recipe.webauthn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import io.authcore.recipe.users.UsersService;
import io.authcore.recipe.webauthn.WebAuthnOptionsService.Party;
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
 * The daily clean-up (the original's CleanUpWebauthNExpiredDataCron) deletes options and recovery
 * tokens once they have expired, and nothing that is still valid.
 */
class WebAuthnPurgeTest {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void expiredOptionsAndTokensGo(Backend backend) {
    Map<String, String> settings = new HashMap<>(TestDatabases.fresh(backend));
    settings.put("webauthn_recover_account_token_lifetime", "5000");
    CoreConfig config = ConfigLoader.load(null, Map.of(), settings, false);
    MutableClock clock = new MutableClock(1_800_000_000_000L);
    try (Storage storage = JdbcStorage.open(config)) {
      UsersService users = new UsersService(storage);
      WebAuthnOptionsService options = new WebAuthnOptionsService(storage, users, clock);
      RecoveryTokenService tokens =
          new RecoveryTokenService(storage, users, TenantConfigs.fixed(config), clock);
      Party shortLived = new Party("example.com", "E", "https://example.com", 1000);
      Party longLived = new Party("example.com", "E", "https://example.com", 10_000);
      String first = options.signIn(TenantId.BASE, shortLived, "preferred", false).id();
      String second = options.signIn(TenantId.BASE, longLived, "preferred", false).id();
      storage.runInTransaction(
          tx -> tx.webAuthn().insertUser("public", "public", "u-1", "u@x.com", "example.com", 1));
      tokens.generate(TenantId.BASE, "u@x.com", "u-1");
      clock.advance(Duration.ofMillis(1000));
      assertEquals(0, options.purgeExpired()); // expiring now is not yet expired
      clock.advance(Duration.ofMillis(1));
      assertEquals(1, options.purgeExpired());
      assertTrue(storage.webAuthn().options("public", "public", first).isEmpty());
      assertTrue(storage.webAuthn().options("public", "public", second).isPresent());
      assertEquals(0, tokens.purgeExpired());
      clock.advance(Duration.ofMillis(4000));
      assertEquals(1, tokens.purgeExpired());
      clock.advance(Duration.ofMillis(10_000));
      assertEquals(1, options.purgeExpired());
      assertEquals(0, options.purgeExpired() + tokens.purgeExpired());
    }
  }
}
