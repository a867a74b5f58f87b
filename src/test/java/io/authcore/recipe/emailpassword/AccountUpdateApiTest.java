package io.authcore.recipe.emailpassword;

import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code PUT /recipe/user} for email-password users, on both storages. */
class AccountUpdateApiTest extends ServerOnEachBackend {
  static final String OK = "{\"status\":\"OK\"}\n";

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  Reply put(String body) {
    return http.put("/recipe/user", body, "cdi-version", "5.4", "rid", "emailpassword");
  }

  String signIn(String email, String password) {
    return http.post(
            "/public/recipe/signin", json("email", email, "password", password), TestUsers.CDI)
        .json()
        .get("status")
        .asText();
  }

  @Test
  void changesTheEmailNormalised() {
    String email = TestUsers.email("old");
    String id = TestUsers.signUp(http, email);
    String next = TestUsers.email("new");
    assertEquals(OK, put(json("recipeUserId", id, "email", "  " + next.toUpperCase())).body());
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn(email, "password-123"));
    assertEquals("OK", signIn(next, "password-123"));
    assertEquals(
        next,
        http.get("/user/id?userId=" + id, TestUsers.CDI)
            .json()
            .get("user")
            .get("emails")
            .get(0)
            .asText());
    // The same email again changes nothing and is fine.
    assertEquals(OK, put(json("recipeUserId", id, "email", next)).body());
  }

  @Test
  void anEmailOfAnotherUserOfTheTenantIsRefused() {
    String taken = TestUsers.email("taken");
    TestUsers.signUp(http, taken);
    String id = TestUsers.signUp(http, TestUsers.email("mine"));
    assertEquals(
        "{\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}\n",
        put(json("recipeUserId", id, "email", taken)).body());
  }

  @Test
  void changesThePasswordAndAcceptsAnEmptyOne() {
    String email = TestUsers.email("pw");
    String id = TestUsers.signUp(http, email);
    assertEquals(OK, put(json("recipeUserId", id, "password", "")).body());
    assertEquals("OK", signIn(email, ""));
    assertEquals(
        "Password cannot be longer than 4096 bytes\n",
        put(json("recipeUserId", id, "password", "é".repeat(2049))).body());
    assertEquals("OK", signIn(email, ""));
  }

  @Test
  void unknownUsersAndBadInput() {
    String unknown = "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}\n";
    assertEquals(
        unknown, put(json("recipeUserId", UUID.randomUUID().toString(), "email", "a@b.c")).body());
    assertEquals(
        "You have to provide either email or password.\n", put(json("recipeUserId", "x")).body());
    assertEquals(
        "Field name 'recipeUserId' is invalid in JSON input\n",
        put(json("userId", "x", "email", "a@b.c")).body());
    assertEquals(
        "Field name 'email' is invalid in JSON input\n",
        put("{\"recipeUserId\":\"x\",\"email\":null}").body());
    // A rid of another recipe that has no route of its own, or none at all, reaches this one.
    assertEquals(
        unknown,
        http.put(
                "/recipe/user",
                json("recipeUserId", UUID.randomUUID().toString(), "password", "x"),
                TestUsers.CDI)
            .body());
    assertEquals(
        "Only public tenantId can call this app specific API\n",
        http.put("/other/recipe/user", json("recipeUserId", "x", "password", "y"), TestUsers.CDI)
            .body());
  }

  @Test
  void aMappedUserIsUpdatedByItsExternalId() {
    String email = TestUsers.email("mapped");
    String id = TestUsers.signUp(http, email);
    String external = "ext-" + UUID.randomUUID();
    http.post(
        "/recipe/userid/map",
        json("superTokensUserId", id, "externalUserId", external),
        TestUsers.CDI);
    assertEquals(OK, put(json("recipeUserId", external, "password", "by-external")).body());
    assertEquals("OK", signIn(email, "by-external"));
  }
}
