package io.authcore.crypto.password;

import java.util.Locale;

/**
 * The password hash formats the core knows, by the names of the original's {@code
 * PASSWORD_HASHING_ALG}. New hashes are only ever {@link #BCRYPT} or {@link #ARGON2}; {@link
 * #FIREBASE_SCRYPT} hashes can only be imported and verified.
 */
public enum HashingAlgorithm {
  ARGON2,
  BCRYPT,
  FIREBASE_SCRYPT;

  /**
   * The {@code hashingAlgorithm} field of {@code /recipe/user/passwordhash/import}, trimmed and
   * upper-cased as the original does; {@code null} (field absent) stays {@code null}, meaning
   * "infer it from the hash".
   *
   * @throws InvalidPasswordHashException with the original's 400 text
   */
  public static HashingAlgorithm fromRequest(String raw) throws InvalidPasswordHashException {
    if (raw == null) {
      return null;
    }
    String name = raw.trim().toUpperCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new InvalidPasswordHashException("Hashing Algorithm cannot be an empty string");
    }
    for (HashingAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new InvalidPasswordHashException("Unsupported password hashing algorithm");
  }
}
