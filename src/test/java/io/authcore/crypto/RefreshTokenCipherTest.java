package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenCipherTest {
  // Known answer computed independently with Python (hashlib.pbkdf2_hmac over OpenSSL and
  // cryptography's AESGCM) from the recipe in the original's Utils.encrypt / generateNewSigningKey:
  //   key    = refreshTokenKeyFrom(bytes 0..63, bytes 64..127)
  //   aesKey = pbkdf2_hmac('sha512', key.encode(), iv, 100, 32)
  //   out    = b64encode(iv + AESGCM(aesKey).encrypt(iv, PLAINTEXT.encode('utf-8'), None))
  private static final String KEY =
      "1000:404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a"
          + "6b6c6d6e6f707172737475767778797a7b7c7d7e7f:7ffe5083ece9f331354d869816c962ca71cbf9d238c3"
          + "e1904b25acc4c060beac20ee3df5d74bee9af008608589719b4418111db69fca0f7c455b167771df42b8";
  private static final byte[] IV = HexFormat.of().parseHex("000102030405060708090a0b");
  private static final String PLAINTEXT =
      "{\"sessionHandle\":\"8a4791e3-1076-4634-b109-a77f531f39b4\",\"userId\":\"Zo\u00eb\u2603\","
          + "\"nonce\":\"b2dea29acdb870ff35ade4bb7efb6b0b9d20607650ad3bed36f1ff7b3404dcdc\","
          + "\"tenantId\":\"t1\"}";
  private static final String CIPHERTEXT =
      "AAECAwQFBgcICQoL0I8EILJ/+kixG/3eHgAESRKlf4/14n8W3DHcSZQdm8djrOAKiNqCmhQtal11S7DzhPYVXSNU"
          + "k9PpOcOcgOiCdiGPM8pPsqBr/s5PYmeuwSZ8Tcj9xKF2p+plkwBakaXK0hbYqThySif2fN/ps+249ExiSn510Bn5"
          + "J51IV655JZfZHqwXu5C9SQHLiPvCFvgwdwQuUQF6/0fAab6jSd7Ta3HzKOxmX0hrk7s++/Bcec0k4o6UfoM=";

  @Test
  void knownAnswerEncrypts() {
    assertEquals(CIPHERTEXT, new RefreshTokenCipher(KEY).encrypt(PLAINTEXT, IV));
  }

  @Test
  void knownAnswerDecrypts() throws Exception {
    assertEquals(PLAINTEXT, new RefreshTokenCipher(KEY).decrypt(CIPHERTEXT));
  }

  @Test
  void knownAnswerForTheKeyFormat() {
    byte[] random = new byte[64];
    byte[] salt = new byte[64];
    for (int i = 0; i < 64; i++) {
      random[i] = (byte) i;
      salt[i] = (byte) (64 + i);
    }
    assertEquals(KEY, RefreshTokenCipher.refreshTokenKeyFrom(random, salt));
  }

  @Test
  void newKeysHaveTheOriginalsShape() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      String key = RefreshTokenCipher.newRefreshTokenKey();
      assertTrue(key.matches("1000:[0-9a-f]{128}:[0-9a-f]{128}"), key);
      assertEquals(262, key.length());
      assertTrue(seen.add(key));
    }
  }

  @Test
  void roundTripsWithAFreshIvEachTime() throws Exception {
    RefreshTokenCipher cipher = new RefreshTokenCipher(RefreshTokenCipher.newRefreshTokenKey());
    String a = cipher.encrypt(PLAINTEXT);
    String b = cipher.encrypt(PLAINTEXT);
    assertNotEquals(a, b);
    byte[] ra = Base64.getDecoder().decode(a);
    byte[] rb = Base64.getDecoder().decode(b);
    assertNotEquals(HexFormat.of().formatHex(ra, 0, 12), HexFormat.of().formatHex(rb, 0, 12));
    // iv (12) + UTF-8 plaintext + tag (16)
    assertEquals(
        12 + PLAINTEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16, ra.length);
    assertEquals(PLAINTEXT, cipher.decrypt(a));
    assertEquals(PLAINTEXT, cipher.decrypt(b));
    assertEquals("", cipher.decrypt(cipher.encrypt("")));
  }

  @Test
  void theOriginalsRefreshTokenHasTheSameLayout() {
    // A.13: the encrypted part must be iv + the 179-byte Gson payload below + a 16-byte tag
    String payload =
        "{\"sessionHandle\":\"8a4791e3-1076-4634-b109-a77f531f39b4\","
            + "\"userId\":\"bb815fda-3a63-4f97-8953-64d34ae897f9\","
            + "\"nonce\":\"b2dea29acdb870ff35ade4bb7efb6b0b9d20607650ad3bed36f1ff7b3404dcdc\"}";
    String[] parts = OriginalTranscript.REFRESH_TOKEN.split("\\.");
    assertEquals(3, parts.length);
    assertEquals("V2", parts[2]);
    assertEquals(12 + payload.length() + 16, Base64.getDecoder().decode(parts[0]).length);
    assertTrue(payload.contains(parts[1]));
  }

  @Test
  void anotherKeyCannotDecrypt() {
    RefreshTokenCipher other = new RefreshTokenCipher(RefreshTokenCipher.newRefreshTokenKey());
    assertThrows(RefreshTokenDecryptionException.class, () -> other.decrypt(CIPHERTEXT));
  }

  @Test
  void everyAlteredByteIsDetected() {
    RefreshTokenCipher cipher = new RefreshTokenCipher(KEY);
    byte[] raw = Base64.getDecoder().decode(CIPHERTEXT);
    // first and last IV byte, first ciphertext byte, a middle byte, last tag byte
    for (int index : new int[] {0, 11, 12, raw.length / 2, raw.length - 1}) {
      byte[] altered = raw.clone();
      altered[index] ^= 0x01;
      String tampered = Base64.getEncoder().encodeToString(altered);
      assertThrows(
          RefreshTokenDecryptionException.class, () -> cipher.decrypt(tampered), "byte " + index);
    }
  }

  @Test
  void truncatedOrExtendedInputIsDetected() {
    RefreshTokenCipher cipher = new RefreshTokenCipher(KEY);
    byte[] raw = Base64.getDecoder().decode(CIPHERTEXT);
    for (int length : new int[] {0, 5, 12, 27, 28, raw.length - 1}) {
      String cut = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, length));
      assertThrows(
          RefreshTokenDecryptionException.class, () -> cipher.decrypt(cut), "length " + length);
    }
    String longer =
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length + 1));
    assertThrows(RefreshTokenDecryptionException.class, () -> cipher.decrypt(longer));
  }

  @Test
  void nonBase64IsDetected() {
    RefreshTokenCipher cipher = new RefreshTokenCipher(KEY);
    assertThrows(RefreshTokenDecryptionException.class, () -> cipher.decrypt("garbage!"));
    // the original decodes with the standard alphabet only
    String urlSafe = CIPHERTEXT.replace('+', '-').replace('/', '_');
    assertNotEquals(CIPHERTEXT, urlSafe);
    assertThrows(RefreshTokenDecryptionException.class, () -> cipher.decrypt(urlSafe));
  }

  @Test
  void anEmptyKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RefreshTokenCipher(""));
    assertThrows(IllegalArgumentException.class, () -> new RefreshTokenCipher(null));
  }
}
