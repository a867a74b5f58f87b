package io.authcore.recipe.dashboard;

import static io.authcore.recipe.dashboard.DashboardCalls.PASSWORD;
import static io.authcore.recipe.dashboard.DashboardCalls.assertOk;
import static io.authcore.recipe.dashboard.DashboardCalls.assertStatus;
import static io.authcore.recipe.dashboard.DashboardCalls.cdi;
import static io.authcore.recipe.dashboard.DashboardCalls.freshEmail;
import static io.authcore.recipe.dashboard.DashboardCalls.query;
import static io.authcore.recipe.dashboard.DashboardCalls.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's admin accounts over HTTP on both storages: create, list, update and delete, with
 * the original's statuses, bodies and 400 texts (asked of the original 11.4.7), and no limit on the
 * number of admins.
 */
class DashboardAdminsApiTest extends ServerOnEachBackend {
  static final String USER = "/recipe/dashboard/user";
  static final String INVALID_EMAIL = "{\"status\":\"INVALID_EMAIL_ERROR\"}";
  static final String EMAIL_TAKEN = "{\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}";
  static final String UNKNOWN_USER = "{\"status\":\"UNKNOWN_USER_ERROR\"}";
  static final String EITHER = "Either field 'email' or 'userId' must be present";

  DashboardCalls dashboard() {
    return new DashboardCalls(http);
  }

  /** A new app of its own, so that its admin list holds only what a test put there. */
  String freshApp() {
    String appId = "dash" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply =
        http.put("/recipe/multitenancy/app/v2", "{\"appId\":\"" + appId + "\"}", cdi("5.4"));
    assertEquals(200, reply.status(), reply.body());
    return "/appid-" + appId;
  }

  static String weak(String message) {
    return "{\"status\":\"PASSWORD_WEAK_ERROR\",\"message\":\"" + message + "\"}";
  }

  static String createBody(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  @Test
  void aNewAdminHasANormalisedEmailAndIsListedAtEveryVersion() {
    String app = freshApp();
    Reply created = http.post(app + USER, createBody(" Admin@Example.COM ", PASSWORD), cdi("5.4"));
    JsonNode user = created.json().get("user");
    String userId = user.get("userId").textValue();
    assertEquals(UUID.fromString(userId).toString(), userId);
    assertTrue(Math.abs(user.get("timeJoined").longValue() - System.currentTimeMillis()) < 60_000);
    String expected = user("admin@example.com", userId, user.get("timeJoined"));
    assertOk("{\"status\":\"OK\",\"user\":" + expected + "}", created);
    for (String version : List.of("2.7", "2.18", "3.0", "4.0", "5.0", "5.4")) {
      assertOk(
          "{\"status\":\"OK\",\"users\":[" + expected + "]}",
          http.get(app + "/recipe/dashboard/users", cdi(version)));
    }
  }

  @Test
  void anyNumberOfAdminsMayBeCreatedListedAndSignedIn() {
    String app = freshApp();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Reply created =
          http.post(app + USER, createBody("admin" + i + "@example.com", PASSWORD), cdi("5.4"));
      JsonNode user = created.json().get("user");
      assertEquals(200, created.status(), created.body());
      expected.add(
          user(
              user.get("email").textValue(),
              user.get("userId").textValue(),
              user.get("timeJoined")));
    }
    assertOk(
        "{\"status\":\"OK\",\"users\":[" + String.join(",", expected) + "]}",
        http.get(app + "/recipe/dashboard/users", cdi("5.4")));
    for (int i = 0; i < 5; i++) {
      // The original without a licence suspends every admin after the third.
      Reply signIn =
          http.post(
              app + "/recipe/dashboard/signin",
              createBody("admin" + i + "@example.com", PASSWORD),
              cdi("5.4"));
      String sessionId = signIn.json().get("sessionId").textValue();
      assertOk(
          "{\"status\":\"OK\",\"email\":\"admin" + i + "@example.com\"}",
          http.post(
              app + "/recipe/dashboard/session/verify",
              "{\"sessionId\":\"" + sessionId + "\"}",
              cdi("5.4")));
    }
  }

