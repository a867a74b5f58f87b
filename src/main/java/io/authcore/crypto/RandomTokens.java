package io.authcore.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Unguessable identifiers and tokens, all drawn from one {@link SecureRandom}. */
public final class RandomTokens {
  /** 128 bits: the least entropy any token handed to a client may have. */
  public static final int MIN_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  /** {@code n} random bytes; any length, for nonces and salts. */
  public static byte[] bytes(int n) {
    byte[] out = new byte[n];
    RANDOM.nextBytes(out);
    return out;
  }

  /** A random version-4 UUID (122 random bits), in the usual lowercase 36-character form. */
  public static String uuid() {
    byte[] b = bytes(16);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }

  /** Lowercase hex of {@code byteCount} random bytes ({@code byteCount >= 16}). */
  public static String hex(int byteCount) {
    return HexFormat.of().formatHex(bytes(checked(byteCount)));
  }

  /** Unpadded base64url of {@code byteCount} random bytes ({@code byteCount >= 16}). */
  public static String base64Url(int byteCount) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(checked(byteCount)));
  }

  private static int checked(int byteCount) {
    if (byteCount < MIN_BYTES) {
      throw new IllegalArgumentException("a token needs at least " + MIN_BYTES + " random bytes");
    }
    return byteCount;
  }
}
