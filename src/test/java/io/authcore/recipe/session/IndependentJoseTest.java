package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.crypto.RsaKeys;
import io.authcore.support.Backend;
import io.authcore.support.TestServer;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our tokens checked by jjwt against our JWKS, and the forgeries a JOSE library must refuse sent to
 * our verify endpoint.
 */
class IndependentJoseTest {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Backend.H2, Map.of(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String accessToken(boolean dynamic) {
    return server
        .http()
        .post(
            "/public/recipe/session",
            "{\"userId\":\"jose-user\",\"userDataInJWT\":{\"k\":\"v\"},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false,\"useDynamicSigningKey\":"
                + dynamic
                + "}",
            CDI)
        .json()
        .get("accessToken")
        .get("token")
        .asText();
  }

  static JsonNode verify(String token) {
    return server
        .http()
        .post(
            "/recipe/session/verify",
            "{\"accessToken\":\""
                + token
                + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,\"checkDatabase\":false}",
            CDI)
        .json();
  }

  static Claims parseWithJjwt(String token) {
    JwkSet jwks =
        Jwks.setParser().build().parse(server.http().get("/.well-known/jwks.json").body());
    Locator<Key> byKid =
        header -> {
          String kid = ((ProtectedHeader) header).getKeyId();
          return jwks.getKeys().stream()
              .filter(k -> k.getId().equals(kid))
              .findFirst()
              .map(Jwk::toKey)
              .orElseThrow(() -> new JwtException("unknown kid " + kid));
        };
    return Jwts.parser().keyLocator(byKid).build().parseSignedClaims(token).getPayload();
  }

  @Test
  void jjwtVerifiesDynamicAndStaticTokensAgainstTheJwks() {
    for (boolean dynamic : new boolean[] {true, false}) {
      Claims claims = parseWithJjwt(accessToken(dynamic));
      assertEquals("jose-user", claims.getSubject());
      assertEquals("v", claims.get("k"));
      assertEquals("public", claims.get("tId"));
    }
  }

  @Test
  void jjwtRefusesATamperedToken() {
    String[] parts = accessToken(true).split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + flipLastChar(parts[2]);
    assertThrows(JwtException.class, () -> parseWithJjwt(tampered));
  }

  @Test
  void forgeriesAreRefused() throws Exception {
    String token = accessToken(true);
    String[] parts = token.split("\\.");
    String payload = parts[1];

    String none = segment("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"x\",\"version\":\"5\"}");
    assertEquals("UNAUTHORISED", status(verify(none + "." + payload + ".")));

    // HS256 "signed" with the RSA public key: the classic key-confusion forgery.
    JsonNode jwk = server.http().get("/.well-known/jwks.json").json().get("keys").get(0);
    String kid = jwk.get("kid").asText();
    String hsHeader =
        segment("{\"kid\":\"" + kid + "\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"HS256\"}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(RsaKeys.fromJwk(jwk).getEncoded(), "HmacSHA256"));
    String hsInput = hsHeader + "." + payload;
    String hsToken =
        hsInput + "." + B64.encodeToString(mac.doFinal(hsInput.getBytes(StandardCharsets.UTF_8)));
    assertEquals("UNAUTHORISED", status(verify(hsToken)));

    String unknownKid =
        segment("{\"kid\":\"d-1\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"RS256\"}");
    assertEquals("TRY_REFRESH_TOKEN", status(verify(unknownKid + "." + payload + "." + parts[2])));

    String tamperedPayload =
        B64.encodeToString(
            new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                .replace("jose-user", "jose-usex")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "TRY_REFRESH_TOKEN", status(verify(parts[0] + "." + tamperedPayload + "." + parts[2])));

    assertEquals(
        "TRY_REFRESH_TOKEN",
        status(verify(parts[0] + "." + payload + "." + flipLastChar(parts[2]))));
    assertEquals("OK", status(verify(token)), "the untouched token still verifies");
  }

  static String status(JsonNode reply) {
    return reply.get("status").asText();
  }

  static String segment(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Changes the signature's first byte, so the signature no longer matches. */
  static String flipLastChar(String signature) {
    char first = signature.charAt(0);
    return (first == 'A' ? 'B' : 'A') + signature.substring(1);
  }
}
