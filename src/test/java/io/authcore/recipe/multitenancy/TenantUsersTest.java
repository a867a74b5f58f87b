package io.authcore.recipe.multitenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Users and tenants: the same email signs up separately per tenant and per app, and a user is
 * associated with more tenants and taken out again, with the original's statuses.
 */
class TenantUsersTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};
  static final String MT = "/recipe/multitenancy";

  JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  /** A new app with tenants t1, t2, t3 that allow email-password. */
  String app() {
    String id = "users-" + UUID.randomUUID().toString().substring(0, 8);
    ok(http.put(MT + "/app/v2", "{\"appId\":\"" + id + "\"}", CDI));
    for (String tenant : new String[] {"t1", "t2", "t3"}) {
      ok(
          http.put(
              "/appid-" + id + MT + "/tenant/v2",
              "{\"tenantId\":\"" + tenant + "\",\"firstFactors\":[\"emailpassword\"]}",
              CDI));
    }
    return id;
  }

  JsonNode signUp(String prefix, String email, String password) {
    return ok(
        http.post(
            prefix + "/recipe/signup",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
            CDI));
  }

  String signIn(String prefix, String email, String password) {
    return ok(http.post(
            prefix + "/recipe/signin",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
            CDI))
        .get("status")
        .asText();
  }

  List<String> tenantIds(String app, String userId) {
    JsonNode user = ok(http.get("/appid-" + app + "/user/id?userId=" + userId, CDI)).get("user");
    List<String> ids = new ArrayList<>();
    user.get("tenantIds").forEach(t -> ids.add(t.asText()));
    return ids;
  }

  Reply associate(String app, String tenant, String userId) {
    return http.post(
        "/appid-" + app + "/" + tenant + MT + "/tenant/user",
        "{\"recipeUserId\":\"" + userId + "\"}",
        CDI);
  }

  Reply disassociate(String app, String tenant, String userId) {
    return http.post(
        "/appid-" + app + "/" + tenant + MT + "/tenant/user/remove",
        "{\"recipeUserId\":\"" + userId + "\"}",
        CDI);
  }

  @Test
  void theSameEmailIsADifferentUserInEachTenantAndApp() {
    String a1 = app();
    String a2 = app();
    String email = "same@example.com";
    JsonNode one = signUp("/appid-" + a1 + "/t1", email, "password-one");
    JsonNode two = signUp("/appid-" + a1 + "/t2", email, "password-two");
    JsonNode three = signUp("/appid-" + a2 + "/t1", email, "password-three");
    for (JsonNode created : new JsonNode[] {one, two, three}) {
      assertEquals("OK", created.get("status").asText());
    }
    String id1 = one.get("user").get("id").asText();
    assertNotEquals(id1, two.get("user").get("id").asText());
    assertNotEquals(id1, three.get("user").get("id").asText());
    assertEquals(
        "EMAIL_ALREADY_EXISTS_ERROR",
        signUp("/appid-" + a1 + "/t1", email, "again-and-again").get("status").asText());

    assertEquals("OK", signIn("/appid-" + a1 + "/t1", email, "password-one"));
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn("/appid-" + a1 + "/t2", email, "password-one"));
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn("/appid-" + a2 + "/t1", email, "password-one"));
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn("/appid-" + a1 + "/t3", email, "password-one"));
    assertEquals(
        "UNKNOWN_USER_ID_ERROR",
        ok(http.get("/appid-" + a2 + "/user/id?userId=" + id1, CDI)).get("status").asText(),
        "a user of one app is unknown to another");
    assertEquals(List.of("t1"), tenantIds(a1, id1));
  }

  @Test
  void before4TheUserIsNamedByItsUserId() {
    String app = app();
    String id =
        signUp("/appid-" + app, "by-user-id-" + UUID.randomUUID() + "@example.com", "password-one")
            .get("user")
            .get("id")
            .asText();
    String[] cdi30 = {"cdi-version", "3.0"};
    String path = "/appid-" + app + "/t1" + MT + "/tenant/user";
    Reply added = http.post(path, "{\"userId\":\"" + id + "\"}", cdi30);
    assertEquals("{\"status\":\"OK\",\"wasAlreadyAssociated\":false}\n", added.body());
    Reply wrongField = http.post(path, "{\"recipeUserId\":\"" + id + "\"}", cdi30);
    assertEquals(400, wrongField.status());
    assertEquals("Field name 'userId' is invalid in JSON input\n", wrongField.body());
    assertEquals(
        "Field name 'recipeUserId' is invalid in JSON input\n",
        http.post(path + "/remove", "{\"userId\":\"" + id + "\"}", CDI).body());
    assertEquals(
        "{\"status\":\"OK\",\"wasAssociated\":true}\n",
        http.post(path + "/remove", "{\"userId\":\"" + id + "\"}", cdi30).body());
    assertEquals(
        "Field name 'userId' cannot be an empty String\n",
        http.post(path, "{\"userId\":\"  \"}", cdi30).body());
  }

  @Test
  void aUserIsAssociatedWithTenantsAndTakenOut() {
    String app = app();
    String id =
        signUp("/appid-" + app + "/public", "u@example.com", "password-1")
            .get("user")
            .get("id")
            .asText();
    for (String tenant : new String[] {"t1", "t2", "t3"}) {
      assertEquals(
          "{\"status\":\"OK\",\"wasAlreadyAssociated\":false}\n",
          associate(app, tenant, id).body());
    }
    assertEquals(
        "{\"status\":\"OK\",\"wasAlreadyAssociated\":true}\n", associate(app, "t1", id).body());
    assertEquals(
        List.of("public", "t1", "t2", "t3"), tenantIds(app, id).stream().sorted().toList());
    assertEquals("OK", signIn("/appid-" + app + "/t2", "u@example.com", "password-1"));

    // A role and a session in t1 go with the user's membership of t1.
    ok(http.put("/appid-" + app + "/recipe/role", "{\"role\":\"r\"}", CDI));
    ok(
        http.put(
            "/appid-" + app + "/t1/recipe/user/role",
            "{\"userId\":\"" + id + "\",\"role\":\"r\"}",
            CDI));
    ok(
        http.post(
            "/appid-" + app + "/t1/recipe/session",
            "{\"userId\":\""
                + id
                + "\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                + "\"enableAntiCsrf\":false}",
            CDI));
    assertEquals(
        "{\"status\":\"OK\",\"wasAssociated\":true}\n", disassociate(app, "t1", id).body());
    assertEquals(
        "[]",
        ok(http.get("/appid-" + app + "/t1/recipe/user/roles?userId=" + id, CDI))
            .get("roles")
            .toString());
    assertEquals(
        0,
        ok(http.get(
                "/appid-"
                    + app
                    + "/t1/recipe/session/user?fetchAcrossAllTenants=false&userId="
                    + id,
                CDI))
            .get("sessionHandles")
            .size());
    assertEquals(
        "{\"status\":\"OK\",\"wasAssociated\":false}\n", disassociate(app, "t1", id).body());
    assertEquals(
        "WRONG_CREDENTIALS_ERROR", signIn("/appid-" + app + "/t1", "u@example.com", "password-1"));

    ok(http.post("/appid-" + app + MT + "/tenant/remove", "{\"tenantId\":\"t2\"}", CDI));
    assertEquals(
        List.of("public", "t3"), tenantIds(app, id).stream().sorted().toList(), "t2 is gone");
  }

  @Test
  void aTenantWithTheSameEmailRefusesTheUserAndExternalIdsAreAccepted() {
    String app = app();
    String first =
        signUp("/appid-" + app + "/public", "dup@example.com", "password-1")
            .get("user")
            .get("id")
            .asText();
    signUp("/appid-" + app + "/t1", "dup@example.com", "password-2");
    assertEquals(
        "{\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}\n", associate(app, "t1", first).body());

    ok(
        http.post(
            "/appid-" + app + "/recipe/userid/map",
            "{\"superTokensUserId\":\"" + first + "\",\"externalUserId\":\"ext-first\"}",
            CDI));
    assertEquals(
        "{\"status\":\"OK\",\"wasAlreadyAssociated\":false}\n",
        associate(app, "t2", "ext-first").body(),
        "the user may be named by its external id");
    assertEquals(
        "{\"status\":\"OK\",\"wasAssociated\":true}\n",
        disassociate(app, "t2", "ext-first").body());
    assertEquals(
        "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n", associate(app, "t2", "someone-else").body());
    assertEquals(400, associate(app, "t9", first).status(), "the tenant in the path must exist");
  }
}
