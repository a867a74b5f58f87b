package io.authcore.crypto.password;

/**
 * A stored password hash in a known format that this core will not compute: it costs more than the
 * bounds allow, or it is a Firebase scrypt hash and no signer key is set. Sign-in treats it as a
 * wrong password and logs the message, which names the reason and never the hash.
 */
public final class UnverifiableHashException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnverifiableHashException(String reason) {
    super(reason);
  }
}