  @Test
  void parallelCreationsOfOneEmailMakeOneAdmin() throws Exception {
    String email = freshEmail("race");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(pool.submit(() -> dashboard().create(createBody(email, PASSWORD))));
      }
      int created = 0;
      for (Future<Reply> reply : replies) {
        String status = reply.get().json().get("status").textValue();
        if (status.equals("OK")) {
          created++;
        } else {
          assertEquals("EMAIL_ALREADY_EXISTS_ERROR", status);
        }
      }
      assertEquals(1, created);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emailsAreCheckedWithTheOriginalsPattern() {
    assertOk(INVALID_EMAIL, dashboard().create(createBody("bad", PASSWORD)));
    assertOk(INVALID_EMAIL, dashboard().create(createBody("x@1.2.3.4", PASSWORD)));
    assertOk(INVALID_EMAIL, dashboard().create(createBody("x@[1.2.3.4]", PASSWORD)));
    // The email is checked before the password is even read.
    assertOk(INVALID_EMAIL, dashboard().create("{\"email\":\"bad\",\"password\":5}"));
    String local = "x-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
    dashboard().createAdmin(local);
    String spaced = "a b-" + UUID.randomUUID().toString().substring(0, 8) + "@c.de";
    dashboard().createAdmin(spaced);
  }

  @Test
  void weakPasswordsAreRefusedWithTheOriginalsMessages() {
    String email = freshEmail("weak");
    assertOk(
        weak("Password must contain at least 8 characters, including a number"),
        dashboard().create(createBody(email, "short1")));
    assertOk(
        weak("Password must contain at least one number"),
        dashboard().create(createBody(email, "longlonglong")));
    assertOk(
        weak("Password must contain at least one alphabet"),
        dashboard().create(createBody(email, "12345678")));
    assertOk(
        weak("Password's length must be lesser than 100 characters"),
        dashboard().create(createBody(email, "a" + "1".repeat(99))));
    // The line break ends what the original's pattern looks at, letters after it do not count.
    assertOk(
        weak("Password must contain at least one alphabet"),
        dashboard().create(createBody(email, "12345678\\nabc")));
    // Trimmed before it is measured.
    assertOk(
        weak("Password must contain at least 8 characters, including a number"),
        dashboard().create(createBody(email, "   abc1   ")));
    dashboard().createAdmin(email);
    assertOk(EMAIL_TAKEN, dashboard().create(createBody(email.toUpperCase(), PASSWORD)));
    // The password is checked before the email's uniqueness.
    assertOk(
        weak("Password must contain at least 8 characters, including a number"),
        dashboard().create(createBody(email, "weak")));
  }

  @Test
  void badCreateInputGetsTheOriginals400s() {
    String invalidEmail = "Field name 'email' is invalid in JSON input";
    assertStatus(400, invalidEmail, dashboard().create("{\"password\":\"x\"}"));
    assertStatus(400, invalidEmail, dashboard().create("{\"email\":5,\"password\":\"x\"}"));
    assertStatus(400, invalidEmail, dashboard().create("{\"email\":null,\"password\":\"x\"}"));
    assertStatus(
        400,
        "Field name 'email' cannot be an empty String",
        dashboard().create("{\"email\":\"  \",\"password\":\"x\"}"));
    assertStatus(
        400,
        "Field name 'password' is invalid in JSON input",
        dashboard().create("{\"email\":\"ok@example.com\"}"));
    assertStatus(
        400,
        "Field name 'password' cannot be an empty String",
        dashboard().create("{\"email\":\"ok@example.com\",\"password\":\" \"}"));
    assertStatus(400, "Invalid Json Input", dashboard().create("nope"));
    assertStatus(400, "Invalid Json Input", dashboard().create(""));
    // Gson reads a one-element array as its element.
    String email = freshEmail("array");
    Reply created =
        dashboard().create("{\"email\":[\"" + email + "\"],\"password\":[\"" + PASSWORD + "\"]}");
    assertEquals(email, created.json().get("user").get("email").textValue(), created.body());
    assertStatus(
        400,
        "Field name 'email' cannot be longer than 256 characters",
        dashboard().create(createBody("a".repeat(245) + "@example.com", PASSWORD)));
  }

