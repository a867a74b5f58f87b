package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  /** The SHA1 seed of RFC 6238 appendix B. */
  private static final String RFC_SEED =
      Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void rfc6238Sha1Vectors(long seconds, String expected) {
    assertEquals(expected, Totp.code(RFC_SEED, 30, seconds * 1000, 8));
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
    assertEquals("287082", Totp.code(RFC_SEED, 30, 59_000, 6));
    assertEquals("081804", Totp.code(RFC_SEED, 30, 1_111_111_109_000L, 6));
  }

  @Test
  void skewAcceptsNeighbouringWindowsOnly() {
    long now = 1_111_111_109_000L;
    String previous = Totp.code(RFC_SEED, 30, now - 30_000, 6);
    String twoBack = Totp.code(RFC_SEED, 30, now - 60_000, 6);
    assertTrue(Totp.matches(RFC_SEED, 30, 1, now, previous));
    assertFalse(Totp.matches(RFC_SEED, 30, 0, now, previous));
    assertFalse(Totp.matches(RFC_SEED, 30, 1, now, twoBack));
    assertTrue(Totp.matches(RFC_SEED, 30, 0, now, "081804"));
    assertFalse(Totp.matches(RFC_SEED, 30, 0, now, "81804"));
    assertFalse(Totp.matches(RFC_SEED, 30, 0, now, "٠٨١٨٠٤"));
  }

  @Test
  void secretsAre160BitBase32WithoutPadding() {
    String secret = Totp.newSecret();
    assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
    assertEquals(20, Base32.decode(secret).length);
  }

  @Test
  void base32ReadsAsCommonsCodecDoes() {
    assertEquals("MZXW6YTBOI======", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "foobar", new String(Base32.decode("mzxw6ytboi======"), StandardCharsets.US_ASCII));
    assertEquals("foobar", new String(Base32.decode("MZXW 6YTB OI"), StandardCharsets.US_ASCII));
    assertEquals(0, Base32.decode("!!").length);
    assertFalse(Totp.matches("!!", 30, 1, 0, "000000"));
  }
}
