package io.authcore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DYNAMIC_KID = "d-1795997727678";
  private static final String STATIC_KID = "s-d2459350-ddf2-43dc-9b15-74fe5ca48cc5";
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private static KeyPair pair;
  private static KeyPair otherPair;
  private static RSAPublicKey originalDynamicKey;
  private static RSAPublicKey originalStaticKey;

  @BeforeAll
  static void keys() throws Exception {
    pair = RsaKeys.generate();
    otherPair = RsaKeys.generate();
    for (JsonNode jwk : MAPPER.readTree(OriginalTranscript.JWKS).get("keys")) {
      if (jwk.get("kid").asText().equals(DYNAMIC_KID)) {
        originalDynamicKey = RsaKeys.fromJwk(jwk);
      } else if (jwk.get("kid").asText().equals(STATIC_KID)) {
        originalStaticKey = RsaKeys.fromJwk(jwk);
      }
    }
  }

  // --- compatibility with tokens the original issued ---

  @Test
  void originalAccessTokensVerifyWithTheOriginalsJwks() throws Exception {
    ParsedJwt dynamic = Jwt.parse(OriginalTranscript.ACCESS_TOKEN_DYNAMIC);
    assertEquals(DYNAMIC_KID, dynamic.kid());
    assertEquals("5", dynamic.version());
    assertTrue(Jwt.verify(dynamic, originalDynamicKey));
    assertFalse(Jwt.verify(dynamic, originalStaticKey));

    ParsedJwt stat = Jwt.parse(OriginalTranscript.ACCESS_TOKEN_STATIC);
    assertEquals(STATIC_KID, stat.kid());
    assertTrue(Jwt.verify(stat, originalStaticKey));
    assertFalse(Jwt.verify(stat, originalDynamicKey));
    assertEquals(
        "8cb3947d-7d5b-4988-800f-4270542e42a1", stat.payload().get("antiCsrfToken").asText());
  }

  @Test
  void originalRecipeJwtVerifiesAndHasNoVersion() throws Exception {
    ParsedJwt jwt = Jwt.parse(OriginalTranscript.RECIPE_JWT);
    assertNull(jwt.version());
    assertEquals(List.of("kid", "typ", "alg"), names(jwt.header()));
    assertEquals(List.of("iat", "exp", "iss", "a"), names(jwt.payload()));
    assertTrue(Jwt.verify(jwt, originalDynamicKey));
  }

  @Test
  void originalClaimsDecodeInTheOriginalsOrder() throws Exception {
    ParsedJwt jwt = Jwt.parse(OriginalTranscript.ACCESS_TOKEN_DYNAMIC);
    assertEquals(List.of("kid", "typ", "version", "alg"), names(jwt.header()));
    assertEquals(
        List.of(
            "iat",
            "exp",
            "sub",
            "tId",
            "rsub",
            "sessionHandle",
            "refreshTokenHash1",
            "parentRefreshTokenHash1",
            "antiCsrfToken",
            "role"),
        names(jwt.payload()));
    assertTrue(jwt.payload().get("parentRefreshTokenHash1").isNull());
    assertEquals(1796001332L, jwt.payload().get("exp").asLong());
    assertEquals(
        OriginalTranscript.REFRESH_TOKEN_HASH_1, jwt.payload().get("refreshTokenHash1").asText());
  }

  @Test
  void accessTokenHeaderAndPayloadAreByteIdenticalToTheOriginals() {
    ObjectNode payload = MAPPER.createObjectNode();
    payload.put("iat", 1795997732L);
    payload.put("exp", 1796001332L);
    payload.put("sub", "bb815fda-3a63-4f97-8953-64d34ae897f9");
    payload.put("tId", "public");
    payload.put("rsub", "bb815fda-3a63-4f97-8953-64d34ae897f9");
    payload.put("sessionHandle", "8a4791e3-1076-4634-b109-a77f531f39b4");
    payload.put("refreshTokenHash1", OriginalTranscript.REFRESH_TOKEN_HASH_1);
    payload.putNull("parentRefreshTokenHash1");
    payload.putNull("antiCsrfToken");
    payload.put("role", "admin");

    String ours = Jwt.sign(Jwt.accessTokenHeader(DYNAMIC_KID, "5"), payload, pair.getPrivate());

    assertEquals(signingInput(OriginalTranscript.ACCESS_TOKEN_DYNAMIC), signingInput(ours));
  }

  @Test
  void recipeJwtHeaderAndPayloadAreByteIdenticalToTheOriginals() {
    ObjectNode payload = MAPPER.createObjectNode();
    payload.put("iat", 1795997733L);
    payload.put("exp", 1796001333L);
    payload.put("iss", "http://localhost");
    payload.put("a", 1);

    String ours = Jwt.sign(Jwt.plainHeader(DYNAMIC_KID), payload, pair.getPrivate());

    assertEquals(signingInput(OriginalTranscript.RECIPE_JWT), signingInput(ours));
  }

  // --- round trip and tampering ---

  @Test
  void signedTokensRoundTripKeepingClaimOrder() throws Exception {
    ObjectNode payload = MAPPER.createObjectNode();
    payload.put("zeta", "last-letter-first");
    payload.put("alpha", 1);
    payload.putObject("nested").put("k", "Zo\u00eb \u2603 </script>");
    payload.putArray("list").add(1).add("two");

    String token = Jwt.sign(Jwt.accessTokenHeader("d-42", "5"), payload, pair.getPrivate());
    assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{342}"), token);

    ParsedJwt parsed = Jwt.parse(token);
    assertTrue(Jwt.verify(parsed, pair.getPublic()));
    assertFalse(Jwt.verify(parsed, otherPair.getPublic()));
    assertEquals(payload, parsed.payload());
    assertEquals(List.of("zeta", "alpha", "nested", "list"), names(parsed.payload()));
    assertEquals("d-42", parsed.kid());
    assertEquals(token.substring(0, token.lastIndexOf('.')), parsed.signingInput());
  }

  @Test
  void alteredPayloadHeaderOrSignatureFailsVerification() throws Exception {
    ObjectNode payload = MAPPER.createObjectNode().put("sub", "alice").put("exp", 10L);
    String token = Jwt.sign(Jwt.accessTokenHeader("d-1", "5"), payload, pair.getPrivate());
    String[] p = token.split("\\.");

    String otherPayload = segment("{\"sub\":\"mallory\",\"exp\":10}");
    assertFalse(Jwt.verify(Jwt.parse(p[0] + "." + otherPayload + "." + p[2]), pair.getPublic()));

    String otherHeader =
        segment("{\"kid\":\"d-2\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"RS256\"}");
    assertFalse(Jwt.verify(Jwt.parse(otherHeader + "." + p[1] + "." + p[2]), pair.getPublic()));

    char first = p[2].charAt(0);
    String flipped = (first == 'A' ? 'B' : 'A') + p[2].substring(1);
    assertFalse(Jwt.verify(Jwt.parse(p[0] + "." + p[1] + "." + flipped), pair.getPublic()));

    String shortSignature = p[2].substring(0, 40);
    assertFalse(Jwt.verify(Jwt.parse(p[0] + "." + p[1] + "." + shortSignature), pair.getPublic()));

    // the untouched token still verifies, so the failures above are the tampering
    assertTrue(Jwt.verify(Jwt.parse(token), pair.getPublic()));
  }

  @Test
  void onlyRs256IsSigned() {
    ObjectNode header = Jwt.plainHeader("s-1").put("alg", "HS256");
    assertThrows(
        IllegalArgumentException.class,
        () -> Jwt.sign(header, MAPPER.createObjectNode(), pair.getPrivate()));
  }

  // --- header rules ---

  @Test
  void algNoneIsRejected() {
    String header = segment("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"d-1\"}");
    String payload = segment("{\"sub\":\"alice\"}");
    assertRejected(header + "." + payload + ".", "Invalid JWT");
    assertRejected(header + "." + payload + ".c2ln", "JWT header mismatch - alg");
  }

  @Test
  void hmacHeaderKeyedWithThePublicKeyIsRejected() throws Exception {
    String signingInput =
        segment("{\"kid\":\"d-1\",\"typ\":\"JWT\",\"alg\":\"HS256\"}")
            + "."
            + segment("{\"sub\":\"a\"}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(pair.getPublic().getEncoded(), "HmacSHA256"));
    String sig =
        B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    assertRejected(signingInput + "." + sig, "JWT header mismatch - alg");
  }

  @Test
  void algAndTypMustBePresentAndExact() {
    assertRejected(withHeader("{\"typ\":\"JWT\",\"kid\":\"d-1\"}"), "JWT header missing - alg");
    assertRejected(
        withHeader("{\"alg\":\"rs256\",\"typ\":\"JWT\",\"kid\":\"d-1\"}"),
        "JWT header mismatch - alg");
    assertRejected(withHeader("{\"alg\":\"RS256\",\"kid\":\"d-1\"}"), "JWT header missing - typ");
    assertRejected(
        withHeader("{\"alg\":\"RS256\",\"typ\":\"jwt\",\"kid\":\"d-1\"}"),
        "JWT header mismatch - typ");
    assertRejected(
        withHeader("{\"alg\":\"RS256\",\"typ\":null,\"kid\":\"d-1\"}"), "JWT header missing - typ");
    assertRejected(
        withHeader("{\"alg\":[\"RS256\"],\"typ\":\"JWT\",\"kid\":\"d-1\"}"),
        "JWT header missing - alg");
  }

  @Test
  void kidMustBeAString() {
    assertRejected(withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"), "JWT header missing - kid");
    assertRejected(
        withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":null}"), "JWT header missing - kid");
    assertRejected(
        withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":{}}"), "JWT header missing - kid");
    assertRejected(
        withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":1795997727678}"),
        "JWT header mismatch - kid");
    assertRejected(
        withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":true}"),
        "JWT header mismatch - kid");
  }

  @Test
  void headersAreCheckedOnceButNeverSharedOrRemembered() throws Exception {
    String good = withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"d-7\"}");
    ParsedJwt first = Jwt.parse(good);
    first.header().put("kid", "changed"); // the caller's own copy
    ParsedJwt second = Jwt.parse(good);
    assertEquals("d-7", second.kid());
    assertEquals("d-7", second.header().get("kid").asText());
    String bad = withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":7}");
    assertRejected(bad, "JWT header mismatch - kid");
    assertRejected(bad, "JWT header mismatch - kid");
    // More distinct headers than are kept: each still gets its own kid.
    for (int i = 0; i < 600; i++) {
      String token = withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"d-" + i + "\"}");
      assertEquals("d-" + i, Jwt.parse(token).kid());
    }
    assertEquals("d-7", Jwt.parse(good).kid());
  }

  @Test
  void versionMustBeAStringOtherThanTheLegacyOnes() throws Exception {
    for (String v : new String[] {"\"1\"", "\"2\"", "5", "\"6\"", "\"\"", "null", "\"v5\""}) {
      assertRejected(
          withHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"d-1\",\"version\":" + v + "}"),
          "JWT header mismatch - version");
    }
    for (String v : new String[] {"3", "4", "5"}) {
      ParsedJwt ok =
          Jwt.parse(
              withHeader(
                  "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"d-1\",\"version\":\"" + v + "\"}"));
      assertEquals(v, ok.version());
    }
  }

  // --- structure ---

  @Test
  void malformedStructureIsAMalformedJwtException() {
    String good = Jwt.sign(Jwt.plainHeader("s-1"), MAPPER.createObjectNode(), pair.getPrivate());
    String[] p = good.split("\\.");
    String[] bad = {
      "",
      "abc.def.ghi", // the original answered this one with HTTP 500
      p[0] + "." + p[1],
      good + "." + p[2],
      good + ".",
      "." + p[1] + "." + p[2],
      p[0] + ".." + p[2],
      p[0] + "." + p[1] + ".***",
      segment("[1,2]") + "." + p[1] + "." + p[2],
      segment("\"JWT\"") + "." + p[1] + "." + p[2],
      segment("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"s-1\"} trailing")
          + "."
          + p[1]
          + "."
          + p[2],
      p[0] + "." + segment("[\"not\",\"an\",\"object\"]") + "." + p[2],
      p[0] + "." + segment("{\"unterminated\":") + "." + p[2],
      p[0] + "." + "%%%%" + "." + p[2],
    };
    for (String token : bad) {
      assertThrows(MalformedJwtException.class, () -> Jwt.parse(token), token);
    }
    assertThrows(MalformedJwtException.class, () -> Jwt.parse(null));
  }

  @Test
  void segmentsInTheStandardAlphabetAreDecodedLikeTheOriginal() throws Exception {
    // '?' as the 1st byte of a 3-byte group gives '/' in standard base64 and '_' in base64url
    ObjectNode payload = MAPPER.createObjectNode().put("q", "???");
    String token = Jwt.sign(Jwt.plainHeader("s-1"), payload, pair.getPrivate());
    String[] p = token.split("\\.");
    assertTrue(p[1].contains("_"), p[1]);
    String standard = p[1].replace('_', '/').replace('-', '+');
    ParsedJwt parsed = Jwt.parse(p[0] + "." + standard + "." + p[2]);
    assertEquals("???", parsed.payload().get("q").asText());
    // the signed bytes are the received text, so the re-encoded token no longer verifies
    assertFalse(Jwt.verify(parsed, pair.getPublic()));
  }

  private static String withHeader(String headerJson) {
    return segment(headerJson) + "." + segment("{\"sub\":\"a\"}") + ".c2lnbmF0dXJl";
  }

  private static void assertRejected(String token, String message) {
    MalformedJwtException e =
        assertThrows(MalformedJwtException.class, () -> Jwt.parse(token), token);
    assertEquals(message, e.getMessage());
  }

  private static String segment(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String signingInput(String token) {
    return token.substring(0, token.lastIndexOf('.'));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
