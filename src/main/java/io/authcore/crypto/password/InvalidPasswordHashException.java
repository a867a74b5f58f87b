package io.authcore.crypto.password;

/**
 * An imported password hash (or its declared algorithm) was refused. The message is the exact text
 * the original answers with status 400, e.g. {@code Password hash is in invalid BCrypt format}.
 */
public final class InvalidPasswordHashException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidPasswordHashException(String message) {
    super(message);
  }
}
