package io.authcore.recipe.bulkimport;

import io.authcore.crypto.password.InvalidPasswordHashException;
import io.authcore.crypto.password.PasswordHashImport;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantConfigs;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** The {@link ImportRules} of an app as they stand now. */
final class AppRules {
  private final Storage storage;
  private final TenantConfigs configs;
  private final AppPasswords passwords;
  private final Clock clock;

  AppRules(Storage storage, TenantConfigs configs, AppPasswords passwords, Clock clock) {
    this.storage = storage;
    this.configs = configs;
    this.passwords = passwords;
    this.clock = clock;
  }

  ImportRules of(String appId, boolean storedIds) {
    Set<String> tenants = new HashSet<>();
    for (TenantConfig t : configs.all()) {
      if (t.id().appId().equals(appId)) {
        tenants.add(t.id().tenantId());
      }
    }
    return new ImportRules(
        tenants,
        new HashSet<>(storage.roles().all(appId)),
        (hash, algorithm) -> {
          try {
            passwords.checkImport(appId, new PasswordHashImport(hash, algorithm));
            return null;
          } catch (InvalidPasswordHashException e) {
            return e.getMessage();
          }
        },
        clock.millis(),
        storedIds);
  }
}
