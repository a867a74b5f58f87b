package io.authcore.recipe.emailpassword;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Backend;
import io.authcore.support.Http;
import io.authcore.support.Http.Reply;
import io.authcore.support.TestDatabases;
import io.authcore.support.TestServer;
import io.authcore.support.Warnings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST /recipe/user/passwordhash/import} over HTTP, on both storages. */
@ParameterizedClass
@EnumSource(Backend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordHashImportApiTest {
  /** Hashes from the original's own import tests: testPass123 and newTestPass123. */
  static final String BCRYPT = "$2a$10$S6bOFset3wCUcgNGSBgFxOHBIopaiPEK53YFNalvmiPcOodCK2Ehq";

  static final String ARGON2 =
      "$argon2id$v=19$m=16,t=2,p=1$V2hkNUdjQnAxTXZScGRjOQ$UxJn6d+dRB0hOe7FX/Qv+Q";

  /** From the original's PasswordHashingTest: testPass123 under this signer key. */
  static final String FIREBASE_KEY =
      "gRhC3eDeQOdyEn4bMd9c6kxguWVmcIVq/SKa0JDPFeM6TcEevkaW56sIWfx88OHbJKnCXdWscZx0l2WbCJ1wbg==";

  static final String FIREBASE =
      "$f_scrypt$qZM035es5AXYqavsKD6/rhtxg7t5PhcyRgv5blc3doYbChX8keMfQLq1ra96O2Pf2TP/eZrR5xtPCYN6mX3ESA=="
          + "$/cj0jC1br5o4+w==$m=14$r=8$s=Bw==";

  /** testPass123 at cost 15 (jBCrypt), one over the bound: about 3 s to verify. */
  static final String BCRYPT_15 = "$2a$15$ZxsqodovqPUzY4KoWEj4xeASEj2R1RAgXW4//d2ITbE7yGy1izPMe";

  @Parameter Backend backend;

  Map<String, String> database;
  TestServer server;
  Http http;

  @BeforeParameterizedClassInvocation
  void start() {
    database = TestDatabases.fresh(backend);
    server =
        TestServer.onDatabase(
            database,
            Map.of("firebase_password_hashing_signer_key", FIREBASE_KEY),
            Clock.systemUTC());
    http = server.http();
  }

  @AfterParameterizedClassInvocation
  void stop() {
    server.close();
  }

  Reply importHash(Http client, String email, String hash, String algorithm) {
    String body =
        algorithm == null
            ? json("email", email, "passwordHash", hash)
            : json("email", email, "passwordHash", hash, "hashingAlgorithm", algorithm);
    return client.post("/public/recipe/user/passwordhash/import", body, CDI);
  }

  String signIn(Http client, String email, String password) {
    return client
        .post("/public/recipe/signin", json("email", email, "password", password), CDI)
        .json()
        .get("status")
        .asText();
  }

  @Test
  void importsCreateUsersAndLaterImportsReplaceTheHash() {
    String email = TestUsers.email("imported");
    JsonNode created = importHash(http, " " + email.toUpperCase(), " " + BCRYPT + " ", null).json();
    assertEquals("OK", created.get("status").asText());
    assertEquals(false, created.get("didUserAlreadyExist").asBoolean());
    JsonNode user = created.get("user");
    assertEquals(email, user.get("emails").get(0).asText());
    assertEquals("OK", signIn(http, email, "testPass123"));

    JsonNode replaced = importHash(http, email, ARGON2, "argon2").json();
    assertEquals(true, replaced.get("didUserAlreadyExist").asBoolean());
    assertEquals(user, replaced.get("user"));
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn(http, email, "testPass123"));
    assertEquals("OK", signIn(http, email, "newTestPass123"));

    importHash(http, email, FIREBASE, " firebase_scrypt ");
    assertEquals("OK", signIn(http, email, "testPass123"));
  }

  @Test
  void refusedHashesGetTheOriginalsTexts() {
    String email = TestUsers.email("refused");
    String[][] cases = {
      {" ", null, "Password hash cannot be an empty string"},
      {BCRYPT, " ", "Hashing Algorithm cannot be an empty string"},
      {BCRYPT, "md5", "Unsupported password hashing algorithm"},
      {"plain-text", null, "Password hash is in invalid format"},
      {ARGON2, "BCRYPT", "Password hash is in invalid BCrypt format"},
      {BCRYPT, "ARGON2", "Password hash is in invalid Argon2 format"},
      {BCRYPT, "FIREBASE_SCRYPT", "Password hash is in invalid Firebase SCrypt format"},
    };
    for (String[] c : cases) {
      Reply reply = importHash(http, email, c[0], c[1]);
      assertEquals(400, reply.status(), c[2]);
      assertEquals(c[2] + "\n", reply.body());
    }
    assertEquals(
        "Field name 'passwordHash' is invalid in JSON input\n",
        http.post("/public/recipe/user/passwordhash/import", json("email", email), CDI).body());
  }

  String statusOfUser(String email) {
    return http.get("/public/recipe/user?email=" + email, CDI).json().get("status").asText();
  }

  @Test
  void hashesBeyondTheBoundsAreRefusedNamingTheBoundAndChangeNothing() {
    String argon2Tail = "$V2hkNUdjQnAxTXZScGRjOQ$UxJn6d+dRB0hOe7FX/Qv+Q";
    String[][] cases = {
      {BCRYPT_15, "bcrypt", "BCrypt cost cannot be more than 14"},
      {"$2b$16" + BCRYPT.substring(6), "bcrypt", "BCrypt cost cannot be more than 14"},
      {
        "$argon2id$v=19$m=1048576,t=4,p=1" + argon2Tail,
        "argon2",
        "Argon2 memory cannot be more than 262144 KB"
      },
      {
        "$argon2id$v=19$m=262144,t=16,p=16" + argon2Tail,
        "argon2",
        "Argon2 memory times iterations cannot be more than 1048576 KB"
      },
      {
        "$argon2i$v=19$m=65536,t=2,p=32" + argon2Tail,
        "argon2",
        "Argon2 parallelism cannot be more than 16"
      },
      {
        FIREBASE.replace("$m=14$", "$m=18$"),
        "firebase_scrypt",
        "Firebase SCrypt memory (128 * r * 2^m bytes) cannot be more than 67108864 bytes"
      },
    };
    String newEmail = TestUsers.email("costly");
    String existing = TestUsers.email("existing");
    importHash(http, existing, BCRYPT, null);
    for (String[] c : cases) {
      for (String algorithm : new String[] {c[1], null}) {
        for (String email : new String[] {newEmail, existing}) {
          Reply reply = importHash(http, email, c[0], algorithm);
          assertEquals(400, reply.status(), c[0]);
          assertEquals("Password hash is too costly to verify: " + c[2] + "\n", reply.body());
        }
      }
    }
    assertEquals("UNKNOWN_EMAIL_ERROR", statusOfUser(newEmail));
    assertEquals("OK", signIn(http, existing, "testPass123"), "the old hash stays");

    // At the bounds: accepted (and not computed by the import).
    String atBounds = TestUsers.email("at-bounds");
    assertEquals(
        "OK",
        importHash(http, atBounds, "$2a$14" + BCRYPT.substring(6), null)
            .json()
            .get("status")
            .asText());
    assertEquals(
        "OK",
        importHash(http, atBounds, "$argon2id$v=19$m=262144,t=4,p=16" + argon2Tail, "argon2")
            .json()
            .get("status")
            .asText());
  }

  @Test
  void aStoredHashBeyondTheBoundsFailsSignInQuicklyWithAWarning() {
    if (backend != Backend.POSTGRES) {
      return; // only written from outside, as the original or an older Authcore would write it
    }
    String email = TestUsers.email("stored-costly");
    String userId = importHash(http, email, BCRYPT, null).json().get("user").get("id").asText();
    TestDatabases.execute(
        database,
        "UPDATE emailpassword_users SET password_hash = '"
            + BCRYPT_15
            + "' WHERE user_id = '"
            + userId
            + "'");
    // The right password: the original would spend about 3 s and answer OK.
    List<String> warnings =
        Warnings.of(
            EmailPasswordService.class,
            () -> assertEquals("WRONG_CREDENTIALS_ERROR", signIn(http, email, "testPass123")));
    assertEquals(
        List.of(
            "Sign-in of user "
                + userId
                + " in app public refused without checking the password: the stored hash is too"
                + " costly to verify: BCrypt cost cannot be more than 14"),
        warnings);
    assertEquals(
        List.of(),
        Warnings.of(
            EmailPasswordService.class,
            () -> assertEquals("WRONG_CREDENTIALS_ERROR", signIn(http, email, "testPass123"))),
        "warned once per user every ten minutes, not at each attempt");
  }
}
