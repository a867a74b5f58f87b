package io.authcore.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords with HmacSHA1 and T0 = 0, as the original computes them
 * (java-otp): the counter is the time in milliseconds divided by the period, the code the RFC 4226
 * dynamic truncation modulo 10^digits, zero-padded.
 */
public final class Totp {
  /** The digits of the codes the TOTP recipe uses. */
  public static final int DIGITS = 6;

  private static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new 160-bit secret in Base32 without padding (32 characters), as the original makes them. */
  public static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return Base32.encode(key);
  }

  /** The code of a Base32 secret at a time, or empty when the secret decodes to no key. */
  public static String code(String base32Secret, int periodSeconds, long epochMillis, int digits) {
    return code(Base32.decode(base32Secret), periodSeconds, epochMillis, digits);
  }

  static String code(byte[] key, int periodSeconds, long epochMillis, int digits) {
    if (key.length == 0) {
      return "";
    }
    long counter = Math.floorDiv(epochMillis, periodSeconds * 1000L);
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(longBytes(counter));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    int modulus = (int) Math.pow(10, digits);
    String code = Integer.toString(binary % modulus);
    return "0".repeat(digits - code.length()) + code;
  }

  /**
   * Whether the code is the one of the secret at {@code now + i * period} for some i in [-skew,
   * skew]. Each candidate is compared in constant time, and all are compared.
   */
  public static boolean matches(
      String base32Secret, int periodSeconds, int skew, long nowMillis, String code) {
    byte[] key = Base32.decode(base32Secret);
    boolean match = false;
    for (long i = -skew; i <= skew; i++) {
      String expected = code(key, periodSeconds, nowMillis + i * periodSeconds * 1000L, DIGITS);
      match |= !expected.isEmpty() && Secrets.equal(expected, code);
    }
    return match;
  }

  private static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    return bytes;
  }
}
