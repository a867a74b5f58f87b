package io.authcore.crypto.password;

import java.util.Objects;

/**
 * The password part of a {@code /recipe/user/passwordhash/import} request once its fields are
 * normalised: the hash trimmed, the algorithm (if given) resolved. Checking the hash itself is
 * {@link PasswordHasher#checkImport}, which the original does only after its tenant gate.
 *
 * @param passwordHash the hash to store, trimmed, never empty
 * @param algorithm the declared algorithm, or {@code null} to infer it from the hash
 */
public record PasswordHashImport(String passwordHash, HashingAlgorithm algorithm) {
  public PasswordHashImport {
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  /**
   * Applies the original's checks in its order: empty hash, then empty or unknown algorithm.
   *
   * @throws InvalidPasswordHashException with the original's 400 text
   */
  public static PasswordHashImport parse(String rawPasswordHash, String rawAlgorithm)
      throws InvalidPasswordHashException {
    String hash = Objects.requireNonNull(rawPasswordHash, "rawPasswordHash").trim();
    if (hash.isEmpty()) {
      throw new InvalidPasswordHashException("Password hash cannot be an empty string");
    }
    return new PasswordHashImport(hash, HashingAlgorithm.fromRequest(rawAlgorithm));
  }
}
