package io.authcore.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.TestServer;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same user id, role, metadata and session made in two apps and two tenants: nothing made
 * through one app's or tenant's path is visible through another's.
 */
@ParameterizedClass
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String USER = "same-user";

  @Parameter Backend backend;

  TestServer server;
  Http http;
  String a1;
  String a2;

  @BeforeParameterizedClassInvocation
  void start(Backend backend) {
    server = TestServer.start(backend, Map.of(), Clock.systemUTC());
    http = server.http();
    a1 = app();
    a2 = app();
  }

  @AfterParameterizedClassInvocation
  void stop() {
    server.close();
  }

  String app() {
    String id = "iso-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        200, http.put("/recipe/multitenancy/app/v2", "{\"appId\":\"" + id + "\"}", CDI).status());
    for (String tenant : new String[] {"t1", "t2"}) {
      Reply created =
          http.put(
              "/appid-" + id + "/recipe/multitenancy/tenant/v2",
              "{\"tenantId\":\"" + tenant + "\",\"firstFactors\":[\"emailpassword\"]}",
              CDI);
      assertEquals(200, created.status(), created.body());
    }
    return id;
  }

  JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  JsonNode createSession(String prefix) {
    return ok(
        http.post(
            prefix + "/recipe/session",
            "{\"userId\":\""
                + USER
                + "\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false,\"useDynamicSigningKey\":true}",
            CDI));
  }

  JsonNode verify(String appPrefix, String accessToken, boolean checkDatabase) {
    return ok(
        http.post(
            appPrefix + "/recipe/session/verify",
            "{\"accessToken\":\""
                + accessToken
                + "\",\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,\"checkDatabase\":"
                + checkDatabase
                + "}",
            CDI));
  }

  @Test
  void sessionsAndTheirKeysBelongToOneApp() {
    JsonNode inA1 = createSession("/appid-" + a1 + "/t1");
    String access = inA1.get("accessToken").get("token").asText();
    String refresh = inA1.get("refreshToken").get("token").asText();
    String handle = inA1.get("session").get("handle").asText();

    assertEquals("OK", verify("/appid-" + a1, access, true).get("status").asText());
    for (boolean checkDatabase : new boolean[] {false, true}) {
      assertEquals(
          "TRY_REFRESH_TOKEN",
          verify("/appid-" + a2, access, checkDatabase).get("status").asText(),
          "another app's keys do not verify it");
      assertEquals("TRY_REFRESH_TOKEN", verify("", access, checkDatabase).get("status").asText());
    }
    assertEquals(
        "UNAUTHORISED",
        ok(http.post(
                "/appid-" + a2 + "/recipe/session/refresh",
                "{\"refreshToken\":\""
                    + refresh
                    + "\",\"enableAntiCsrf\":false,"
                    + "\"useDynamicSigningKey\":true}",
                CDI))
            .get("status")
            .asText(),
        "another app's refresh-token key does not open it");
    assertEquals(
        "UNAUTHORISED",
        ok(http.get("/appid-" + a2 + "/recipe/session?sessionHandle=" + handle, CDI))
            .get("status")
            .asText());
    assertEquals(
        "OK",
        ok(http.get("/appid-" + a1 + "/recipe/session?sessionHandle=" + handle, CDI))
            .get("status")
            .asText());

    createSession("/appid-" + a2 + "/t1");
    createSession("/appid-" + a1 + "/t2");
    assertEquals(
        1,
        ok(http.get(
                "/appid-"
                    + a1
                    + "/t1/recipe/session/user?fetchAcrossAllTenants=false&userId="
                    + USER,
                CDI))
            .get("sessionHandles")
            .size(),
        "one session of the user in a1/t1, though it has others in a1/t2 and a2/t1");
    assertEquals(
        2,
        ok(http.get(
                "/appid-" + a1 + "/recipe/session/user?fetchAcrossAllTenants=true&userId=" + USER,
                CDI))
            .get("sessionHandles")
            .size(),
        "across a1's tenants, still none of a2's");

    Set<String> kids1 = kids(a1);
    Set<String> kids2 = kids(a2);
    kids1.retainAll(kids2);
    assertTrue(kids1.isEmpty(), "each app has its own signing keys");
  }

  Set<String> kids(String appId) {
    Set<String> kids = new HashSet<>();
    ok(http.get("/appid-" + appId + "/.well-known/jwks.json"))
        .get("keys")
        .forEach(k -> kids.add(k.get("kid").asText()));
    assertEquals(2, kids.size());
    return kids;
  }

  @Test
  void rolesAndMetadataBelongToOneApp() {
    String role = "admin-" + UUID.randomUUID().toString().substring(0, 6);
    ok(
        http.put(
            "/appid-" + a1 + "/recipe/role",
            "{\"role\":\"" + role + "\",\"permissions\":[\"read\"]}",
            CDI));
    ok(
        http.put(
            "/appid-" + a2 + "/recipe/role",
            "{\"role\":\"" + role + "\",\"permissions\":[\"write\"]}",
            CDI));
    assertEquals(
        "[\"read\"]",
        ok(http.get("/appid-" + a1 + "/recipe/role/permissions?role=" + role, CDI))
            .get("permissions")
            .toString());
    assertEquals(
        "[\"write\"]",
        ok(http.get("/appid-" + a2 + "/recipe/role/permissions?role=" + role, CDI))
            .get("permissions")
            .toString());
    assertEquals(
        "UNKNOWN_ROLE_ERROR",
        ok(http.get("/recipe/role/permissions?role=" + role, CDI)).get("status").asText(),
        "the public app has no such role");

    ok(
        http.put(
            "/appid-" + a1 + "/t1/recipe/user/role",
            "{\"userId\":\"" + USER + "\",\"role\":\"" + role + "\"}",
            CDI));
    assertEquals(
        "[\"" + role + "\"]",
        ok(http.get("/appid-" + a1 + "/t1/recipe/user/roles?userId=" + USER, CDI))
            .get("roles")
            .toString());
    assertEquals(
        "[]",
        ok(http.get("/appid-" + a1 + "/t2/recipe/user/roles?userId=" + USER, CDI))
            .get("roles")
            .toString(),
        "a role given in one tenant is not held in another");
    assertEquals(
        "[]",
        ok(http.get("/appid-" + a2 + "/t1/recipe/user/roles?userId=" + USER, CDI))
            .get("roles")
            .toString(),
        "nor in the same tenant id of another app");

    ok(
        http.put(
            "/appid-" + a1 + "/recipe/user/metadata",
            "{\"userId\":\"" + USER + "\",\"metadataUpdate\":{\"app\":\"one\"}}",
            CDI));
    ok(
        http.put(
            "/appid-" + a2 + "/recipe/user/metadata",
            "{\"userId\":\"" + USER + "\",\"metadataUpdate\":{\"app\":\"two\"}}",
            CDI));
    assertEquals(
        "{\"app\":\"one\"}",
        ok(http.get("/appid-" + a1 + "/recipe/user/metadata?userId=" + USER, CDI))
            .get("metadata")
            .toString());
    assertEquals(
        "{\"app\":\"two\"}",
        ok(http.get("/appid-" + a2 + "/recipe/user/metadata?userId=" + USER, CDI))
            .get("metadata")
            .toString());
    assertEquals(
        "{}", ok(http.get("/recipe/user/metadata?userId=" + USER, CDI)).get("metadata").toString());
  }

  @Test
  void removingAnAppRemovesItsDataAndARecreatedAppStartsEmpty() {
    String app = app();
    JsonNode session = createSession("/appid-" + app + "/t1");
    String handle = session.get("session").get("handle").asText();
    String access = session.get("accessToken").get("token").asText();
    Set<String> oldKids = kids(app);
    ok(
        http.put(
            "/appid-" + app + "/recipe/user/metadata",
            "{\"userId\":\"" + USER + "\",\"metadataUpdate\":{\"k\":1}}",
            CDI));

    for (String tenant : new String[] {"t1", "t2"}) {
      ok(
          http.post(
              "/appid-" + app + "/recipe/multitenancy/tenant/remove",
              "{\"tenantId\":\"" + tenant + "\"}",
              CDI));
    }
    assertEquals(
        "{\"status\":\"OK\",\"didExist\":true}\n",
        http.post("/recipe/multitenancy/app/remove", "{\"appId\":\"" + app + "\"}", CDI).body());
    assertEquals(
        400, http.get("/appid-" + app + "/recipe/session?sessionHandle=" + handle, CDI).status());

    assertEquals(
        200, http.put("/recipe/multitenancy/app/v2", "{\"appId\":\"" + app + "\"}", CDI).status());
    Set<String> newKids = kids(app);
    newKids.retainAll(oldKids);
    assertTrue(newKids.isEmpty(), "a recreated app gets new keys");
    assertEquals(
        "UNAUTHORISED",
        ok(http.get("/appid-" + app + "/recipe/session?sessionHandle=" + handle, CDI))
            .get("status")
            .asText());
    assertEquals(
        "TRY_REFRESH_TOKEN", verify("/appid-" + app, access, false).get("status").asText());
    assertEquals(
        "{}",
        ok(http.get("/appid-" + app + "/recipe/user/metadata?userId=" + USER, CDI))
            .get("metadata")
            .toString());
    assertNotEquals(a1, app);
  }
}
