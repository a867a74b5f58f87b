package io.authcore.recipe.useridmapping;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The user-id mapping endpoints over HTTP, on both storages. */
class UserIdMappingApiTest extends ServerOnEachBackend {
  static final String OK = "{\"status\":\"OK\"}\n";
  static final String UNKNOWN = "{\"status\":\"UNKNOWN_MAPPING_ERROR\"}\n";

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  Reply post(String path, String body) {
    return http.post(path, body, CDI);
  }

  Reply map(String superTokensId, String externalId) {
    return post(
        "/recipe/userid/map",
        json("superTokensUserId", superTokensId, "externalUserId", externalId));
  }

  String user() {
    return TestUsers.signUp(http, TestUsers.email("map"));
  }

  Reply createSession(String userId) {
    return post(
        "/public/recipe/session",
        json(
            "userId",
            userId,
            "userDataInJWT",
            Map.of(),
            "userDataInDatabase",
            Map.of(),
            "enableAntiCsrf",
            false));
  }

  static String ext() {
    return "ext-" + UUID.randomUUID();
  }

  @Test
  void createGetUpdateRemove() {
    String id = user();
    String ext = ext();
    assertEquals(
        OK,
        post(
                "/recipe/userid/map",
                json(
                    "superTokensUserId",
                    " " + id + " ",
                    "externalUserId",
                    ext,
                    "externalUserIdInfo",
                    " info "))
            .body());
    String found =
        "{\"status\":\"OK\",\"superTokensUserId\":\""
            + id
            + "\",\"externalUserId\":\""
            + ext
            + "\",\"externalUserIdInfo\":\"info\"}\n";
    assertEquals(found, http.get("/recipe/userid/map?userId=" + id, CDI).body());
    assertEquals(found, http.get("/recipe/userid/map?userId=" + ext, CDI).body());
    assertEquals(
        found, http.get("/recipe/userid/map?userId=" + ext + "&userIdType=EXTERNAL", CDI).body());
    assertEquals(
        UNKNOWN,
        http.get("/recipe/userid/map?userId=" + ext + "&userIdType=SUPERTOKENS", CDI).body());
    assertEquals(
        UNKNOWN, http.get("/recipe/userid/map?userId=" + id + "&userIdType=EXTERNAL", CDI).body());

    // The user now shows its external id everywhere.
    Reply user = http.get("/user/id?userId=" + ext, CDI);
    assertEquals(ext, user.json().get("user").get("id").asText());
    assertEquals(
        ext, user.json().get("user").get("loginMethods").get(0).get("recipeUserId").asText());

    String path = "/recipe/userid/external-user-id-info";
    assertEquals(
        OK, http.put(path, "{\"userId\":\"" + ext + "\",\"externalUserIdInfo\":null}", CDI).body());
    assertEquals(
        "{\"status\":\"OK\",\"superTokensUserId\":\""
            + id
            + "\",\"externalUserId\":\""
            + ext
            + "\"}\n",
        http.get("/recipe/userid/map?userId=" + id, CDI).body());
    assertEquals(
        OK,
        http.put(
                path,
                json("userId", id, "userIdType", "SUPERTOKENS", "externalUserIdInfo", "x"),
                CDI)
            .body());
    assertEquals(
        UNKNOWN, http.put(path, json("userId", "nobody", "externalUserIdInfo", "x"), CDI).body());
    assertEquals(
        UNKNOWN,
        http.put(
                path,
                json("userId", ext, "userIdType", "SUPERTOKENS", "externalUserIdInfo", "x"),
                CDI)
            .body());

    assertEquals(
        "{\"status\":\"OK\",\"didMappingExist\":true}\n",
        post("/recipe/userid/map/remove", json("userId", ext)).body());
    assertEquals(
        "{\"status\":\"OK\",\"didMappingExist\":false}\n",
        post("/recipe/userid/map/remove", json("userId", ext)).body());
    assertEquals(UNKNOWN, http.get("/recipe/userid/map?userId=" + id, CDI).body());
  }

