package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** Access tokens of versions 1 and 2, against one the original 11.4.7 issued at CDI 2.9. */
class LegacyJwtTest {
  /** POST /recipe/session at CDI 2.9, userId legacy-user, payload role admin, anti-CSRF on. */
  static final String ORIGINAL_V2 =
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsInZlcnNpb24iOiIyIn0=.eyJ1c2VySWQiOiJsZWdhY3k"
          + "tdXNlciIsImV4cGlyeVRpbWUiOjE3OTY2MzE1Nzc1MDgsInRpbWVDcmVhdGVkIjoxNzk2NjI3OTc3NTA"
          + "4LCJzZXNzaW9uSGFuZGxlIjoiODY1ZTM2ZmQtNDYyNy00N2VjLThhN2UtYTE0OWU0NzY2OWFiIiwicmV"
          + "mcmVzaFRva2VuSGFzaDEiOiJmYjY2NTNhYTc0MjgwZTYyY2UwZjlmMGFkNzg0YzE4MWRiNWVlYjE0YTI"
          + "zOWEyODc2MDU5YzdlMWE5N2NiY2MyIiwiYW50aUNzcmZUb2tlbiI6IjM1ODc5YzJmLTE1ZWItNDE1My1"
          + "hNWNhLTE5NmEyMzRjNjFhZCIsInVzZXJEYXRhIjp7InJvbGUiOiJhZG1pbiJ9fQ==.hKjpkSL3uzpLIq"
          + "9Kc0lIjOllveaKEJZPnPumUGmrFFk0R6//Gdmq4Jlfj1e3vM0+om/1gMzI6Y7bnGA2JuW/9h35A5GYRh"
          + "9/AL2lzVlcvmKqMk4YmkFNc5oPFLCGS+Jy6OHq5U/XhcGqhWvc+00jp2Vh929HgkvZt48oaMKqPT3Wt0"
          + "WucuhXD2z7MN26bx+AlplxrQjdMxJt22moXInJRmoSE9E0AvcZ/zH7ygnVDECGkiouimWqUFsWYhJ203"
          + "xn0LiUZFazMbZu+K/z/DRgAWn8V/ugNVxiLOLuTOonNtryRE2l1WHvIWizi7kWjX6n+tOxhbnIx1fe5p"
          + "gXst1NHA==";

  /** Its jwtSigningPublicKey: standard base64 of the X.509 SubjectPublicKeyInfo. */
  static final String ORIGINAL_KEY =
      "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjaAg5RWrPuuuImhe3Rz1QunYVlk8SUxDRpn3"
          + "jE30R8THRcK/Y2s7PU0dqBBDEBe5/qhk3+86rYPW+rPnyHJ6MUWN6KyaJPjoeQ7rTg2Q9vwtOWI0D5Vn"
          + "78R7/Z6H/TEViKkUXQkykZLMGQOmif9oCYV1FrOtt0hN91n4ycWTGP9NNjnCPljJCUPfrznMGixUTtRQ"
          + "5VSwCEGxJmFqbJqPe0F0j2ZuQtQJzd1kr8d+KHoBSoieBWacYXMKeqUPgPxmJDVZ5IOHVGvGm+irl+SR"
          + "77V9q50cL0ovRRRBMKQcjaQZZoU7clYw8COa6dOlMXXoxU1i6D8tye1YCMRGmpF4xQIDAQAB";

  @Test
  void theOriginalsTokenParsesAndVerifies() throws Exception {
    LegacyJwt.Parsed parsed = LegacyJwt.parse(ORIGINAL_V2).orElseThrow();
    assertEquals("2", parsed.version());
    ObjectNode payload = parsed.payload();
    assertEquals("legacy-user", payload.get("userId").asText());
    assertEquals("35879c2f-15eb-4153-a5ca-196a234c61ad", payload.get("antiCsrfToken").asText());
    assertEquals("{\"role\":\"admin\"}", payload.get("userData").toString());
    RSAPublicKey key = RsaKeys.publicKeyFromBase64(ORIGINAL_KEY);
    assertTrue(LegacyJwt.verify(parsed, key));
    assertFalse(LegacyJwt.verify(parsed, (RSAPublicKey) RsaKeys.generate().getPublic()));
  }

  @Test
  void signingGivesTheOriginalsHeaderAndStandardBase64() throws Exception {
    ObjectNode payload = new ObjectMapper().createObjectNode();
    payload.put("userId", "u");
    payload.putObject("userData").put("a", "?>>");
    KeyPair pair = RsaKeys.generate();
    String token = LegacyJwt.sign("2", payload, pair.getPrivate());
    String[] parts = token.split("\\.");
    assertEquals(ORIGINAL_V2.split("\\.")[0], parts[0]);
    assertTrue(parts[1].contains("+") || parts[1].contains("/") || parts[1].endsWith("="));
    LegacyJwt.Parsed parsed = LegacyJwt.parse(token).orElseThrow();
    assertEquals(payload, parsed.payload());
    assertTrue(LegacyJwt.verify(parsed, pair.getPublic()));
    String v1 = LegacyJwt.sign("1", payload, pair.getPrivate());
    assertEquals("1", LegacyJwt.parse(v1).orElseThrow().version());
  }

  @Test
  void otherTokensAreNotLegacyAndBrokenOnesAreRefused() throws Exception {
    assertTrue(LegacyJwt.parse("a.b.c").isEmpty());
    assertTrue(LegacyJwt.parse(OriginalTranscript.ACCESS_TOKEN_DYNAMIC).isEmpty());
    String header = ORIGINAL_V2.split("\\.")[0];
    assertThrows(MalformedJwtException.class, () -> LegacyJwt.parse(header + ".!!.x"));
    assertThrows(MalformedJwtException.class, () -> LegacyJwt.parse(header + ".WzFd.AA=="));
  }
}