  @Test
  void anUpdateChangesTheCredentialsAndSignsTheAdminOut() {
    String email = freshEmail("update");
    String userId = dashboard().createAdmin(email);
    String sessionId = dashboard().sessionOf(email, PASSWORD);
    String newEmail = freshEmail("updated");
    Reply updated =
        dashboard()
            .update(
                "{\"userId\":\""
                    + userId
                    + "\",\"newEmail\":\" "
                    + newEmail.toUpperCase()
                    + "\",\"newPassword\":\"password456\"}");
    JsonNode timeJoined = updated.json().get("user").get("timeJoined");
    assertOk("{\"status\":\"OK\",\"user\":" + user(newEmail, userId, timeJoined) + "}", updated);
    assertOk("{\"status\":\"INVALID_SESSION_ERROR\"}", dashboard().verify(sessionId, "5.4"));
    assertOk(
        "{\"status\":\"INVALID_CREDENTIALS_ERROR\"}",
        dashboard().signIn(createBody(newEmail, PASSWORD)));
    dashboard().sessionOf(newEmail, "password456");
    // By email; with nothing to change it still signs the admin out, as the original does.
    assertOk(
        "{\"status\":\"OK\",\"user\":" + user(newEmail, userId, timeJoined) + "}",
        dashboard().update("{\"email\":\"" + newEmail + "\"}"));
    assertOk("{\"status\":\"OK\",\"sessions\":[]}", dashboard().sessions(userId));
    // The id wins; the email is then not read at all.
    assertOk(
        "{\"status\":\"OK\",\"user\":" + user(newEmail, userId, timeJoined) + "}",
        dashboard().update("{\"userId\":\"" + userId + "\",\"email\":5}"));
  }

  @Test
  void updatesAnswerTheOriginalsStatuses() {
    String email = freshEmail("statuses");
    String userId = dashboard().createAdmin(email);
    String other = freshEmail("other");
    dashboard().createAdmin(other);
    String byId = "{\"userId\":\"" + userId + "\",";
    assertOk(
        EMAIL_TAKEN, dashboard().update(byId + "\"newEmail\":\"" + other.toUpperCase() + "\"}"));
    assertOk(INVALID_EMAIL, dashboard().update(byId + "\"newEmail\":\"bad\"}"));
    assertOk(
        INVALID_EMAIL, dashboard().update(byId + "\"newEmail\":\"bad\",\"newPassword\":\"weak\"}"));
    assertOk(
        weak("Password must contain at least 8 characters, including a number"),
        dashboard().update("{\"newPassword\":\"weak\"}"));
    assertOk(UNKNOWN_USER, dashboard().update("{\"email\":\"nobody@example.com\"}"));
    assertOk(
        UNKNOWN_USER, dashboard().update("{\"userId\":\"nope\",\"newEmail\":\"z@example.com\"}"));
    assertOk(
        UNKNOWN_USER, dashboard().update("{\"userId\":\"nope\",\"newPassword\":\"password456\"}"));
    // The original fails here with a 500 (its answer is a null user).
    assertOk(UNKNOWN_USER, dashboard().update("{\"userId\":\"nope\"}"));
    // Its own email again is no conflict.
    assertEquals(200, dashboard().update(byId + "\"newEmail\":\"" + email + "\"}").status());
  }

  @Test
  void badUpdateInputGetsTheOriginals400s() {
    assertStatus(400, EITHER, dashboard().update("{}"));
    assertStatus(400, EITHER, dashboard().update("{\"newPassword\":\"password456\"}"));
    assertStatus(
        400,
        "Field name 'newEmail' is invalid in JSON input",
        dashboard().update("{\"userId\":\"u\",\"newEmail\":null}"));
    assertStatus(
        400,
        "Field name 'userId' is invalid in JSON input",
        dashboard().update("{\"userId\":5,\"newEmail\":\"q@example.com\"}"));
    assertStatus(
        400,
        "Field name 'userId' cannot be an empty String",
        dashboard().update("{\"userId\":\" \",\"newEmail\":\"q@example.com\"}"));
    assertStatus(
        400,
        "Field name 'email' cannot be an empty String",
        dashboard().update("{\"email\":\" \",\"newEmail\":\"q@example.com\"}"));
    assertStatus(
        400,
        "Field name 'newEmail' cannot be an empty String",
        dashboard().update("{\"newEmail\":\" \"}"));
    assertStatus(
        400,
        "Field name 'newPassword' cannot be an empty String",
        dashboard().update("{\"newPassword\":\"\"}"));
    assertStatus(400, "Invalid Json Input", dashboard().update("[]"));
  }