  @Test
  void conflictsAreReportedAsTheOriginalDoes() {
    String a = user();
    String b = user();
    String ext = ext();
    assertEquals(OK, map(a, ext).body());
    assertEquals(
        "{\"status\":\"USER_ID_MAPPING_ALREADY_EXISTS_ERROR\",\"doesSuperTokensUserIdExist\":true,"
            + "\"doesExternalUserIdExist\":true}\n",
        map(a, ext).body());
    assertEquals(
        "{\"status\":\"USER_ID_MAPPING_ALREADY_EXISTS_ERROR\",\"doesSuperTokensUserIdExist\":false,"
            + "\"doesExternalUserIdExist\":true}\n",
        map(b, ext).body());
    assertEquals(
        "{\"status\":\"USER_ID_MAPPING_ALREADY_EXISTS_ERROR\",\"doesSuperTokensUserIdExist\":true,"
            + "\"doesExternalUserIdExist\":false}\n",
        map(a, ext()).body());
    assertEquals(
        "{\"status\":\"UNKNOWN_SUPERTOKENS_USER_ID_ERROR\"}\n",
        map(UUID.randomUUID().toString(), ext()).body());
    Reply reply = map(b, a);
    assertEquals(400, reply.status());
    assertEquals(
        "Cannot create a userId mapping where the externalId is also a SuperTokens userID\n",
        reply.body());
    assertEquals(
        OK,
        post("/recipe/userid/map", json("superTokensUserId", b, "externalUserId", a, "force", true))
            .body());
  }

  @Test
  void badInput() {
    assertEquals(
        "Field name 'superTokensUserId' cannot be an empty String\n", map(" ", "x").body());
    assertEquals("Field name 'externalUserId' cannot be an empty String\n", map("x", "").body());
    assertEquals(
        "Field name 'externalUserIdInfo' cannot be an empty String\n",
        post(
                "/recipe/userid/map",
                json("superTokensUserId", "a", "externalUserId", "b", "externalUserIdInfo", " "))
            .body());
    assertEquals(
        "Field name 'userIdType' should be one of 'SUPERTOKENS', 'EXTERNAL' or 'ANY'\n",
        http.get("/recipe/userid/map?userId=x&userIdType=any", CDI).body());
    assertEquals(
        "Field name 'userId' cannot be an empty String\n",
        http.get("/recipe/userid/map?userId=%20", CDI).body());
    assertEquals(
        "Field name 'externalUserIdInfo' is invalid in JSON input\n",
        http.put("/recipe/userid/external-user-id-info", json("userId", "x"), CDI).body());
    assertEquals(
        "Only public tenantId can call this app specific API\n",
        http.get("/t1/recipe/userid/map?userId=x", CDI).body());
  }

  @Test
  void aSessionMadeWithTheExternalIdIsListedUnderEitherId() {
    String id = user();
    String ext = ext();
    assertEquals(OK, map(id, ext).body());
    String handle = createSession(ext).json().get("session").get("handle").asText();
    for (String either : new String[] {id, ext}) {
      for (String linked : new String[] {"true", "false"}) {
        assertEquals(
            "{\"status\":\"OK\",\"sessionHandles\":[\"" + handle + "\"]}\n",
            http.get(
                    "/public/recipe/session/user?userId="
                        + either
                        + "&fetchSessionsForAllLinkedAccounts="
                        + linked,
                    CDI)
                .body(),
            either + ", linked accounts " + linked);
      }
    }
  }

  @Test
  void aSessionMadeWithTheSuperTokensIdOfAMappedUserIsStoredUnderTheExternalId() {
    String id = user();
    String ext = ext();
    assertEquals(OK, map(id, ext).body());
    Reply created = createSession(id);
    assertEquals(200, created.status(), created.body());
    JsonNode session = created.json().get("session");
    assertEquals(ext, session.get("userId").asText());
    assertEquals(ext, session.get("recipeUserId").asText());
    String handle = session.get("handle").asText();

    Reply refreshed =
        post(
            "/recipe/session/refresh",
            json(
                "refreshToken",
                created.json().get("refreshToken").get("token").asText(),
                "enableAntiCsrf",
                false,
                "useDynamicSigningKey",
                true));
    assertEquals(200, refreshed.status(), refreshed.body());
    assertEquals(ext, refreshed.json().get("session").get("userId").asText());
    assertEquals(ext, refreshed.json().get("session").get("recipeUserId").asText());
    JsonNode info = http.get("/recipe/session?sessionHandle=" + handle, CDI).json();
    assertEquals("OK", info.get("status").asText());
    assertEquals(ext, info.get("userId").asText());
    if (backend != Backend.POSTGRES) {
      return; // H2's database is private to the server; UserStoresTest covers the row there
    }
    assertEquals(
        List.of(List.of(ext)),
        TestUsers.rows(
            server.database(), "SELECT user_id FROM session_info WHERE session_handle = ?", handle),
        "stored under the external id");
  }

