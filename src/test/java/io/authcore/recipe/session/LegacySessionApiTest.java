package io.authcore.recipe.session;

import static io.authcore.recipe.session.SessionCalls.accessToken;
import static io.authcore.recipe.session.SessionCalls.keys;
import static io.authcore.recipe.session.SessionCalls.ok;
import static io.authcore.recipe.session.SessionCalls.part;
import static io.authcore.recipe.session.SessionCalls.refreshToken;
import static io.authcore.recipe.session.SessionCalls.signedBy;
import static io.authcore.recipe.session.SessionCalls.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Hashes;
import io.authcore.support.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions for clients below CDI 2.21, which verify tokens themselves: version 2 tokens in the
 * legacy format, the signing keys in every answer, the idRefreshToken, and the handshake. Expected
 * shapes and values were recorded from the original 11.4.7.
 */
class LegacySessionApiTest extends SessionTestBase {
  /** The fixed header of a version 2 token, standard base64 with padding. */
  static final String V2_HEADER = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsInZlcnNpb24iOiIyIn0=";

  static final long HOUR = 3_600_000;
  static final long TEN_YEARS = 315_360_000_000L;

  /** A version 2 token's claims, with these before its user data. */
  static List<String> v2Claims(String... optional) {
    List<String> all =
        new ArrayList<>(
            List.of("userId", "expiryTime", "timeCreated", "sessionHandle", "refreshTokenHash1"));
    all.addAll(List.of(optional));
    all.add("userData");
    return all;
  }

  // Lifetimes are pinned exactly, as 11.4.7 gives them (12.1 would shorten them by jitter).
  @Override
  protected Map<String, String> overrides() {
    return Map.of("access_token_validity_jitter", "0");
  }

