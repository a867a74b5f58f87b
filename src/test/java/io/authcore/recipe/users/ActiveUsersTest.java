package io.authcore.recipe.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.support.ServerOnEachBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-up and sessions mark users active, as the monthly-active-user figures count them. */
class ActiveUsersTest extends ServerOnEachBackend {
  static final String[] CDI = {"cdi-version", "5.4"};

  @Override
  protected Map<String, String> overrides() {
    return Map.of("bcrypt_log_rounds", "4");
  }

  int activeToday() {
    JsonNode flags = http.get("/ee/featureflag", CDI).json();
    return flags.get("usageStats").get("maus").get(0).asInt();
  }

  @Test
  void signUpAndSessionsCountEachUserOnce() {
    int before = activeToday();
    String userId =
        http.post(
                "/public/recipe/signup",
                "{\"email\":\"active@b.c\",\"password\":\"pw-123456\"}",
                CDI)
            .json()
            .get("user")
            .get("id")
            .asText();
    assertEquals(before + 1, activeToday(), "sign-up marks the user");
    String session =
        "{\"userId\":\""
            + userId
            + "\",\"userDataInJWT\":{},\"userDataInDatabase\":{},\"enableAntiCsrf\":false}";
    http.post("/public/recipe/session", session, CDI);
    assertEquals(before + 1, activeToday(), "the same user again: still one");
    http.post(
        "/public/recipe/session",
        "{\"userId\":\"session-only-user\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
            + "\"enableAntiCsrf\":false}",
        CDI);
    assertEquals(before + 2, activeToday(), "a session marks its user");
  }

  @Test
  void aSessionForAnExternalIdMarksTheMappedUserNotANewOne() {
    String superTokensId =
        http.post(
                "/public/recipe/signup",
                "{\"email\":\"mapped@b.c\",\"password\":\"pw-123456\"}",
                CDI)
            .json()
            .get("user")
            .get("id")
            .asText();
    http.post(
        "/recipe/userid/map",
        "{\"superTokensUserId\":\"" + superTokensId + "\",\"externalUserId\":\"ext-active\"}",
        CDI);
    int before = activeToday();
    for (String given : new String[] {"ext-active", superTokensId}) {
      JsonNode created =
          http.post(
                  "/public/recipe/session",
                  "{\"userId\":\""
                      + given
                      + "\",\"userDataInJWT\":{},\"userDataInDatabase\":{},"
                      + "\"enableAntiCsrf\":false}",
                  CDI)
              .json();
      assertEquals("ext-active", created.get("session").get("userId").asText());
    }
    assertEquals(before, activeToday(), "the row is the SuperTokens id's, written at sign-up");
  }
}
