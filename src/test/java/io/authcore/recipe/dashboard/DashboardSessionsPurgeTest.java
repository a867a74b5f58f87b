package io.authcore.recipe.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.Storage;
import io.authcore.storage.jdbc.JdbcStorage;
import io.authcore.support.Backend;
import io.authcore.support.MutableClock;
import io.authcore.support.TestDatabases;
import io.authcore.tenancy.TenantConfigs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The twice-daily clean-up deletes the sessions that expired, as the original's
 * DeleteExpiredDashboardSessions does, and no others.
 */
class DashboardSessionsPurgeTest {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void expiredSessionsGo(Backend backend) {
    CoreConfig config = ConfigLoader.load(null, Map.of(), TestDatabases.fresh(backend), false);
    MutableClock clock = new MutableClock(1_800_000_000_000L);
    try (Storage storage = JdbcStorage.open(config);
        PasswordHasher hasher = new PasswordHasher(config)) {
      AppPasswords passwords = new AppPasswords(hasher, TenantConfigs.fixed(config));
      DashboardAdmins admins = new DashboardAdmins(storage, passwords, clock);
      DashboardSessions sessions = new DashboardSessions(storage, passwords, clock);
      String userId = admins.create("public", "purge@example.com", "password123").userId();
      String old = sessions.signIn("public", "purge@example.com", "password123").orElseThrow();
      clock.advance(Duration.ofDays(1));
      String recent = sessions.signIn("public", "purge@example.com", "password123").orElseThrow();
      clock.advance(Duration.ofDays(29));
      assertEquals(0, sessions.purgeExpired());
      clock.advance(Duration.ofMillis(1));
      assertEquals(1, sessions.purgeExpired());
      assertTrue(sessions.verify("public", old).isEmpty());
      assertEquals(recent, sessions.sessionsOf("public", userId).get(0).sessionId());
      assertEquals(1, sessions.sessionsOf("public", userId).size());
    }
  }
}
