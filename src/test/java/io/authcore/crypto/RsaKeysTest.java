package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RsaKeysTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static KeyPair pair;

  @BeforeAll
  static void generateOnce() {
    pair = RsaKeys.generate();
  }

  @Test
  void generatesRsa2048WithExponent65537() {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    assertEquals(2048, key.getModulus().bitLength());
    assertEquals(BigInteger.valueOf(65537), key.getPublicExponent());
  }

  @Test
  void pairsMadeAheadAreTakenFirstEachOnceThenNewOnesAreMade() {
    RsaKeys.generateAhead(2);
    KeyPair first = RsaKeys.generate();
    KeyPair second = RsaKeys.generate();
    KeyPair third = RsaKeys.generate();
    for (KeyPair made : new KeyPair[] {first, second, third}) {
      assertEquals(2048, ((RSAPublicKey) made.getPublic()).getModulus().bitLength());
      assertEquals(made.getPublic(), RsaKeys.parse(RsaKeys.serialise(made)).getPublic());
    }
    assertFalse(first.getPublic().equals(second.getPublic()), "each pair is used once");
    assertFalse(second.getPublic().equals(third.getPublic()), "each pair is used once");
  }

  @Test
  void storedFormIsBase64X509PipeBase64Pkcs8() {
    String stored = RsaKeys.serialise(pair);
    assertTrue(stored.matches("[A-Za-z0-9+/]+=*\\|[A-Za-z0-9+/]+=*"), "shape");
    String[] parts = stored.split("\\|");
    // DER prefixes of a 2048-bit RSA SubjectPublicKeyInfo and of a PKCS#8 PrivateKeyInfo
    assertTrue(parts[0].startsWith("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"), parts[0]);
    assertTrue(parts[1].startsWith("MIIE"));
    assertEquals(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), parts[0]);
    assertEquals(parts[0], RsaKeys.publicKeyBase64(pair.getPublic()));
  }

  @Test
  void storedFormRoundTrips() {
    KeyPair parsed = RsaKeys.parse(RsaKeys.serialise(pair));
    assertArrayEquals(pair.getPublic().getEncoded(), parsed.getPublic().getEncoded());
    assertArrayEquals(pair.getPrivate().getEncoded(), parsed.getPrivate().getEncoded());
    // and the parsed private key signs what the original public key verifies
    String token = Jwt.sign(Jwt.plainHeader("s-1"), MAPPER.createObjectNode(), parsed.getPrivate());
    assertTrue(verify(token, (RSAPublicKey) pair.getPublic()));
  }

  @Test
  void legacySemicolonSeparatorIsRead() {
    String legacy = RsaKeys.serialise(pair).replace('|', ';');
    KeyPair parsed = RsaKeys.parse(legacy);
    assertArrayEquals(pair.getPrivate().getEncoded(), parsed.getPrivate().getEncoded());
  }

  @Test
  void malformedStoredKeysAreRefusedWithoutEchoingThem() {
    String stored = RsaKeys.serialise(pair);
    String[] bad = {
      "",
      "no-separator",
      stored + "|extra",
      "%%%|%%%",
      stored.substring(0, stored.indexOf('|')) + "|",
    };
    for (String input : bad) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> RsaKeys.parse(input), input);
      assertFalse(input.length() > 3 && e.getMessage().contains(input));
    }
    assertThrows(IllegalArgumentException.class, () -> RsaKeys.parse(null));
  }

  @Test
  void jwkHasTheOriginalsFieldsAndOrder() {
    ObjectNode jwk = RsaKeys.jwk("d-1", (RSAPublicKey) pair.getPublic());
    java.util.List<String> names = new java.util.ArrayList<>();
    jwk.fieldNames().forEachRemaining(names::add);
    assertEquals(java.util.List.of("kty", "kid", "n", "e", "alg", "use"), names);
    assertEquals("RSA", jwk.get("kty").asText());
    assertEquals("d-1", jwk.get("kid").asText());
    assertEquals("AQAB", jwk.get("e").asText());
    assertEquals("RS256", jwk.get("alg").asText());
    assertEquals("sig", jwk.get("use").asText());
    // 256 bytes of modulus, no sign byte, no padding: 342 base64url characters
    assertTrue(jwk.get("n").asText().matches("[A-Za-z0-9_-]{342}"));
  }

  @Test
  void jwkDecodesBackToTheSameKey() {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    RSAPublicKey back = RsaKeys.fromJwk(RsaKeys.jwk("d-1", key));
    assertEquals(key.getModulus(), back.getModulus());
    assertEquals(key.getPublicExponent(), back.getPublicExponent());
    assertArrayEquals(key.getEncoded(), back.getEncoded());
  }

  @Test
  void jwksOfTheOriginalIsReproducedByteForByte() throws Exception {
    for (JsonNode original : transcriptJwks()) {
      RSAPublicKey key = RsaKeys.fromJwk(original);
      assertEquals(2048, key.getModulus().bitLength());
      ObjectNode ours = RsaKeys.jwk(original.get("kid").asText(), key);
      assertEquals(MAPPER.writeValueAsString(original), MAPPER.writeValueAsString(ours));
    }
  }

  @Test
  void unsignedMagnitudeDropsOnlyTheSignByte() {
    assertArrayEquals(
        new byte[] {(byte) 0x80}, RsaKeys.unsignedMagnitude(BigInteger.valueOf(0x80)));
    assertArrayEquals(new byte[] {0x7f}, RsaKeys.unsignedMagnitude(BigInteger.valueOf(0x7f)));
    assertArrayEquals(new byte[] {1, 0}, RsaKeys.unsignedMagnitude(BigInteger.valueOf(0x100)));
    assertArrayEquals(new byte[] {1, 0, 1}, RsaKeys.unsignedMagnitude(BigInteger.valueOf(65537)));
    assertArrayEquals(
        new byte[] {(byte) 0xff, (byte) 0xff},
        RsaKeys.unsignedMagnitude(BigInteger.valueOf(0xffff)));
  }

  @Test
  void malformedJwksAreRefused() throws Exception {
    assertThrows(
        IllegalArgumentException.class,
        () -> RsaKeys.fromJwk(MAPPER.readTree("{\"kty\":\"EC\",\"n\":\"AQAB\",\"e\":\"AQAB\"}")));
    assertThrows(
        IllegalArgumentException.class,
        () -> RsaKeys.fromJwk(MAPPER.readTree("{\"kty\":\"RSA\",\"n\":\"!!\",\"e\":\"AQAB\"}")));
    assertThrows(
        IllegalArgumentException.class,
        () -> RsaKeys.fromJwk(MAPPER.readTree("{\"kty\":\"RSA\"}")));
  }

  private static boolean verify(String token, RSAPublicKey key) {
    try {
      return Jwt.verify(Jwt.parse(token), key);
    } catch (MalformedJwtException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode transcriptJwks() throws Exception {
    return MAPPER.readTree(OriginalTranscript.JWKS).get("keys");
  }
}
