package io.authcore.crypto.password;

import java.io.ByteArrayOutputStream;

/**
 * Base64 decoding as forgiving as Apache commons-codec's {@code Base64.decodeBase64}, which the
 * original uses for every part of a Firebase scrypt hash and for the signer key: both the standard
 * and the URL-safe alphabet, any other character skipped, decoding stops at the first {@code =},
 * and leftover bits that do not make a whole byte are dropped. Stricter decoding would refuse
 * hashes and keys the original accepts.
 */
final class LenientBase64 {
  private LenientBase64() {}

  static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        break;
      }
      int value = valueOf(c);
      if (value < 0) {
        continue;
      }
      buffer = (buffer << 6) | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >> bits) & 0xff);
      }
    }
    return out.toByteArray();
  }

  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+' || c == '-') {
      return 62;
    }
    if (c == '/' || c == '_') {
      return 63;
    }
    return -1;
  }
}