  /** An app whose config gives old clients the static key and checks the database for them. */
  SessionCalls legacyApp() {
    Reply app =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\"legacy\",\"coreConfig\":{\"access_token_blacklisting\":true,"
                + "\"access_token_signing_key_dynamic\":false,"
                + "\"access_token_validity_jitter\":0}}",
            "cdi-version",
            "5.4");
    assertEquals(200, app.status(), app.body());
    return new SessionCalls(http, "/appid-legacy");
  }

  @Test
  void createGivesAVersion2TokenTheIdRefreshTokenAndTheKeys() throws Exception {
    for (String cdi : List.of("2.7", "2.8", "2.9", "2.20")) {
      String userId = user();
      JsonNode created = calls.created(cdi, userId, "{\"a\":1}");
      boolean listed = !cdi.equals("2.7") && !cdi.equals("2.8");
      List<String> expected =
          new ArrayList<>(
              List.of(
                  "session",
                  "accessToken",
                  "refreshToken",
                  "idRefreshToken",
                  "status",
                  "jwtSigningPublicKey",
                  "jwtSigningPublicKeyExpiryTime"));
      if (listed) {
        expected.add("jwtSigningPublicKeyList");
      }
      assertEquals(expected, keys(created), cdi);
      assertEquals(List.of("handle", "userId", "userDataInJWT"), keys(created.get("session")));

      String token = accessToken(created);
      assertEquals(V2_HEADER, token.split("\\.")[0]);
      ObjectNode claims = part(token, 1);
      assertEquals(v2Claims(), keys(claims));
      assertEquals(userId, claims.get("userId").asText());
      assertEquals("{\"a\":1}", claims.get("userData").toString());
      JsonNode access = created.get("accessToken");
      assertEquals(access.get("expiry").asLong(), claims.get("expiryTime").asLong());
      assertEquals(access.get("createdTime").asLong(), claims.get("timeCreated").asLong());
      assertEquals(HOUR, access.get("expiry").asLong() - access.get("createdTime").asLong());
      assertEquals(
          Hashes.sha256Hex(refreshToken(created)), claims.get("refreshTokenHash1").asText());
      assertTrue(signedBy(token, created.get("jwtSigningPublicKey").asText()));

      JsonNode idRefresh = created.get("idRefreshToken");
      assertEquals(created.get("refreshToken").get("expiry"), idRefresh.get("expiry"));
      assertEquals(created.get("refreshToken").get("createdTime"), idRefresh.get("createdTime"));
      assertEquals(36, idRefresh.get("token").asText().length());
      if (listed) {
        JsonNode key = created.get("jwtSigningPublicKeyList").get(0);
        assertEquals(List.of("publicKey", "expiryTime", "createdAt"), keys(key));
        assertEquals(created.get("jwtSigningPublicKey"), key.get("publicKey"));
        long createdAt = key.get("createdAt").asLong();
        assertEquals(createdAt + 168 * HOUR, created.get("jwtSigningPublicKeyExpiryTime").asLong());
        assertEquals(createdAt + 170 * HOUR, key.get("expiryTime").asLong());
      }
    }
  }

  @Test
  void createIgnoresTheLaterFlagsAndClaimRules() {
    JsonNode flagged =
        ok(calls.create("2.7", user(), "{}", false, ",\"useDynamicSigningKey\":\"x\""));
    assertEquals("OK", flagged.get("status").asText());
    for (String payload : List.of("{\"sub\":1}", "{\"userId\":1}", "{\"expiryTime\":1}")) {
      JsonNode created = calls.created("2.20", user(), payload);
      assertEquals(payload, part(accessToken(created), 1).get("userData").toString());
    }
    JsonNode antiCsrf = ok(calls.create("2.7", user(), "{}", true, ""));
    assertEquals(
        List.of(
            "session",
            "accessToken",
            "refreshToken",
            "idRefreshToken",
            "antiCsrfToken",
            "status",
            "jwtSigningPublicKey",
            "jwtSigningPublicKeyExpiryTime"),
        keys(antiCsrf));
    assertEquals(
        antiCsrf.get("antiCsrfToken").asText(),
        part(accessToken(antiCsrf), 1).get("antiCsrfToken").asText());
  }

  @Test
  void verifyAnswersWithTheKeysAndLetsTheConfigDecideAboutTheDatabase() {
    JsonNode created = calls.created("2.7", user(), "{\"a\":1}");
    String token = accessToken(created);
    JsonNode verified = ok(calls.verify("2.7", token, ""));
    assertEquals(
        List.of("session", "status", "jwtSigningPublicKey", "jwtSigningPublicKeyExpiryTime"),
        keys(verified));
    assertEquals(created.get("session"), verified.get("session"));
    assertEquals(
        List.of(
            "session",
            "status",
            "jwtSigningPublicKey",
            "jwtSigningPublicKeyExpiryTime",
            "jwtSigningPublicKeyList"),
        keys(ok(calls.verify("2.9", token, ""))));

    String handle = created.get("session").get("handle").asText();
    ok(calls.post("2.7", "/recipe/session/remove", "{\"sessionHandles\":[\"" + handle + "\"]}"));
    assertEquals(
        "OK",
        ok(calls.verify("2.7", token, ",\"checkDatabase\":true")).get("status").asText(),
        "access_token_blacklisting is false: a revoked session still verifies");

    JsonNode withAntiCsrf = ok(calls.create("2.9", user(), "{}", true, ""));
    Reply refused =
        calls.post(
            "2.9",
            "/recipe/session/verify",
            "{\"accessToken\":\""
                + accessToken(withAntiCsrf)
                + "\",\"doAntiCsrfCheck\":true,\"enableAntiCsrf\":true}");
    assertEquals(
        List.of(
            "status",
            "jwtSigningPublicKey",
            "jwtSigningPublicKeyExpiryTime",
            "jwtSigningPublicKeyList",
            "message"),
        keys(ok(refused)));
    assertEquals("anti-csrf check failed", refused.json().get("message").asText());
    Reply incomplete =
        calls.post(
            "2.7", "/recipe/session/verify", "{\"accessToken\":\"x\",\"doAntiCsrfCheck\":false}");
    assertEquals(400, incomplete.status());
    assertEquals("Field name 'enableAntiCsrf' is invalid in JSON input\n", incomplete.body());
  }

  @Test
  void refreshKeepsTheLegacyTokenAndVerifyPromotesTheChild() {
    String userId = user();
    JsonNode created = calls.created("2.7", userId, "{\"a\":1}");
    String parent = refreshToken(created);
    JsonNode child = ok(calls.refresh("2.7", parent, ",\"useDynamicSigningKey\":\"x\""));
    assertEquals(
        List.of("session", "accessToken", "refreshToken", "idRefreshToken", "status"), keys(child));
    String childToken = accessToken(child);
    assertEquals(V2_HEADER, childToken.split("\\.")[0]);
    assertEquals(v2Claims("parentRefreshTokenHash1"), keys(part(childToken, 1)));
    assertEquals(
        Hashes.sha256Hex(parent), part(childToken, 1).get("parentRefreshTokenHash1").asText());

    JsonNode promoted = ok(calls.verify("2.9", childToken, ""));
    assertEquals(
        List.of(
            "session",
            "accessToken",
            "status",
            "jwtSigningPublicKey",
            "jwtSigningPublicKeyExpiryTime",
            "jwtSigningPublicKeyList"),
        keys(promoted));
    String clean = accessToken(promoted);
    assertEquals(V2_HEADER, clean.split("\\.")[0]);
    assertFalse(part(clean, 1).has("parentRefreshTokenHash1"));
    assertEquals(
        part(childToken, 1).get("refreshTokenHash1"), part(clean, 1).get("refreshTokenHash1"));

    assertEquals(
        "{\"status\":\"TOKEN_THEFT_DETECTED\",\"session\":{\"handle\":\""
            + created.get("session").get("handle").asText()
            + "\",\"userId\":\""
            + userId
            + "\",\"recipeUserId\":\""
            + userId
            + "\"}}\n",
        calls.refresh("2.7", parent, "").body());
  }

  @Test
  void handshakeExistsOnlyBelow221() {
    JsonNode old = ok(calls.post("2.7", "/recipe/handshake", ""));
    assertEquals(
        List.of(
            "status",
            "jwtSigningPublicKey",
            "jwtSigningPublicKeyExpiryTime",
            "accessTokenBlacklistingEnabled",
            "accessTokenValidity",
            "refreshTokenValidity"),
        keys(old));
    assertFalse(old.get("accessTokenBlacklistingEnabled").asBoolean());
    assertEquals(HOUR, old.get("accessTokenValidity").asLong());
    assertEquals(8_640_000_000L, old.get("refreshTokenValidity").asLong());
    JsonNode listed = ok(calls.post("2.20", "/recipe/handshake", "{}"));
    assertTrue(listed.has("jwtSigningPublicKeyList"));
    for (String cdi : List.of("2.21", "5.4")) {
      Reply gone = calls.post(cdi, "/recipe/handshake", "");
      assertEquals(404, gone.status());
      assertEquals("Not found\n", gone.body());
    }
    Reply get = calls.get("2.7", "/recipe/handshake");
    assertEquals(405, get.status());
    assertEquals("Method not supported\n", get.body());
  }

  @Test
  void anAppWithStaticKeysAndBlacklisting() throws Exception {
    SessionCalls legacyApp = legacyApp();
    JsonNode created = legacyApp.created("2.7", user(), "{}");
    assertEquals(TEN_YEARS, created.get("jwtSigningPublicKeyExpiryTime").asLong());
    assertTrue(signedBy(accessToken(created), created.get("jwtSigningPublicKey").asText()));
    String staticKid =
        part(accessToken(legacyApp.created("2.21", user(), "{}")), 0).get("kid").asText();
    assertTrue(staticKid.startsWith("d-"), "from 2.21 the request decides, not the config");

    JsonNode listed = legacyApp.created("2.9", user(), "{}");
    JsonNode key = listed.get("jwtSigningPublicKeyList").get(0);
    assertEquals(1, listed.get("jwtSigningPublicKeyList").size());
    assertEquals(listed.get("jwtSigningPublicKey"), key.get("publicKey"));
    assertEquals(key.get("createdAt").asLong() + TEN_YEARS, key.get("expiryTime").asLong());

    JsonNode handshake = ok(legacyApp.post("2.9", "/recipe/handshake", ""));
    assertTrue(handshake.get("accessTokenBlacklistingEnabled").asBoolean());

    String handle = created.get("session").get("handle").asText();
    ok(
        legacyApp.post(
            "2.7", "/recipe/session/remove", "{\"sessionHandles\":[\"" + handle + "\"]}"));
    assertEquals(
        "{\"status\":\"UNAUTHORISED\",\"message\":\"Either the session has ended or has been"
            + " blacklisted\"}\n",
        legacyApp.verify("2.7", accessToken(created), "").body());
  }

  @Test
  void regenerateAndPayloadChangesSkipTheClaimRules() {
    JsonNode created = calls.created("2.7", user(), "{\"a\":1}");
    String handle = created.get("session").get("handle").asText();
    JsonNode regenerated =
        ok(
            calls.post(
                "2.7",
                "/recipe/session/regenerate",
                "{\"accessToken\":\""
                    + accessToken(created)
                    + "\",\"userDataInJWT\":{\"sub\":5}}"));
    assertEquals(List.of("session", "accessToken", "status"), keys(regenerated));
    assertEquals("{\"sub\":5}", regenerated.get("session").get("userDataInJWT").toString());
    String renewed = accessToken(regenerated);
    assertEquals(V2_HEADER, renewed.split("\\.")[0]);
    assertEquals(
        part(accessToken(created), 1).get("expiryTime"), part(renewed, 1).get("expiryTime"));

    assertEquals(
        "{\"status\":\"OK\"}\n",
        calls
            .put(
                "2.7",
                "/recipe/jwt/data",
                "{\"sessionHandle\":\"" + handle + "\",\"userDataInJWT\":{\"sub\":1}}")
            .body());
    JsonNode info = ok(calls.get("2.7", "/recipe/session?sessionHandle=" + handle));
    assertEquals(
        List.of(
            "sessionHandle",
            "userId",
            "userDataInDatabase",
            "expiry",
            "userDataInJWT",
            "timeCreated",
            "status"),
        keys(info));
    assertEquals("{\"sub\":1}", info.get("userDataInJWT").toString());
  }

  @Test
  void theJwtRecipeAlwaysSignsWithTheStaticKeyBelow221() {
    for (String flag : List.of("false", "\"x\"")) {
      JsonNode jwt =
          ok(
              calls.post(
                  "2.7",
                  "/recipe/jwt",
                  "{\"algorithm\":\"RS256\",\"jwksDomain\":\"d\",\"payload\":{},\"validity\":60,"
                      + "\"useStaticSigningKey\":"
                      + flag
                      + "}"));
      assertTrue(part(jwt.get("jwt").asText(), 0).get("kid").asText().startsWith("s-"));
    }
  }
}
