package io.authcore.support.webauthn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The few CBOR items WebAuthn needs (RFC 8949: integers, byte and text strings, maps), written by
 * hand so the authenticator's encoding does not share code with the library that verifies it. Maps
 * are written in the order given; callers pass them in canonical order.
 */
final class Cbor {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static byte[] encode(Object item) {
    Cbor cbor = new Cbor();
    cbor.write(item);
    return cbor.out.toByteArray();
  }

  private void write(Object item) {
    if (item instanceof Integer i) {
      write((long) i);
    } else if (item instanceof Long n) {
      if (n >= 0) {
        head(0, n);
      } else {
        head(1, -1 - n);
      }
    } else if (item instanceof byte[] bytes) {
      head(2, bytes.length);
      out.writeBytes(bytes);
    } else if (item instanceof String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      head(3, utf8.length);
      out.writeBytes(utf8);
    } else if (item instanceof Map<?, ?> map) {
      head(5, map.size());
      map.forEach(
          (key, value) -> {
            write(key);
            write(value);
          });
    } else {
      throw new IllegalArgumentException("not a CBOR item here: " + item);
    }
  }

  private void head(int major, long argument) {
    int type = major << 5;
    if (argument < 24) {
      out.write(type | (int) argument);
    } else if (argument < 0x100) {
      out.write(type | 24);
      out.write((int) argument);
    } else if (argument < 0x10000) {
      out.write(type | 25);
      bigEndian(argument, 2);
    } else if (argument < 0x100000000L) {
      out.write(type | 26);
      bigEndian(argument, 4);
    } else {
      out.write(type | 27);
      bigEndian(argument, 8);
    }
  }

  private void bigEndian(long value, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xff);
    }
  }
}
