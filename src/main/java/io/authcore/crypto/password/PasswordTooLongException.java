package io.authcore.crypto.password;

/**
 * A password longer than {@link PasswordHasher#MAX_PASSWORD_BYTES} UTF-8 bytes was given to be
 * hashed. The message is the text a recipe should answer with status 400 (the original has no such
 * limit, hence no text of its own).
 */
public final class PasswordTooLongException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PasswordTooLongException() {
    super("Password cannot be longer than " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes");
  }
}
