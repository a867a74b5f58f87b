package io.authcore.recipe.session;

import static io.authcore.recipe.session.SessionCalls.accessToken;
import static io.authcore.recipe.session.SessionCalls.keys;
import static io.authcore.recipe.session.SessionCalls.ok;
import static io.authcore.recipe.session.SessionCalls.part;
import static io.authcore.recipe.session.SessionCalls.refreshToken;
import static io.authcore.recipe.session.SessionCalls.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session endpoints from CDI 2.21 to 5.4: the access-token version each client gets (3, 4, 5),
 * the session JSON of each, the request rules that changed, and tokens of one version verified by
 * clients of another. Expected answers were recorded from the original 11.4.7.
 */
class SessionVersionsTest extends SessionTestBase {
  static final String SESSION_FIELDS_221 = "[handle, userId, userDataInJWT]";
  static final String SESSION_FIELDS_30 = "[handle, userId, userDataInJWT, tenantId]";
  static final String SESSION_FIELDS_40 = "[handle, userId, recipeUserId, userDataInJWT, tenantId]";

  /** A JWT's claims, with these between its times and subject and the session's own, and "a". */
  static List<String> claims(String... tenantAndUser) {
    List<String> all = new ArrayList<>(List.of("iat", "exp", "sub"));
    all.addAll(List.of(tenantAndUser));
    all.addAll(
        List.of(
            "sessionHandle", "refreshTokenHash1", "parentRefreshTokenHash1", "antiCsrfToken", "a"));
    return all;
  }

  @Test
  void eachVersionRangeGetsItsTokenVersionAndSessionShape() {
    Map<String, List<String>> claims =
        Map.of("3", claims(), "4", claims("tId"), "5", claims("tId", "rsub"));
    for (String[] c :
        new String[][] {
          {"2.21", "3", SESSION_FIELDS_221},
          {"3.0", "4", SESSION_FIELDS_30},
          {"3.1", "4", SESSION_FIELDS_30},
          {"4.0", "5", SESSION_FIELDS_40},
          {"5.3", "5", SESSION_FIELDS_40}
        }) {
      JsonNode created = calls.created(c[0], user(), "{\"a\":1}");
      assertEquals(List.of("session", "accessToken", "refreshToken", "status"), keys(created));
      assertEquals(c[2], keys(created.get("session")).toString(), c[0]);
      String token = accessToken(created);
      assertEquals(List.of("kid", "typ", "version", "alg"), keys(part(token, 0)));
      assertEquals(c[1], part(token, 0).get("version").asText(), c[0]);
      assertEquals(claims.get(c[1]), keys(part(token, 1)), c[0]);
    }
  }

  @Test
  void theFlagsOf221AndLater() {
    Reply noCheck =
        calls.post(
            "2.21",
            "/recipe/session/verify",
            "{\"accessToken\":\"x\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false}");
    assertEquals(400, noCheck.status());
    assertEquals("Field name 'checkDatabase' is invalid in JSON input\n", noCheck.body());
    Reply badFlag = calls.create("2.21", user(), "{}", false, ",\"useDynamicSigningKey\":\"x\"");
    assertEquals(400, badFlag.status());
    assertEquals("Field name 'useDynamicSigningKey' is invalid in JSON input\n", badFlag.body());
    JsonNode staticKey =
        ok(calls.create("2.21", user(), "{}", false, ",\"useDynamicSigningKey\":false"));
    assertTrue(part(accessToken(staticKey), 0).get("kid").asText().startsWith("s-"));

    String jwt = "{\"algorithm\":\"RS256\",\"jwksDomain\":\"d\",\"payload\":{},\"validity\":60";
    Reply badStatic = calls.post("2.21", "/recipe/jwt", jwt + ",\"useStaticSigningKey\":\"x\"}");
    assertEquals("Field name 'useStaticSigningKey' is invalid in JSON input\n", badStatic.body());
    JsonNode dynamic =
        ok(calls.post("2.21", "/recipe/jwt", jwt + ",\"useStaticSigningKey\":false}"));
    assertTrue(part(dynamic.get("jwt").asText(), 0).get("kid").asText().startsWith("d-"));
  }

