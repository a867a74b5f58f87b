package io.authcore.recipe.emailpassword;

import io.authcore.crypto.password.HashingAlgorithm;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.tenancy.TenantConfigs;
import java.util.Locale;

/**
 * Password hashing as one app configures it: {@code password_hashing_alg} may be set per app, so
 * new hashes use the app's algorithm; verification accepts every format whatever the setting.
 */
final class AppPasswords {
  private final PasswordHasher hasher;
  private final TenantConfigs configs;

  AppPasswords(PasswordHasher hasher, TenantConfigs configs) {
    this.hasher = hasher;
    this.configs = configs;
  }

  String hash(String appId, String password) {
    String algorithm =
        configs.appConfig(appId).string("password_hashing_alg").toUpperCase(Locale.ROOT);
    return hasher.hash(password, HashingAlgorithm.valueOf(algorithm));
  }
}
