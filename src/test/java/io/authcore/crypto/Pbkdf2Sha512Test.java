package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class Pbkdf2Sha512Test {
  @Test
  void matchesTheJdksPbkdf2ForShortAndLongPasswordsAndSeveralBlocks() throws Exception {
    Random random = new Random(7);
    // Short keys are padded, keys over one 128-byte block are hashed first; 100 bytes of output
    // need two PBKDF2 blocks.
    for (int passwordLength : new int[] {1, 64, 128, 129, 262}) {
      for (int bytes : new int[] {32, 64, 100}) {
        char[] password = randomHex(random, passwordLength);
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        byte[] expected =
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password, salt, 100, bytes * 8))
                .getEncoded();
        assertArrayEquals(
            expected,
            new Pbkdf2Sha512(password).derive(salt, 100, bytes),
            passwordLength + "-char password, " + bytes + " bytes");
      }
    }
  }

  @Test
  void matchesAPublishedVector() {
    // RFC 6070's first input with SHA-512 (the widely published PBKDF2-HMAC-SHA512 vector).
    byte[] expected =
        HexFormat.of()
            .parseHex(
                "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                    + "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
    assertArrayEquals(
        expected, new Pbkdf2Sha512("password".toCharArray()).derive("salt".getBytes(), 1, 64));
  }

  private static char[] randomHex(Random random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = Character.forDigit(random.nextInt(16), 16);
    }
    return out;
  }
}
