package io.authcore.crypto;

/**
 * The encrypted part of a refresh token could not be opened: not base64, too short, another app's
 * key, or altered. The cause (if any) is the underlying JCA error.
 */
public final class RefreshTokenDecryptionException extends Exception {
  private static final long serialVersionUID = 1L;

  RefreshTokenDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
