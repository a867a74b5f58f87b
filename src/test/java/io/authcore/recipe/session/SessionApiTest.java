package io.authcore.recipe.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Hashes;
import io.authcore.crypto.Jwt;
import io.authcore.crypto.ParsedJwt;
import io.authcore.crypto.RsaKeys;
import io.authcore.http.Json;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.MutableClock;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The session endpoints over HTTP, on both storages, with a clock the tests move. */
class SessionApiTest extends ServerOnEachBackend {

  final MutableClock clock = new MutableClock();

  @Override
  protected Clock clock() {
    return clock;
  }

  // Lifetimes are pinned exactly, as the original 11.4.7 gives them; 12.1 shortens them by up to
  // access_token_validity_jitter, which SessionLifetimeTest covers.
  @Override
  protected Map<String, String> overrides() {
    return Map.of("access_token_validity_jitter", "0");
  }

  static final String[] CDI = {"cdi-version", "5.4"};

  Reply post(String path, String body) {
    return http.post(path, body, CDI);
  }

  JsonNode create(String userId, String payload, boolean antiCsrf, boolean dynamic) {
    Reply reply =
        post(
            "/public/recipe/session",
            "{\"userId\":\""
                + userId
                + "\",\"userDataInJWT\":"
                + payload
                + ",\"userDataInDatabase\":{\"k\":\"v\"},\"enableAntiCsrf\":"
                + antiCsrf
                + ",\"useDynamicSigningKey\":"
                + dynamic
                + "}");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  JsonNode verify(String accessToken, boolean checkDatabase) {
    Reply reply =
        post(
            "/recipe/session/verify",
            "{\"accessToken\":\""
                + accessToken
                + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,\"checkDatabase\":"
                + checkDatabase
                + "}");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  JsonNode refresh(String refreshToken) {
    Reply reply =
        post(
            "/recipe/session/refresh",
            "{\"refreshToken\":\""
                + refreshToken
                + "\",\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  static ObjectNode part(String jwt, int index) {
    try {
      return (ObjectNode)
          Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> keys(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  static String user() {
    return UUID.randomUUID().toString();
  }

  @Test
  void createAnswersTheOriginalShape() {
    String userId = user();
    JsonNode created = create(userId, "{\"role\":\"admin\"}", false, true);
    assertEquals(List.of("session", "accessToken", "refreshToken", "status"), keys(created));
    assertEquals("OK", created.get("status").asText());
    JsonNode session = created.get("session");
    assertEquals(
        List.of("handle", "userId", "recipeUserId", "userDataInJWT", "tenantId"), keys(session));
    assertEquals(userId, session.get("userId").asText());
    assertEquals(userId, session.get("recipeUserId").asText());
    assertEquals("public", session.get("tenantId").asText());
    assertEquals("{\"role\":\"admin\"}", session.get("userDataInJWT").toString());

    JsonNode access = created.get("accessToken");
    assertEquals(List.of("token", "expiry", "createdTime"), keys(access));
    long createdTime = access.get("createdTime").asLong();
    assertEquals(0, createdTime % 1000, "whole seconds");
    assertEquals(createdTime + 3600_000, access.get("expiry").asLong());
    JsonNode refresh = created.get("refreshToken");
    assertEquals(
        refresh.get("createdTime").asLong() + 144000L * 60 * 1000, refresh.get("expiry").asLong());
    assertTrue(refresh.get("token").asText().endsWith(".V2"));

    String token = access.get("token").asText();
    ObjectNode header = part(token, 0);
    assertEquals(List.of("kid", "typ", "version", "alg"), keys(header));
    assertTrue(header.get("kid").asText().startsWith("d-"));
    assertEquals("5", header.get("version").asText());
    ObjectNode claims = part(token, 1);
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
        keys(claims));
    assertEquals(createdTime / 1000, claims.get("iat").asLong());
    assertEquals(session.get("handle").asText(), claims.get("sessionHandle").asText());
    assertEquals(
        Hashes.sha256Hex(refresh.get("token").asText()), claims.get("refreshTokenHash1").asText());
    assertTrue(claims.get("parentRefreshTokenHash1").isNull());
    assertTrue(claims.get("antiCsrfToken").isNull());
  }

  @Test
  void accessTokensVerifyAgainstThePublicJwks() throws Exception {
    String token = create(user(), "{}", false, true).get("accessToken").get("token").asText();
    String staticToken =
        create(user(), "{}", false, false).get("accessToken").get("token").asText();
    Reply jwks = http.get("/.well-known/jwks.json");
    assertEquals(200, jwks.status());
    assertTrue(jwks.headers().get("cache-control").matches("max-age=\\d+, must-revalidate"));
    JsonNode keys = jwks.json().get("keys");
    assertEquals(List.of("keys"), keys(jwks.json()));
    assertTrue(keys.get(0).get("kid").asText().startsWith("d-"), "dynamic keys first");
    assertTrue(keys.get(keys.size() - 1).get("kid").asText().startsWith("s-"));
    for (String t : List.of(token, staticToken)) {
      ParsedJwt jwt = Jwt.parse(t);
      JsonNode jwk = null;
      for (JsonNode k : keys) {
        if (k.get("kid").asText().equals(jwt.kid())) {
          jwk = k;
        }
      }
      assertTrue(jwk != null, "the token's key is published");
      assertEquals(List.of("kty", "kid", "n", "e", "alg", "use"), keys(jwk));
      assertTrue(Jwt.verify(jwt, RsaKeys.fromJwk(jwk)));
    }
    Reply recipeJwks = http.get("/recipe/jwt/jwks", CDI);
    assertEquals("OK", recipeJwks.json().get("status").asText());
    assertEquals(keys, recipeJwks.json().get("keys"));
  }

  @Test
  void protectedClaimsAndBadInputAreRefused() {
    Reply reply =
        post(
            "/public/recipe/session",
            "{\"userId\":\"u\",\"userDataInJWT\":{\"sub\":1},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false}");
    assertEquals(400, reply.status());
    assertEquals("The user payload contains protected field\n", reply.body());
    Reply missing =
        post(
            "/public/recipe/session",
            "{\"userId\":\"u\",\"userDataInJWT\":{},\"enableAntiCsrf\":false}");
    assertEquals(400, missing.status());
    assertEquals("Field name 'userDataInDatabase' is invalid in JSON input\n", missing.body());
    Reply noDynamicFlag =
        post("/recipe/session/refresh", "{\"refreshToken\":\"x\",\"enableAntiCsrf\":false}");
    assertEquals(400, noDynamicFlag.status());
    assertEquals(
        "Field name 'useDynamicSigningKey' is invalid in JSON input\n", noDynamicFlag.body());
    Reply noCheckDatabase =
        post(
            "/recipe/session/verify",
            "{\"accessToken\":\"x\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false}");
    assertEquals(400, noCheckDatabase.status());
    assertEquals("Field name 'checkDatabase' is invalid in JSON input\n", noCheckDatabase.body());
  }

  @Test
  void verifyWithoutAndWithTheDatabase() {
    JsonNode created = create(user(), "{\"role\":\"admin\"}", false, true);
    String token = created.get("accessToken").get("token").asText();
    for (boolean checkDatabase : new boolean[] {false, true}) {
      JsonNode verified = verify(token, checkDatabase);
      assertEquals(List.of("session", "status"), keys(verified));
      assertEquals(created.get("session"), verified.get("session"));
    }
  }

  @Test
  void badTokensAreRefusedWithBusinessStatuses() {
    assertEquals("UNAUTHORISED", verify("abc.def.ghi", false).get("status").asText());
    assertEquals("UNAUTHORISED", verify("garbage", false).get("status").asText());
    String token = create(user(), "{}", false, true).get("accessToken").get("token").asText();
    String[] parts = token.split("\\.");
    ObjectNode claims = part(token, 1);
    claims.put("sub", "someone-else");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString().getBytes())
            + "."
            + parts[2];
    JsonNode refused = verify(forged, false);
    assertEquals("TRY_REFRESH_TOKEN", refused.get("status").asText());
    assertEquals(List.of("status", "message"), keys(refused));
    String noneAlg =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"x\"}".getBytes())
            + "."
            + parts[1]
            + ".";
    assertEquals("UNAUTHORISED", verify(noneAlg, false).get("status").asText());
  }

  @Test
  void expiredAccessTokenNeedsARefresh() {
    String token = create(user(), "{}", false, true).get("accessToken").get("token").asText();
    clock.advance(Duration.ofSeconds(3601));
    try {
      JsonNode refused = verify(token, false);
      assertEquals("TRY_REFRESH_TOKEN", refused.get("status").asText());
      assertEquals("Access token expired", refused.get("message").asText());
    } finally {
      clock.advance(Duration.ofSeconds(-3601));
    }
  }

  @Test
  void antiCsrf() {
    JsonNode created = create(user(), "{}", true, false);
    String antiCsrf = created.get("antiCsrfToken").asText();
    assertEquals(
        List.of("session", "accessToken", "refreshToken", "antiCsrfToken", "status"),
        keys(created));
    String token = created.get("accessToken").get("token").asText();
    assertEquals(antiCsrf, part(token, 1).get("antiCsrfToken").asText());
    assertTrue(part(token, 0).get("kid").asText().startsWith("s-"));
    String body =
        "{\"accessToken\":\""
            + token
            + "\",\"doAntiCsrfCheck\":true,\"enableAntiCsrf\":true,\"checkDatabase\":false";
    JsonNode failed = post("/recipe/session/verify", body + "}").json();
    assertEquals(
        "{\"status\":\"TRY_REFRESH_TOKEN\",\"message\":\"anti-csrf check failed\"}",
        failed.toString());
    JsonNode wrong = post("/recipe/session/verify", body + ",\"antiCsrfToken\":\"nope\"}").json();
    assertEquals("TRY_REFRESH_TOKEN", wrong.get("status").asText());
    JsonNode ok =
        post("/recipe/session/verify", body + ",\"antiCsrfToken\":\"" + antiCsrf + "\"}").json();
    assertEquals("OK", ok.get("status").asText());

    String refreshToken = created.get("refreshToken").get("token").asText();
    JsonNode noToken =
        post(
                "/recipe/session/refresh",
                "{\"refreshToken\":\""
                    + refreshToken
                    + "\",\"enableAntiCsrf\":true,\"useDynamicSigningKey\":false}")
            .json();
    assertEquals(
        "{\"status\":\"UNAUTHORISED\",\"message\":\"Anti CSRF token missing, or not matching\"}",
        noToken.toString());
    JsonNode refreshed =
        post(
                "/recipe/session/refresh",
                "{\"refreshToken\":\""
                    + refreshToken
                    + "\",\"antiCsrfToken\":\""
                    + antiCsrf
                    + "\",\"enableAntiCsrf\":true,\"useDynamicSigningKey\":false}")
            .json();
    assertEquals("OK", refreshed.get("status").asText());
    assertNotEquals(antiCsrf, refreshed.get("antiCsrfToken").asText());
  }

  @Test
  void refreshRotationPromotionAndTheft() {
    String userId = user();
    JsonNode created = create(userId, "{\"role\":\"admin\"}", false, true);
    String handle = created.get("session").get("handle").asText();
    String parent = created.get("refreshToken").get("token").asText();

    JsonNode child = refresh(parent);
    assertEquals("OK", child.get("status").asText());
    String childToken = child.get("accessToken").get("token").asText();
    assertEquals(
        Hashes.sha256Hex(parent), part(childToken, 1).get("parentRefreshTokenHash1").asText());
    assertEquals("admin", part(childToken, 1).get("role").asText());

    JsonNode sibling = refresh(parent);
    assertEquals("OK", sibling.get("status").asText(), "the parent works until a child is used");

    JsonNode promoted = verify(childToken, false);
    assertEquals(List.of("session", "accessToken", "status"), keys(promoted));
    String clean = promoted.get("accessToken").get("token").asText();
    assertTrue(part(clean, 1).get("parentRefreshTokenHash1").isNull());
    assertEquals(
        part(childToken, 1).get("refreshTokenHash1"), part(clean, 1).get("refreshTokenHash1"));
    assertEquals(List.of("session", "status"), keys(verify(clean, false)));

    JsonNode theft = refresh(parent);
    assertEquals("TOKEN_THEFT_DETECTED", theft.get("status").asText());
    assertEquals(
        "{\"status\":\"TOKEN_THEFT_DETECTED\",\"session\":{\"handle\":\""
            + handle
            + "\",\"userId\":\""
            + userId
            + "\",\"recipeUserId\":\""
            + userId
            + "\"}}",
        theft.toString());
    JsonNode siblingTheft = refresh(sibling.get("refreshToken").get("token").asText());
    assertEquals("TOKEN_THEFT_DETECTED", siblingTheft.get("status").asText());

    JsonNode next = refresh(child.get("refreshToken").get("token").asText());
    assertEquals("OK", next.get("status").asText(), "the promoted child keeps working");
  }

  @Test
  void refreshOfAnUnpromotedChildPromotesIt() {
    JsonNode created = create(user(), "{}", false, true);
    String parent = created.get("refreshToken").get("token").asText();
    String child = refresh(parent).get("refreshToken").get("token").asText();
    assertEquals("OK", refresh(child).get("status").asText());
    assertEquals("TOKEN_THEFT_DETECTED", refresh(parent).get("status").asText());
  }

  @Test
  void refreshFailures() {
    JsonNode garbage = refresh("garbage");
    assertEquals("UNAUTHORISED", garbage.get("status").asText());
    // The original's messages, with its exception's name (recorded from 11.4.7).
    assertEquals(
        "io.supertokens.session.refreshToken.RefreshToken$InvalidRefreshTokenFormatException:"
            + " version of refresh token not recognised",
        garbage.get("message").asText());
    assertEquals(
        "io.supertokens.session.refreshToken.RefreshToken$InvalidRefreshTokenFormatException:"
            + " Refresh token split with dot yielded an array of length: 2",
        refresh("abc.V2").get("message").asText());
    JsonNode tampered =
        refresh(
            "AAAA" + create(user(), "{}", false, true).get("refreshToken").get("token").asText());
    assertEquals("UNAUTHORISED", tampered.get("status").asText());
    String refreshToken =
        create(user(), "{}", false, true).get("refreshToken").get("token").asText();
    clock.advance(Duration.ofDays(101));
    try {
      JsonNode expired = refresh(refreshToken);
      assertEquals(
          "{\"status\":\"UNAUTHORISED\",\"message\":\"Session missing in db or has expired\"}",
          expired.toString());
    } finally {
      clock.advance(Duration.ofDays(-101));
    }
  }

  @Test
  void checkDatabaseSeesRevocationAndPayloadChanges() {
    JsonNode created = create(user(), "{\"a\":1}", false, true);
    String handle = created.get("session").get("handle").asText();
    String token = created.get("accessToken").get("token").asText();

    Reply update =
        http.put(
            "/recipe/jwt/data",
            "{\"sessionHandle\":\"" + handle + "\",\"userDataInJWT\":{\"a\":2}}",
            CDI);
    assertEquals("{\"status\":\"OK\"}\n", update.body());
    assertEquals(List.of("session", "status"), keys(verify(token, false)));
    JsonNode renewed = verify(token, true);
    assertEquals(2, part(renewed.get("accessToken").get("token").asText(), 1).get("a").asInt());

    Reply removed =
        post("/recipe/session/remove", "{\"sessionHandles\":[\"" + handle + "\",\"nope\"]}");
    assertEquals(
        "{\"status\":\"OK\",\"sessionHandlesRevoked\":[\"" + handle + "\"]}\n", removed.body());
    JsonNode gone = verify(token, true);
    assertEquals(
        "{\"status\":\"UNAUTHORISED\",\"message\":\"Either the session has ended or has been"
            + " blacklisted\"}",
        gone.toString());
    assertEquals("OK", verify(token, false).get("status").asText(), "no database, no revocation");
  }

  @Test
  void sessionInformationAndData() {
    String userId = user();
    JsonNode created = create(userId, "{\"a\":1}", false, true);
    String handle = created.get("session").get("handle").asText();
    Reply info = http.get("/recipe/session?sessionHandle=" + handle, CDI);
    assertEquals(200, info.status());
    JsonNode body = info.json();
    assertEquals(
        List.of(
            "sessionHandle",
            "userId",
            "recipeUserId",
            "userDataInDatabase",
            "expiry",
            "userDataInJWT",
            "timeCreated",
            "status",
            "tenantId"),
        keys(body));
    assertEquals(userId, body.get("userId").asText());
    assertEquals("{\"k\":\"v\"}", body.get("userDataInDatabase").toString());
    assertEquals("{\"a\":1}", body.get("userDataInJWT").toString());

    Reply put =
        http.put(
            "/recipe/session/data",
            "{\"sessionHandle\":\"" + handle + "\",\"userDataInDatabase\":{\"x\":[1]}}",
            CDI);
    assertEquals("{\"status\":\"OK\"}\n", put.body());
    assertEquals(
        "{\"status\":\"OK\",\"userDataInDatabase\":{\"x\":[1]}}\n",
        http.get("/recipe/session/data?sessionHandle=" + handle, CDI).body());
    assertEquals(
        "{\"status\":\"OK\",\"userDataInJWT\":{\"a\":1}}\n",
        http.get("/recipe/jwt/data?sessionHandle=" + handle, CDI).body());

    String unknown = "{\"status\":\"UNAUTHORISED\",\"message\":\"Session does not exist.\"}\n";
    assertEquals(unknown, http.get("/recipe/session?sessionHandle=nope", CDI).body());
    assertEquals(
        unknown,
        http.put(
                "/recipe/session/data",
                "{\"sessionHandle\":\"nope\",\"userDataInDatabase\":{}}",
                CDI)
            .body());
    Reply protectedField =
        http.put(
            "/recipe/jwt/data",
            "{\"sessionHandle\":\"" + handle + "\",\"userDataInJWT\":{\"rsub\":1}}",
            CDI);
    assertEquals(400, protectedField.status());
    assertEquals(
        "Field name 'sessionHandle' is missing in GET request\n",
        http.get("/recipe/session", CDI).body());
  }

  @Test
  void handlesOfAUserAndRevokingThem() {
    String userId = user();
    String first = create(userId, "{}", false, true).get("session").get("handle").asText();
    String second = create(userId, "{}", false, true).get("session").get("handle").asText();
    create(user(), "{}", false, true);
    JsonNode listed = http.get("/public/recipe/session/user?userId=" + userId, CDI).json();
    List<String> handles = new ArrayList<>();
    listed.get("sessionHandles").forEach(h -> handles.add(h.asText()));
    assertEquals(2, handles.size());
    assertTrue(handles.containsAll(List.of(first, second)));

    Reply bothKinds =
        post("/recipe/session/remove", "{\"userId\":\"x\",\"sessionHandles\":[\"y\"]}");
    assertEquals(400, bothKinds.status());
    assertEquals(
        "Invalid JSON input - use one of userId or sessionHandles array\n", bothKinds.body());
    Reply wrongFlag =
        post(
            "/recipe/session/remove",
            "{\"sessionHandles\":[\"y\"],\"revokeAcrossAllTenants\":true}");
    assertEquals(
        "Invalid JSON input - revokeAcrossAllTenants can only be set if userId is set\n",
        wrongFlag.body());

    JsonNode revoked = post("/recipe/session/remove", "{\"userId\":\"" + userId + "\"}").json();
    assertEquals(2, revoked.get("sessionHandlesRevoked").size());
    assertEquals(
        "{\"status\":\"OK\",\"sessionHandles\":[]}\n",
        http.get("/public/recipe/session/user?userId=" + userId, CDI).body());
  }

  @Test
  void regenerateReplacesThePayloadAndKeepsTheExpiry() {
    JsonNode created = create(user(), "{\"a\":1}", false, true);
    String token = created.get("accessToken").get("token").asText();
    clock.advance(Duration.ofSeconds(5));
    try {
      JsonNode regenerated =
          post(
                  "/recipe/session/regenerate",
                  "{\"accessToken\":\"" + token + "\",\"userDataInJWT\":{\"b\":2}}")
              .json();
      assertEquals(List.of("session", "accessToken", "status"), keys(regenerated));
      String renewed = regenerated.get("accessToken").get("token").asText();
      assertEquals(part(token, 1).get("exp"), part(renewed, 1).get("exp"));
      assertEquals(2, part(renewed, 1).get("b").asInt());
      assertFalse(part(renewed, 1).has("a"));
      assertEquals("{\"b\":2}", regenerated.get("session").get("userDataInJWT").toString());
    } finally {
      clock.advance(Duration.ofSeconds(-5));
    }
    JsonNode unknown =
        post("/recipe/session/regenerate", "{\"accessToken\":\"abc.def.ghi\"}").json();
    assertEquals("UNAUTHORISED", unknown.get("status").asText());
  }

  @Test
  void regenerateOfARevokedSessionIsUnauthorisedWhateverThePayload() {
    JsonNode created = create(user(), "{\"a\":1}", false, true);
    String token = created.get("accessToken").get("token").asText();
    String handle = created.get("session").get("handle").asText();
    String body = "{\"accessToken\":\"" + token + "\"";
    JsonNode stored = post("/recipe/session/regenerate", body + "}").json();
    assertEquals("{\"a\":1}", stored.get("session").get("userDataInJWT").toString());
    post("/recipe/session/remove", "{\"sessionHandles\":[\"" + handle + "\"]}");

    // Pinned from the original 11.4.7: a missing session is the answer before a protected field.
    String unknown = "{\"status\":\"UNAUTHORISED\",\"message\":\"Session does not exist.\"}\n";
    for (String payload :
        List.of("", ",\"userDataInJWT\":{\"b\":2}", ",\"userDataInJWT\":{\"sub\":2}")) {
      Reply reply = post("/recipe/session/regenerate", body + payload + "}");
      assertEquals(200, reply.status(), payload);
      assertEquals(unknown, reply.body(), payload);
    }
    assertEquals(unknown, http.get("/recipe/session?sessionHandle=" + handle, CDI).body());

    String lapsed = create(user(), "{}", false, true).get("accessToken").get("token").asText();
    clock.advance(Duration.ofDays(101)); // past the default refresh validity of 100 days
    try {
      Reply reply =
          post(
              "/recipe/session/regenerate",
              "{\"accessToken\":\"" + lapsed + "\",\"userDataInJWT\":{\"b\":2}}");
      assertEquals(unknown, reply.body(), "a session past its refresh expiry is gone");
    } finally {
      clock.advance(Duration.ofDays(-101));
    }
  }

  @Test
  void jwtRecipe() {
    Reply created =
        post(
            "/recipe/jwt",
            "{\"payload\":{\"a\":1},\"algorithm\":\"rs256\",\"jwksDomain\":\"http://localhost\","
                + "\"validity\":3600,\"useStaticSigningKey\":false}");
    assertEquals(200, created.status());
    assertEquals(List.of("status", "jwt"), keys(created.json()));
    String jwt = created.json().get("jwt").asText();
    assertEquals(List.of("kid", "typ", "alg"), keys(part(jwt, 0)));
    assertTrue(part(jwt, 0).get("kid").asText().startsWith("d-"));
    ObjectNode claims = part(jwt, 1);
    assertEquals(List.of("iat", "exp", "iss", "a"), keys(claims));
    assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong());
    Reply staticKey =
        post(
            "/recipe/jwt",
            "{\"payload\":{\"iss\":\"me\"},\"algorithm\":\"RS256\",\"jwksDomain\":\"d\","
                + "\"validity\":60}");
    String staticJwt = staticKey.json().get("jwt").asText();
    assertTrue(part(staticJwt, 0).get("kid").asText().startsWith("s-"));
    assertEquals("me", part(staticJwt, 1).get("iss").asText());
    assertEquals(
        "{\"status\":\"UNSUPPORTED_ALGORITHM_ERROR\"}\n",
        post(
                "/recipe/jwt",
                "{\"payload\":{},\"algorithm\":\"HS256\",\"jwksDomain\":\"d\",\"validity\":60}")
            .body());
    Reply badValidity =
        post(
            "/recipe/jwt",
            "{\"payload\":{},\"algorithm\":\"RS256\",\"jwksDomain\":\"d\",\"validity\":0}");
    assertEquals(400, badValidity.status());
    assertEquals("validity must be greater than or equal to 0\n", badValidity.body());
  }

  @Test
  void jwksNeedsNoApiKeyWhileRecipeCallsDo() {
    try (TestServer keyed =
        TestServer.start(Backend.H2, Map.of("api_keys", "a-key-of-twenty-chars-or-more"), clock)) {
      assertEquals(200, keyed.http().get("/.well-known/jwks.json").status());
      assertEquals(401, keyed.http().get("/recipe/jwt/jwks", CDI).status());
    }
  }
}
