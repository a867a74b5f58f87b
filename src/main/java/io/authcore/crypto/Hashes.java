package io.authcore.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests in the exact text forms the original stores and compares. */
public final class Hashes {
  private Hashes() {}

  /**
   * Lowercase hex SHA-256 of the UTF-8 bytes, as the original's {@code hashSHA256}; e.g. a
   * session's {@code refreshTokenHash1} is {@code sha256Hex(refreshToken)}.
   */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
