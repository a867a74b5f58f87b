package io.authcore.crypto.password;

/**
 * A Firebase scrypt hash was imported or verified while {@code
 * firebase_password_hashing_signer_key} is not set. The original fails such requests with a 500
 * whose body is {@link #originalText()}.
 */
public final class MissingSignerKeyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  static final String MESSAGE = "'firebase_password_hashing_signer_key' cannot be null";

  MissingSignerKeyException() {
    super(MESSAGE);
  }

  /** The original's 500 body: {@code exception.toString()} of its IllegalStateException. */
  public String originalText() {
    return "java.lang.IllegalStateException: " + MESSAGE;
  }
}
