package io.authcore.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Json;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A value longer than the column it is written to is a 400 that names the field, and nothing is
 * written, on both storages (the database's "value too long" was a 500, as it is on the original).
 * The longest value that fits is still accepted.
 */
class OverlongValuesTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String[] EMAIL_PASSWORD = {"cdi-version", "5.4", "rid", "emailpassword"};
  static final String MT = "/recipe/multitenancy";

  /** A value of exactly {@code length} characters that starts unlike any other test's. */
  static String text(int length) {
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    return prefix + "x".repeat(length - prefix.length());
  }

  /** An email address of exactly {@code length} characters. */
  static String email(int length) {
    String domain = "@example.com";
    return text(length - domain.length()) + domain;
  }

  static String json(Consumer<ObjectNode> fields) {
    ObjectNode body = Json.object();
    fields.accept(body);
    return body.toString();
  }

  /** A body of the given fields and values (strings, booleans, maps, lists), in that order. */
  static String json(Object... fieldsAndValues) {
    return json(
        body -> {
          for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.set((String) fieldsAndValues[i], Json.MAPPER.valueToTree(fieldsAndValues[i + 1]));
          }
        });
  }

  Reply post(String path, Object... fieldsAndValues) {
    return http.post(path, json(fieldsAndValues), CDI);
  }

  Reply put(String path, Object... fieldsAndValues) {
    return http.put(path, json(fieldsAndValues), CDI);
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static void assertBadRequest(String text, Reply reply) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals(text + "\n", reply.body());
  }

  static void assertOk(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals("OK", reply.json().get("status").asText(), reply.body());
  }

  static void assertStatus(String status, Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals(status, reply.json().get("status").asText(), reply.body());
  }

  // ---- userId (128)

  Reply createSession(String userId) {
    return post(
        "/recipe/session",
        "userId",
        userId,
        "enableAntiCsrf",
        false,
        "userDataInJWT",
        Map.of(),
        "userDataInDatabase",
        Map.of());
  }

  String sessionHandlesOf(String userId) {
    return http.get("/recipe/session/user?userId=" + query(userId), CDI).body();
  }

  @Test
  void aSessionForAnOverlongUserIdIsRefused() {
    String userId = text(129);
    assertBadRequest(
        "Field name 'userId' cannot be longer than 128 characters", createSession(userId));
    assertEquals("{\"status\":\"OK\",\"sessionHandles\":[]}\n", sessionHandlesOf(userId));

    String longest = text(128);
    assertOk(createSession(longest));
    assertFalse(sessionHandlesOf(longest).contains("[]"));
  }

  Reply putMetadata(String userId) {
    return put("/recipe/user/metadata", "userId", userId, "metadataUpdate", Map.of("a", 1));
  }

  String metadataOf(String userId) {
    return http.get("/recipe/user/metadata?userId=" + query(userId), CDI).body();
  }

  @Test
  void metadataForAnOverlongUserIdIsRefused() {
    String userId = text(129);
    assertBadRequest(
        "Field name 'userId' cannot be longer than 128 characters", putMetadata(userId));
    assertEquals("{\"metadata\":{},\"status\":\"OK\"}\n", metadataOf(userId));

    String longest = text(128);
    assertOk(putMetadata(longest));
    assertEquals("{\"metadata\":{\"a\":1},\"status\":\"OK\"}\n", metadataOf(longest));
  }

  Reply assignRole(String userId, String role) {
    return put("/recipe/user/role", "userId", userId, "role", role);
  }

  @Test
  void aRoleForAnOverlongUserIdIsRefused() {
    String role = text(10);
    assertOk(put("/recipe/role", "role", role));
    assertBadRequest(
        "Field name 'userId' cannot be longer than 128 characters", assignRole(text(129), role));
    String usersWithRole = "/recipe/role/users?role=" + query(role);
    assertEquals("{\"users\":[],\"status\":\"OK\"}\n", http.get(usersWithRole, CDI).body());

    String longest = text(128);
    assertOk(assignRole(longest, role));
    assertEquals(
        "{\"users\":[\"" + longest + "\"],\"status\":\"OK\"}\n",
        http.get(usersWithRole, CDI).body());
  }

  Reply verificationToken(String userId, String email) {
    return post("/recipe/user/email/verify/token", "userId", userId, "email", email);
  }

  Reply verify(Reply tokenReply) {
    String token = tokenReply.json().get("token").asText();
    return post("/recipe/user/email/verify", "method", "token", "token", token);
  }

  @Test
  void anEmailVerificationTokenForAnOverlongUserIdOrEmailIsRefused() {
    assertBadRequest(
        "Field name 'userId' cannot be longer than 128 characters",
        verificationToken(text(129), "a@example.com"));
    assertBadRequest(
        "Field name 'email' cannot be longer than 256 characters",
        verificationToken("user-1", email(257)));

    String userId = text(128);
    String email = email(256);
    Reply token = verificationToken(userId, email);
    assertOk(token);
    assertOk(verify(token));
    assertEquals(
        "{\"status\":\"OK\",\"isVerified\":true}\n",
        http.get(
                "/recipe/user/email/verify?userId=" + query(userId) + "&email=" + query(email), CDI)
            .body());
  }

  Reply mapUserId(String superTokensUserId, String externalUserId) {
    return post(
        "/recipe/userid/map",
        "superTokensUserId",
        superTokensUserId,
        "externalUserId",
        externalUserId);
  }

  @Test
  void aMappingToAnOverlongExternalUserIdIsRefused() {
    String user = TestUsers.signUp(http, TestUsers.email("map"));
    assertBadRequest(
        "Field name 'externalUserId' cannot be longer than 128 characters",
        mapUserId(user, text(129)));
    String mappingOfUser = "/recipe/userid/map?userId=" + user;
    assertStatus("UNKNOWN_MAPPING_ERROR", http.get(mappingOfUser, CDI));

    String longest = text(128);
    assertOk(mapUserId(user, longest));
    assertEquals(longest, http.get(mappingOfUser, CDI).json().get("externalUserId").asText());
  }

  // ---- email (256) and password hash (256)

  Reply signUp(String email) {
    return post("/recipe/signup", "email", email, "password", "password-123");
  }

  Reply userByEmail(String email) {
    return http.get("/recipe/user?email=" + query(email), EMAIL_PASSWORD);
  }

  @Test
  void aSignUpWithAnOverlongEmailIsRefused() {
    String email = email(257);
    assertBadRequest("Field name 'email' cannot be longer than 256 characters", signUp(email));
    assertStatus("UNKNOWN_EMAIL_ERROR", userByEmail(email));

    String longest = email(256);
    assertOk(signUp(longest));
    assertOk(userByEmail(longest));
  }

  static final String BCRYPT_HASH = "$2a$10$" + "a".repeat(53);

  Reply importUser(String email, String hash) {
    return post("/recipe/user/passwordhash/import", "email", email, "passwordHash", hash);
  }

  @Test
  void anImportWithAnOverlongEmailOrHashIsRefused() {
    String email = email(257);
    assertBadRequest(
        "Field name 'email' cannot be longer than 256 characters", importUser(email, BCRYPT_HASH));
    assertStatus("UNKNOWN_EMAIL_ERROR", userByEmail(email));

    // A well-formed argon2 hash with a long salt, which the column cannot hold.
    String longHash = "$argon2id$v=19$m=16,t=2,p=1$" + "A".repeat(200) + "$" + "A".repeat(44);
    String other = email(30);
    assertBadRequest(
        "Field name 'passwordHash' cannot be longer than 256 characters",
        importUser(other, longHash));
    assertStatus("UNKNOWN_EMAIL_ERROR", userByEmail(other));

    String longest = email(256);
    assertOk(importUser(longest, BCRYPT_HASH));
    assertOk(userByEmail(longest));
  }

  @Test
  void anEmailChangeToAnOverlongEmailIsRefused() {
    String email = TestUsers.email("change");
    String user = TestUsers.signUp(http, email);
    Reply reply =
        http.put("/recipe/user", json("recipeUserId", user, "email", email(257)), EMAIL_PASSWORD);
    assertBadRequest("Field name 'email' cannot be longer than 256 characters", reply);
    Reply read = http.get("/recipe/user?userId=" + user, EMAIL_PASSWORD);
    assertEquals(email, read.json().get("user").get("emails").get(0).asText(), read.body());
  }

  @Test
  void aPasswordResetTokenForAnOverlongEmailIsRefused() {
    String user = TestUsers.signUp(http, TestUsers.email("reset"));
    Reply reply = post("/recipe/user/password/reset/token", "userId", user, "email", email(257));
    assertBadRequest("Field name 'email' cannot be longer than 256 characters", reply);
  }

  // ---- role and permission (255)

  Reply createRole(String role, String... permissions) {
    return put("/recipe/role", "role", role, "permissions", List.of(permissions));
  }

  String roles() {
    return http.get("/recipe/roles", CDI).body();
  }

  @Test
  void anOverlongRoleOrPermissionIsRefused() {
    String role = text(256);
    assertBadRequest("Field name 'role' cannot be longer than 255 characters", createRole(role));
    assertFalse(roles().contains(role.substring(0, 8)));

    String other = text(20);
    assertBadRequest(
        "Field name 'permissions' cannot contain a string longer than 255 characters",
        createRole(other, "read", text(256)));
    assertFalse(roles().contains(other), "the role is not created either");

    String longest = text(255);
    String permission = text(255);
    assertOk(createRole(longest, permission));
    assertEquals(
        "{\"permissions\":[\"" + permission + "\"],\"status\":\"OK\"}\n",
        http.get("/recipe/role/permissions?role=" + query(longest), CDI).body());
  }

  // ---- multitenancy: appId and tenantId (64), connection-URI domain (256), factors (128)

  static String id(int length) {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + "x".repeat(length - 9);
  }

  @Test
  void anOverlongTenantIdIsRefused() {
    String tenantId = id(65);
    assertBadRequest(
        "Field name 'tenantId' cannot be longer than 64 characters",
        put(MT + "/tenant/v2", "tenantId", tenantId));
    assertFalse(http.get(MT + "/tenant/list/v2", CDI).body().contains(tenantId.substring(0, 9)));

    String longest = id(64);
    assertOk(put(MT + "/tenant/v2", "tenantId", longest));
    assertOk(http.get("/" + longest + MT + "/tenant/v2", CDI));
  }

  @Test
  void anOverlongAppIdIsRefused() {
    String appId = id(65);
    assertBadRequest(
        "Field name 'appId' cannot be longer than 64 characters",
        put(MT + "/app/v2", "appId", appId));
    assertFalse(http.get(MT + "/app/list/v2", CDI).body().contains(appId.substring(0, 9)));

    String longest = id(64);
    assertOk(put(MT + "/app/v2", "appId", longest));
    assertOk(http.get("/appid-" + longest + MT + "/tenant/v2", CDI));
  }

  /** A host name of {@code length} characters, in labels of at most 63. */
  static String domain(int length) {
    StringBuilder name = new StringBuilder(UUID.randomUUID().toString().substring(0, 8));
    while (name.length() < length) {
      name.append(name.length() % 60 == 59 ? '.' : 'd');
    }
    return name.toString();
  }

  @Test
  void anOverlongConnectionUriDomainIsRefused() {
    String domain = domain(257);
    assertBadRequest(
        "Field name 'connectionUriDomain' cannot be longer than 256 characters",
        put(MT + "/connectionuridomain/v2", "connectionUriDomain", domain));
    assertFalse(
        http.get(MT + "/connectionuridomain/list/v2", CDI).body().contains(domain.substring(0, 8)));

    String longest = domain(256);
    assertOk(put(MT + "/connectionuridomain/v2", "connectionUriDomain", longest));
    assertEquals(
        longest,
        http
            .get(MT + "/connectionuridomain/list/v2", CDI)
            .json()
            .get("connectionUriDomains")
            .findValuesAsText("connectionUriDomain")
            .stream()
            .filter(d -> d.startsWith(longest.substring(0, 8)))
            .findFirst()
            .orElse(null));
  }

  @Test
  void anOverlongFactorIdIsRefused() {
    String tenantId = id(20);
    for (String field : new String[] {"firstFactors", "requiredSecondaryFactors"}) {
      assertBadRequest(
          "Field name '" + field + "' cannot contain a string longer than 128 characters",
          put(
              MT + "/tenant/v2",
              "tenantId",
              tenantId,
              field,
              List.of("emailpassword", "f".repeat(129))));
    }
    assertStatus("TENANT_NOT_FOUND_ERROR", http.get("/" + tenantId + MT + "/tenant/v2", CDI));

    String longest = "f".repeat(128);
    assertOk(put(MT + "/tenant/v2", "tenantId", tenantId, "firstFactors", List.of(longest)));
    assertEquals(
        "[\"" + longest + "\"]",
        http.get("/" + tenantId + MT + "/tenant/v2", CDI).json().get("firstFactors").toString());
  }

  // ---- a tenant's third-party providers

  /** A provider config whose only client has id "c", changed by {@code change}. */
  Reply putProvider(String tenantId, boolean skipValidation, Consumer<ObjectNode> change) {
    return http.put(
        "/" + tenantId + MT + "/config/thirdparty",
        json(
            b -> {
              ObjectNode config = b.putObject("config");
              config.put("thirdPartyId", "custom");
              config.putArray("clients").addObject().put("clientId", "c");
              change.accept(config);
              b.put("skipValidation", skipValidation);
            }),
        CDI);
  }

  static ObjectNode client(ObjectNode config) {
    return (ObjectNode) config.get("clients").get(0);
  }

  @Test
  void anOverlongProviderFieldIsRefusedEvenWithoutValidation() {
    String tenantId = id(20);
    assertOk(put(MT + "/tenant/v2", "tenantId", tenantId));
    String prefix = "Invalid third party config: ";
    for (boolean skipValidation : new boolean[] {false, true}) {
      assertBadRequest(
          prefix + "thirdPartyId cannot be longer than 28 characters",
          putProvider(tenantId, skipValidation, c -> c.put("thirdPartyId", "p".repeat(29))));
      assertBadRequest(
          prefix + "name cannot be longer than 64 characters",
          putProvider(tenantId, skipValidation, c -> c.put("name", "n".repeat(65))));
      assertBadRequest(
          prefix + "clientType cannot be longer than 64 characters",
          putProvider(tenantId, skipValidation, c -> client(c).put("clientType", "t".repeat(65))));
      assertBadRequest(
          prefix + "clientId cannot be longer than 256 characters",
          putProvider(tenantId, skipValidation, c -> client(c).put("clientId", "c".repeat(257))));
      assertBadRequest(
          prefix + "scope array cannot contain a string longer than 128 characters",
          putProvider(
              tenantId,
              skipValidation,
              c -> client(c).putArray("scope").add("email").add("s".repeat(129))));
      assertBadRequest(
          prefix + "userInfoMap.fromIdTokenPayload.userId cannot be longer than 64 characters",
          putProvider(
              tenantId,
              skipValidation,
              c ->
                  c.putObject("userInfoMap")
                      .putObject("fromIdTokenPayload")
                      .put("userId", "u".repeat(65))));
      assertBadRequest(
          prefix + "userInfoMap.fromUserInfoAPI.emailVerified cannot be longer than 64 characters",
          putProvider(
              tenantId,
              skipValidation,
              c ->
                  c.putObject("userInfoMap")
                      .putObject("fromUserInfoAPI")
                      .put("emailVerified", "v".repeat(65))));
    }
    String providers = "/" + tenantId + MT + "/tenant/v2";
    assertEquals(
        "[]", http.get(providers, CDI).json().get("thirdParty").get("providers").toString());

    String longestId = "p".repeat(28);
    assertOk(
        putProvider(
            tenantId,
            false,
            c -> {
              c.put("thirdPartyId", longestId);
              c.put("name", "n".repeat(64));
              client(c).put("clientType", "t".repeat(64)).put("clientId", "c".repeat(256));
              client(c).putArray("scope").add("s".repeat(128));
              c.putObject("userInfoMap")
                  .putObject("fromIdTokenPayload")
                  .put("email", "e".repeat(64));
            }));
    assertEquals(
        longestId,
        http.get(providers, CDI)
            .json()
            .get("thirdParty")
            .get("providers")
            .get(0)
            .get("thirdPartyId")
            .asText());
  }
}
