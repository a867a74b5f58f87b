package io.authcore.recipe.emailpassword;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.Warnings;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Firebase scrypt hashes and {@code firebase_password_hashing_signer_key}, which an app may set in
 * its own coreConfig: the server here has none of its own. The original answers 500 to an import or
 * a sign-in without a key ({@code java.lang.IllegalStateException:
 * 'firebase_password_hashing_signer_key' cannot be null}).
 */
class FirebaseSignerKeyApiTest extends ServerOnEachBackend {
  static final String NO_KEY =
      "'firebase_password_hashing_signer_key' cannot be null: set it to import Firebase SCrypt"
          + " password hashes\n";

  Reply importHash(String appPath, String email, String algorithm) {
    String body =
        algorithm == null
            ? json("email", email, "passwordHash", PasswordHashImportApiTest.FIREBASE)
            : json(
                "email",
                email,
                "passwordHash",
                PasswordHashImportApiTest.FIREBASE,
                "hashingAlgorithm",
                algorithm);
    return http.post(appPath + "/public/recipe/user/passwordhash/import", body, CDI);
  }

  String signIn(String appPath, String email, String password) {
    return http.post(
            appPath + "/public/recipe/signin", json("email", email, "password", password), CDI)
        .json()
        .get("status")
        .asText();
  }

  void setAppKey(String appId, String key) {
    String value = key == null ? "null" : "\"" + key + "\"";
    Reply reply =
        http.put(
            "/recipe/multitenancy/app/v2",
            "{\"appId\":\""
                + appId
                + "\",\"coreConfig\":{\"firebase_password_hashing_signer_key\":"
                + value
                + "}}",
            CDI);
    assertEquals("OK", reply.json().get("status").asText(), reply.body());
  }

  @Test
  void importWithoutAKeyIsABadRequestNamingTheSettingAndChangesNothing() {
    String email = TestUsers.email("firebase");
    for (String algorithm : new String[] {"firebase_scrypt", null}) {
      Reply reply = importHash("", email, algorithm);
      assertEquals(400, reply.status(), reply.body());
      assertEquals(NO_KEY, reply.body());
    }
    assertEquals(
        "UNKNOWN_EMAIL_ERROR",
        http.get("/public/recipe/user?email=" + email, CDI).json().get("status").asText());
  }

  @Test
  void anAppsOwnKeyVerifiesAndWithoutItSignInFailsWithAWarning() {
    String appId = "fb" + UUID.randomUUID().toString().substring(0, 8);
    String appPath = "/appid-" + appId;
    setAppKey(appId, PasswordHashImportApiTest.FIREBASE_KEY);
    String email = TestUsers.email("firebase");
    assertEquals("OK", importHash(appPath, email, null).json().get("status").asText());
    assertEquals("OK", signIn(appPath, email, "testPass123"));
    String userId =
        http.get(appPath + "/public/recipe/user?email=" + email, CDI)
            .json()
            .get("user")
            .get("id")
            .asText();

    setAppKey(appId, null);
    List<String> warnings =
        Warnings.of(
            EmailPasswordService.class,
            () -> assertEquals("WRONG_CREDENTIALS_ERROR", signIn(appPath, email, "testPass123")));
    assertEquals(1, warnings.size(), warnings.toString());
    String warning = warnings.get(0);
    assertEquals(
        "Sign-in of user "
            + userId
            + " in app "
            + appId
            + " refused without checking the password: the stored hash is in Firebase SCrypt format"
            + " and 'firebase_password_hashing_signer_key' is not set",
        warning);
    assertFalse(warning.contains("testPass123"));
    assertEquals(400, importHash(appPath, TestUsers.email("again"), null).status());
  }
}