  @Test
  void useDynamicSigningKeyOnRefreshIsIgnoredOptionalThenRequired() {
    String refreshToken = refreshToken(calls.created("3.0", user(), "{}"));
    assertEquals(
        "OK",
        ok(calls.refresh("2.21", refreshToken, ",\"useDynamicSigningKey\":\"x\""))
            .get("status")
            .asText());
    Reply bad = calls.refresh("3.0", refreshToken, ",\"useDynamicSigningKey\":\"x\"");
    assertEquals("Field name 'useDynamicSigningKey' is invalid in JSON input\n", bad.body());
    Reply missing = calls.refresh("5.0", refreshToken, "");
    assertEquals(400, missing.status());
    assertEquals("Field name 'useDynamicSigningKey' is invalid in JSON input\n", missing.body());
    JsonNode optional = ok(calls.refresh("4.0", refreshToken, ""));
    assertEquals(List.of("session", "accessToken", "refreshToken", "status"), keys(optional));
    assertEquals(SESSION_FIELDS_40, keys(optional.get("session")).toString());
    assertEquals("5", part(accessToken(optional), 0).get("version").asText());
  }

  @Test
  void protectedClaimsFollowTheTokenVersion() {
    String[][] cases = {
      {"2.21", "{\"tId\":1}", "200"},
      {"2.21", "{\"sub\":1}", "400"},
      {"3.0", "{\"rsub\":1}", "200"},
      {"3.0", "{\"tId\":1}", "400"},
      {"3.1", "{\"rsub\":1}", "200"},
      {"4.0", "{\"rsub\":1}", "400"},
    };
    String handle = calls.created("2.7", user(), "{}").get("session").get("handle").asText();
    for (String[] c : cases) {
      Reply created = calls.create(c[0], user(), c[1], false, "");
      assertEquals(Integer.parseInt(c[2]), created.status(), c[0] + " " + c[1]);
      Reply data =
          calls.put(
              c[0],
              "/recipe/jwt/data",
              "{\"sessionHandle\":\"" + handle + "\",\"userDataInJWT\":" + c[1] + "}");
      assertEquals(Integer.parseInt(c[2]), data.status(), c[0] + " " + c[1]);
      if (c[2].equals("400")) {
        assertEquals("The user payload contains protected field\n", created.body());
        assertEquals("The user payload contains protected field\n", data.body());
      }
    }
    // A version 3 token keeps its tenant public whatever its payload says.
    JsonNode v3 = calls.created("2.21", user(), "{\"tId\":\"elsewhere\"}");
    JsonNode verified = ok(calls.verify("5.4", accessToken(v3), ",\"checkDatabase\":true"));
    assertEquals("public", verified.get("session").get("tenantId").asText());
    assertEquals(
        "{\"tId\":\"elsewhere\"}", verified.get("session").get("userDataInJWT").toString());
  }

  @Test
  void tokensOfEveryVersionVerifyAtEveryVersion() {
    String userId = user();
    Map<String, JsonNode> byVersion =
        Map.of(
            "2", calls.created("2.7", userId, "{\"a\":1}"),
            "3", calls.created("2.21", userId, "{\"a\":1}"),
            "4", calls.created("3.0", userId, "{\"a\":1}"),
            "5", calls.created("4.0", userId, "{\"a\":1}"));
    byVersion.forEach(
        (version, created) -> {
          String handle = created.get("session").get("handle").asText();
          String token = accessToken(created);
          JsonNode old = ok(calls.verify("2.7", token, ""));
          assertEquals(
              "{\"handle\":\""
                  + handle
                  + "\",\"userId\":\""
                  + userId
                  + "\",\"userDataInJWT\":{\"a\":1}}",
              old.get("session").toString(),
              version);
          assertTrue(old.has("jwtSigningPublicKey"));
          assertEquals(
              List.of("session", "status"),
              keys(ok(calls.verify("2.21", token, ",\"checkDatabase\":true"))));
          assertEquals(
              SESSION_FIELDS_30,
              keys(ok(calls.verify("3.0", token, ",\"checkDatabase\":true")).get("session"))
                  .toString());
          JsonNode latest = ok(calls.verify("5.4", token, ",\"checkDatabase\":true"));
          assertEquals(
              "{\"handle\":\""
                  + handle
                  + "\",\"userId\":\""
                  + userId
                  + "\",\"recipeUserId\":\""
                  + userId
                  + "\",\"userDataInJWT\":{\"a\":1},\"tenantId\":\"public\"}",
              latest.get("session").toString(),
              version);
        });
  }