  @Test
  void idsOtherRecipesUseCannotBeMappedUnlessForced() {
    String id = user();
    Reply session = createSession(id);
    assertEquals(200, session.status(), session.body());
    Reply refused = map(id, ext());
    assertEquals(400, refused.status());
    assertEquals("UserId is already in use in Session recipe\n", refused.body());
    assertEquals(
        OK,
        post(
                "/recipe/userid/map",
                json("superTokensUserId", id, "externalUserId", ext(), "force", true))
            .body());
  }

  @Test
  void emailVerificationMovesToTheExternalId() {
    String email = TestUsers.email("moves");
    String id = TestUsers.signUp(http, email);
    String token =
        post("/public/recipe/user/email/verify/token", json("userId", id, "email", email))
            .json()
            .get("token")
            .asText();
    post("/public/recipe/user/email/verify", json("method", "token", "token", token));
    String ext = ext();
    assertEquals(OK, map(id, ext).body());
    assertEquals(
        "{\"status\":\"OK\",\"isVerified\":true}\n",
        http.get("/recipe/user/email/verify?userId=" + ext + "&email=" + email, CDI).body());
    assertEquals(
        "{\"status\":\"OK\",\"isVerified\":false}\n",
        http.get("/recipe/user/email/verify?userId=" + id + "&email=" + email, CDI).body());
    assertEquals(
        true,
        http.get("/user/id?userId=" + id, CDI)
            .json()
            .get("user")
            .get("loginMethods")
            .get(0)
            .get("verified")
            .asBoolean());
    // The external id now holds verification data: removing the mapping needs force.
    Reply refused = post("/recipe/userid/map/remove", json("userId", id));
    assertEquals("UserId is already in use in EmailVerification recipe\n", refused.body());
    assertEquals(
        "{\"status\":\"OK\",\"didMappingExist\":true}\n",
        post(
                "/recipe/userid/map/remove",
                json("userId", id, "userIdType", "SUPERTOKENS", "force", true))
            .body());
  }

  @Test
  void before4VerifiedEmailsBlockAMappingUnlessForced() {
    String[] cdi30 = {"cdi-version", "3.0"};
    String email = TestUsers.email("blocks");
    String id = TestUsers.signUp(http, email);
    String token =
        http.post("/recipe/user/email/verify/token", json("userId", id, "email", email), cdi30)
            .json()
            .get("token")
            .asText();
    http.post("/recipe/user/email/verify", json("method", "token", "token", token), cdi30);
    String ext = ext();
    String mapping = json("superTokensUserId", id, "externalUserId", ext);
    Reply refused = http.post("/recipe/userid/map", mapping, cdi30);
    assertEquals(400, refused.status());
    assertEquals("UserId is already in use in EmailVerification recipe\n", refused.body());
    assertEquals(
        "{\"status\":\"OK\",\"isVerified\":true}\n",
        http.get("/recipe/user/email/verify?userId=" + id + "&email=" + email, cdi30).body());
    // Forced, the mapping is made and the verification stays with the SuperTokens id.
    String forced = mapping.replace("}", ",\"force\":true}");
    assertEquals(OK, http.post("/recipe/userid/map", forced, cdi30).body());
    assertEquals(
        "{\"status\":\"OK\",\"isVerified\":true}\n",
        http.get("/recipe/user/email/verify?userId=" + id + "&email=" + email, cdi30).body());
  }

  @Test
  void metadataOrRolesBlockAMappingWithTheOriginalsText() {
    if (backend != Backend.POSTGRES) {
      return; // written in the database until their recipes' APIs exist
    }
    String id = user();
    TestDatabases.execute(
        server.database(), "INSERT INTO user_metadata VALUES ('public', '" + id + "', '{}')");
    assertEquals("UserId is already in use in UserMetadata recipe\n", map(id, ext()).body());
    String other = user();
    TestDatabases.execute(
        server.database(),
        "INSERT INTO roles VALUES ('public', 'admin') ON CONFLICT DO NOTHING",
        "INSERT INTO user_roles VALUES ('public', 'public', '" + other + "', 'admin')");
    assertEquals("UserId is already in use in UserRoles recipe\n", map(other, ext()).body());
  }
}
