package io.authcore.recipe.emailpassword;

import io.authcore.crypto.password.HashingAlgorithm;
import io.authcore.crypto.password.InvalidPasswordHashException;
import io.authcore.crypto.password.PasswordHashImport;
import io.authcore.crypto.password.PasswordHasher;
import io.authcore.tenancy.TenantConfigs;
import java.util.Locale;

/**
 * Password hashing as one app configures it: {@code password_hashing_alg} and {@code
 * firebase_password_hashing_signer_key} may be set per app, so new hashes use the app's algorithm
 * and Firebase scrypt hashes the app's signer key; verification accepts every format whatever the
 * setting. The dashboard's admin passwords are hashed the same way, as the original does.
 */
public final class AppPasswords {
  private final PasswordHasher hasher;
  private final TenantConfigs configs;

  public AppPasswords(PasswordHasher hasher, TenantConfigs configs) {
    this.hasher = hasher;
    this.configs = configs;
  }

  public String hash(String appId, String password) {
    String algorithm =
        configs.appConfig(appId).string("password_hashing_alg").toUpperCase(Locale.ROOT);
    return hasher.hash(password, HashingAlgorithm.valueOf(algorithm));
  }

  /**
   * @throws io.authcore.crypto.password.UnverifiableHashException when the app cannot verify the
   *     stored hash
   */
  public boolean verify(String appId, String password, String storedHash) {
    return hasher.verify(password, storedHash, signerKey(appId));
  }

  /** Spends what a wrong password costs, then answers false: for a sign-in with no such account. */
  public boolean verifyAgainstDummy(String password) {
    return hasher.verifyAgainstDummy(password);
  }

  public HashingAlgorithm checkImport(String appId, PasswordHashImport request)
      throws InvalidPasswordHashException {
    return hasher.checkImport(request, signerKey(appId));
  }

  private String signerKey(String appId) {
    return configs.appConfig(appId).string("firebase_password_hashing_signer_key");
  }
}