  @Test
  void reMintsKeepTheIncomingVersion() {
    JsonNode v3 = calls.created("2.21", user(), "{}");
    JsonNode child = ok(calls.refresh("2.21", refreshToken(v3), ""));
    assertEquals("3", part(accessToken(child), 0).get("version").asText());
    JsonNode promoted = ok(calls.verify("2.9", accessToken(child), ""));
    assertEquals("3", part(accessToken(promoted), 0).get("version").asText());
    assertTrue(promoted.has("jwtSigningPublicKeyList"));

    JsonNode old = calls.created("2.7", user(), "{}");
    JsonNode newer = ok(calls.refresh("5.4", refreshToken(old), ",\"useDynamicSigningKey\":true"));
    assertEquals("5", part(accessToken(newer), 0).get("version").asText(), "a refresh is a mint");

    // Regenerate checks the payload against the claims of the token's own version.
    Reply v2Claim =
        calls.post(
            "5.4",
            "/recipe/session/regenerate",
            "{\"accessToken\":\"" + accessToken(old) + "\",\"userDataInJWT\":{\"userId\":5}}");
    assertEquals(400, v2Claim.status());
    assertEquals("The user payload contains protected field\n", v2Claim.body());
    JsonNode v3Regenerated =
        ok(
            calls.post(
                "5.4",
                "/recipe/session/regenerate",
                "{\"accessToken\":\"" + accessToken(v3) + "\",\"userDataInJWT\":{\"tId\":5}}"));
    assertEquals("3", part(accessToken(v3Regenerated), 0).get("version").asText());
    assertEquals(5, part(accessToken(v3Regenerated), 1).get("tId").asInt());
    Reply oldClient =
        calls.post(
            "2.7",
            "/recipe/session/regenerate",
            "{\"accessToken\":\"" + accessToken(v3) + "\",\"userDataInJWT\":{\"sub\":5}}");
    assertEquals(400, oldClient.status(), "a version 3 token cannot carry it");
    assertEquals("The user payload contains protected field\n", oldClient.body());
  }

  @Test
  void storedSessionShapesAndTenantsByVersion() {
    String userId = user();
    String handle = calls.created("4.0", userId, "{}").get("session").get("handle").asText();
    String query = "/recipe/session?sessionHandle=" + handle;
    assertEquals(
        "[sessionHandle, userId, userDataInDatabase, expiry, userDataInJWT, timeCreated, status,"
            + " tenantId]",
        keys(ok(calls.get("3.0", query))).toString());
    assertEquals(
        "[sessionHandle, userId, recipeUserId, userDataInDatabase, expiry, userDataInJWT,"
            + " timeCreated, status, tenantId]",
        keys(ok(calls.get("4.0", query))).toString());

    Reply tenant =
        http.put("/recipe/multitenancy/tenant/v2", "{\"tenantId\":\"t1\"}", "cdi-version", "5.4");
    assertEquals(200, tenant.status(), tenant.body());
    JsonNode inTenant =
        ok(
            calls.post(
                "3.0",
                "/t1/recipe/session",
                "{\"userId\":\""
                    + userId
                    + "\",\"enableAntiCsrf\":false,\"userDataInJWT\":{},\"userDataInDatabase\":{}}"));
    String tenantHandle = inTenant.get("session").get("handle").asText();
    assertTrue(tenantHandle.endsWith("_t1"));
    assertEquals("t1", inTenant.get("session").get("tenantId").asText());
    for (String cdi : List.of("3.0", "3.1", "4.0")) {
      JsonNode all = ok(calls.get(cdi, "/t1/recipe/session/user?userId=" + userId));
      assertEquals(2, all.get("sessionHandles").size(), cdi + ": across tenants from any tenant");
    }
    Reply refused = calls.get("5.0", "/t1/recipe/session/user?userId=" + userId);
    assertEquals(403, refused.status());
    assertEquals("Only public tenantId can call this app specific API\n", refused.body());
    assertEquals(
        "{\"status\":\"OK\",\"sessionHandles\":[\"" + tenantHandle + "\"]}\n",
        calls
            .get("4.0", "/t1/recipe/session/user?userId=" + userId + "&fetchAcrossAllTenants=false")
            .body());
    JsonNode removed =
        ok(calls.post("4.0", "/t1/recipe/session/remove", "{\"userId\":\"" + userId + "\"}"));
    assertEquals(2, removed.get("sessionHandlesRevoked").size());
  }

  @Test
  void theftReportsTheRecipeUserAtEveryVersion() {
    String userId = user();
    JsonNode created = calls.created("3.0", userId, "{}");
    String parent = refreshToken(created);
    String child = refreshToken(ok(calls.refresh("3.0", parent, "")));
    ok(calls.refresh("3.0", child, ""));
    String handle = created.get("session").get("handle").asText();
    String theft =
        "{\"status\":\"TOKEN_THEFT_DETECTED\",\"session\":{\"handle\":\""
            + handle
            + "\",\"userId\":\""
            + userId
            + "\",\"recipeUserId\":\""
            + userId
            + "\"}}\n";
    assertEquals(theft, calls.refresh("3.0", parent, "").body());
    assertEquals(theft, calls.refresh("2.21", parent, "").body());
  }
}
