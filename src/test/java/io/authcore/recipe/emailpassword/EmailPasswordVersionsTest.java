package io.authcore.recipe.emailpassword;

import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What changed for email-password clients from version to version, as the original answers: the
 * field that names the user to update (4.0), reset tokens for the user's own email before 4.0, the
 * user id in the legacy reset (2.12), and tenants that switched the recipe off (until 5.1).
 */
class EmailPasswordVersionsTest extends ServerOnEachBackend {
  static final String OK = "200 {\"status\":\"OK\"}\n";
  static final String UNKNOWN = "200 {\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n";
  static final String NOT_ENABLED = "403 Email password login not enabled for tenant\n";

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  static String[] cdi(String version) {
    return new String[] {"cdi-version", version};
  }

  static String answer(Reply reply) {
    return reply.status() + " " + reply.body();
  }

  String signUp(String email) {
    return TestUsers.signUp(http, email);
  }

  String resetToken(String version, String body) {
    Reply reply = http.post("/recipe/user/password/reset/token", body, cdi(version));
    assertEquals(200, reply.status(), reply.body());
    return reply.json().get("token").asText();
  }

  @Test
  void updatesNameTheUserBefore4AndTheLoginMethodFrom4() {
    String id = signUp(TestUsers.email("update"));
    String byUser = json("userId", id, "password", "new-password-1");
    String byLoginMethod = json("recipeUserId", id, "password", "new-password-1");
    assertEquals(OK, answer(http.put("/recipe/user", byUser, cdi("3.0"))));
    assertEquals(OK, answer(http.put("/recipe/user", byLoginMethod, cdi("4.0"))));
    assertEquals(
        "400 Field name 'userId' is invalid in JSON input\n",
        answer(http.put("/recipe/user", byLoginMethod, cdi("3.0"))));
    assertEquals(
        "400 Field name 'recipeUserId' is invalid in JSON input\n",
        answer(http.put("/recipe/user", byUser, cdi("4.0"))));
    assertEquals(
        UNKNOWN,
        answer(http.put("/recipe/user", json("userId", "nope", "password", "x"), cdi("2.7"))));
  }

  @Test
  void before4ATokenResetsThePasswordOfTheUsersOwnEmail() {
    String email = TestUsers.email("own");
    String id = signUp(email);
    // Any email in the request is not read: the token is for the user's.
    String token = resetToken("3.0", json("userId", id, "email", "other@example.com"));
    assertEquals(
        "200 {\"status\":\"OK\",\"userId\":\"" + id + "\",\"email\":\"" + email + "\"}\n",
        answer(
            http.post(
                "/recipe/user/password/reset/token/consume", json("token", token), cdi("3.0"))));
    resetToken("2.7", json("userId", id));
    assertEquals(
        UNKNOWN,
        answer(http.post("/recipe/user/password/reset/token", json("userId", "nope"), cdi("3.0"))));
    // From 4.0 the email is named, after the user is found.
    assertEquals(
        "400 Field name 'email' is invalid in JSON input\n",
        answer(http.post("/recipe/user/password/reset/token", json("userId", id), cdi("4.0"))));
    assertEquals(
        UNKNOWN,
        answer(http.post("/recipe/user/password/reset/token", json("userId", "nope"), cdi("4.0"))));
  }

  @Test
  void theLegacyResetNamesTheUserFrom212() {
    String email = TestUsers.email("legacy");
    String id = signUp(email);
    String reset = "{\"method\":\"token\",\"token\":\"%s\",\"newPassword\":\"password-456\"}";
    String token = resetToken("2.11", json("userId", id));
    assertEquals(
        OK, answer(http.post("/recipe/user/password/reset", reset.formatted(token), cdi("2.11"))));
    token = resetToken("2.12", json("userId", id));
    assertEquals(
        "200 {\"status\":\"OK\",\"userId\":\"" + id + "\"}\n",
        answer(http.post("/recipe/user/password/reset", reset.formatted(token), cdi("2.12"))));
  }