  @Test
  void deletionByIdOrEmailTakesTheSessionsAlong() {
    String email = freshEmail("delete");
    String userId = dashboard().createAdmin(email);
    String sessionId = dashboard().sessionOf(email, PASSWORD);
    assertOk(
        "{\"status\":\"OK\",\"didUserExist\":true}",
        http.delete(USER + "?email=" + query(" " + email.toUpperCase() + " "), cdi("5.4")));
    assertOk("{\"status\":\"INVALID_SESSION_ERROR\"}", dashboard().verify(sessionId, "5.4"));
    assertOk(
        "{\"status\":\"OK\",\"didUserExist\":false}",
        http.delete(USER + "?email=" + query(email), cdi("5.4")));
    String other = dashboard().createAdmin(freshEmail("delete"));
    assertOk(
        "{\"status\":\"OK\",\"didUserExist\":true}",
        http.delete(USER + "?userId=" + other, cdi("5.4")));
    assertOk(
        "{\"status\":\"OK\",\"didUserExist\":false}",
        http.delete(USER + "?userId=" + userId, cdi("5.4")));
  }

  @Test
  void badDeleteInputGetsTheOriginals400s() {
    assertStatus(400, EITHER, http.delete(USER, cdi("5.4")));
    assertStatus(
        400,
        "Field name 'userId' cannot be an empty String",
        http.delete(USER + "?userId=", cdi("5.4")));
    assertStatus(
        400,
        "Field name 'userId' cannot be an empty String",
        http.delete(USER + "?userId=&email=x@localhost", cdi("5.4")));
    assertStatus(
        400,
        "Field name 'email' cannot be an empty String",
        http.delete(USER + "?email=%20", cdi("5.4")));
  }

  @Test
  void otherMethodsAreNotSupported() {
    assertStatus(405, "Method not supported", http.get(USER, cdi("5.4")));
    assertStatus(
        405, "Method not supported", http.post("/recipe/dashboard/users", "{}", cdi("5.4")));
    assertStatus(
        405, "Method not supported", http.get("/recipe/dashboard/session/verify", cdi("5.4")));
  }

  @Test
  void adminsBelongToTheAppAndAnswerOnItsPublicTenant() {
    String app = freshApp();
    String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        200,
        http.put(
                app + "/recipe/multitenancy/tenant/v2",
                "{\"tenantId\":\"" + tenant + "\"}",
                cdi("5.4"))
            .status());
    String email = freshEmail("app");
    Reply created = http.post(app + USER, createBody(email, PASSWORD), cdi("5.4"));
    String listed = "{\"status\":\"OK\",\"users\":[" + created.json().get("user") + "]}";
    String users = "/recipe/dashboard/users";
    assertOk(listed, http.get(app + users, cdi("5.4")));
    // The same email is free in another app.
    dashboard().createAdmin(email);
    assertStatus(
        403,
        "Only public tenantId can call this app specific API",
        http.get(app + "/" + tenant + users, cdi("5.4")));
    assertOk(listed, http.get(app + "/" + tenant + users, cdi("4.0")));
    // Before 5.0 the tenant is not even looked up.
    assertOk(listed, http.get(app + "/nope" + users, cdi("4.0")));
    assertStatus(404, "Not found", http.get(app + "/" + tenant + users, cdi("2.21")));
    assertStatus(
        400,
        "AppId or tenantId not found => Tenant with the following connectionURIDomain, appId and"
            + " tenantId combination not found: (, zz, public)",
        http.get("/appid-zz" + users, cdi("5.4")));
    // The input is read before the tenant is looked at.
    assertStatus(
        400,
        "Field name 'password' is invalid in JSON input",
        http.post(
            app + "/" + tenant + "/recipe/dashboard/signin",
            "{\"email\":\"" + email + "\"}",
            cdi("5.4")));
    assertStatus(
        403,
        "Only public tenantId can call this app specific API",
        http.post(
            app + "/" + tenant + USER,
            "{}".replace("{}", createBody(email, PASSWORD)),
            cdi("5.4")));
  }
}
