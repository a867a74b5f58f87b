package io.authcore.crypto;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 Base32, as commons-codec's {@code Base32} (which the original uses for TOTP secrets)
 * writes and reads it: upper-case output with {@code =} padding; decoding accepts either case,
 * skips characters outside the alphabet, stops at padding and drops incomplete trailing bits.
 */
public final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Base32() {}

  public static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length + 4) / 5 * 8);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }

  public static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
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
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= '2' && c <= '7') {
      return c - '2' + 26;
    }
    return -1;
  }
}
