package io.authcore.support.webauthn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The software authenticator's CBOR against the examples of RFC 8949, Appendix A. */
class CborTest {
  private static String hex(Object item) {
    return HexFormat.of().formatHex(Cbor.encode(item));
  }

  @Test
  void integersTakeTheShortestHead() {
    assertEquals("00", hex(0));
    assertEquals("17", hex(23));
    assertEquals("1818", hex(24));
    assertEquals("1903e8", hex(1000));
    assertEquals("1a000f4240", hex(1000000));
    assertEquals("1b000000e8d4a51000", hex(1000000000000L));
    assertEquals("20", hex(-1));
    assertEquals("3903e7", hex(-1000));
    assertEquals("390100", hex(-257L));
  }

  @Test
  void stringsAndMaps() {
    assertEquals("40", hex(new byte[0]));
    assertEquals("4401020304", hex(new byte[] {1, 2, 3, 4}));
    assertEquals("6449455446", hex("IETF"));
    assertEquals("62c3bc", hex("\u00fc"));
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, 2);
    map.put(3, 4);
    assertEquals("a201020304", hex(map));
    assertEquals("a0", hex(Map.of()));
  }
}
