package io.authcore.crypto.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LenientBase64Test {
  @Test
  void agreesWithTheJdkOnWellFormedInput() {
    Random random = new Random(42);
    for (int n = 0; n < 70; n++) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      String padded = Base64.getEncoder().encodeToString(bytes);
      assertArrayEquals(bytes, LenientBase64.decode(padded));
      assertArrayEquals(bytes, LenientBase64.decode(padded.replace("=", "")));
      assertArrayEquals(bytes, LenientBase64.decode(Base64.getUrlEncoder().encodeToString(bytes)));
    }
  }

  @Test
  void skipsStrangersAndStopsAtPadding() {
    assertArrayEquals(new byte[] {7}, LenientBase64.decode("Bw=="));
    assertArrayEquals(new byte[] {7}, LenientBase64.decode(" B\nw ==garbage"));
    assertArrayEquals(new byte[] {7}, LenientBase64.decode("Bw=AAAA"));
    // Bits that do not fill a byte are dropped, as commons-codec does.
    assertArrayEquals(new byte[] {7}, LenientBase64.decode("Bw"));
    assertArrayEquals(new byte[] {7, 0}, LenientBase64.decode("BwA"));
    assertArrayEquals(new byte[0], LenientBase64.decode("B"));
    assertArrayEquals(new byte[0], LenientBase64.decode("!!"));
  }
}