  void tenant(String id, String firstFactors) {
    String body =
        firstFactors == null
            ? "{\"tenantId\":\"" + id + "\"}"
            : "{\"tenantId\":\"" + id + "\",\"firstFactors\":" + firstFactors + "}";
    Reply reply = http.put("/recipe/multitenancy/tenant/v2", body, cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
  }

  String signUpStatus(String tenant, String version) {
    String body = json("email", TestUsers.email("gate"), "password", "password-123");
    Reply reply = http.post("/" + tenant + "/recipe/signup", body, cdi(version));
    return reply.status() == 200 ? "OK" : answer(reply);
  }

  @Test
  void tenantsWithoutEmailPasswordRefuseItUntil51() {
    tenant("ff-none", null); // a new tenant allows no first factor
    tenant("ff-tp", "[\"thirdparty\"]");
    tenant("ff-ep", "[\"emailpassword\"]");
    for (String v : new String[] {"3.0", "4.0", "5.0"}) {
      assertEquals(NOT_ENABLED, signUpStatus("ff-none", v), v);
      assertEquals("OK", signUpStatus("ff-ep", v), v);
    }
    // 4.0 and before asked for the recipe among the factors, 5.0 for any factor.
    assertEquals(NOT_ENABLED, signUpStatus("ff-tp", "3.0"));
    assertEquals(NOT_ENABLED, signUpStatus("ff-tp", "4.0"));
    assertEquals("OK", signUpStatus("ff-tp", "5.0"));
    for (String v : new String[] {"5.1", "5.4", "5.6"}) {
      assertEquals("OK", signUpStatus("ff-none", v), v);
      assertEquals("OK", signUpStatus("ff-tp", v), v);
    }

    String email = TestUsers.email("gated");
    String credentials = json("email", email, "password", "password-123");
    assertEquals(200, http.post("/ff-none/recipe/signup", credentials, cdi("5.1")).status());
    assertEquals(NOT_ENABLED, answer(http.post("/ff-none/recipe/signin", credentials, cdi("4.0"))));
    assertEquals(
        NOT_ENABLED,
        answer(
            http.post(
                "/ff-none/recipe/user/passwordhash/import",
                json(
                    "email",
                    email,
                    "passwordHash",
                    "$2a$10$EtSxFjsA8jc7wQ2h6Dd2U.JHLxeOfyQTL3yDmbgaQzMQPILXg6RQW"),
                cdi("5.0"))));
    assertEquals(
        NOT_ENABLED,
        answer(
            http.post(
                "/ff-none/recipe/user/password/reset/token",
                json("userId", "any", "email", email),
                cdi("4.0"))));
  }

  @Test
  void lookupsByIdAreAppWideFromAnyTenantBefore5() {
    tenant("lookup-t", "[\"emailpassword\"]");
    String email = TestUsers.email("by-id");
    String id = signUp(email);
    assertEquals(200, http.get("/lookup-t/recipe/user?userId=" + id, cdi("4.0")).status());
    assertEquals(200, http.get("/no-such-t/recipe/user?userId=" + id, cdi("3.0")).status());
    assertEquals(
        "403 Only public tenantId can call this app specific API\n",
        answer(http.get("/lookup-t/recipe/user?userId=" + id, cdi("5.0"))));
    // By email the lookup is the tenant's, which must exist.
    assertEquals(
        "200 {\"status\":\"UNKNOWN_EMAIL_ERROR\"}\n",
        answer(http.get("/lookup-t/recipe/user?email=" + email, cdi("5.0"))));
    assertEquals(
        "400 AppId or tenantId not found => Tenant with the following connectionURIDomain, appId"
            + " and tenantId combination not found: (, public, no-such-t)\n",
        answer(http.get("/no-such-t/recipe/user?email=" + email, cdi("4.0"))));
  }
}
