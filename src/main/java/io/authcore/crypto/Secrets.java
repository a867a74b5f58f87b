package io.authcore.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparison of secret values without leaking, through timing, how many leading bytes matched. */
public final class Secrets {
  private Secrets() {}

  /** True when both are null, or both are equal byte for byte. Only the length may leak. */
  public static boolean equal(byte[] a, byte[] b) {
    if (a == null || b == null) {
      return a == b;
    }
    return MessageDigest.isEqual(a, b);
  }

  /** True when both are null, or both have the same UTF-8 encoding. Only the length may leak. */
  public static boolean equal(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
