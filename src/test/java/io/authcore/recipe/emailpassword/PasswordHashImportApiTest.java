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
import java.time.Clock;
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

  static final String NO_SIGNER_KEY =
      "java.lang.IllegalStateException: 'firebase_password_hashing_signer_key' cannot be null\n";

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

  @Test
  void firebaseHashesNeedTheSignerKey() {
    String email = TestUsers.email("firebase");
    assertEquals("OK", importHash(http, email, FIREBASE, null).json().get("status").asText());
    if (backend != Backend.POSTGRES) {
      return; // a second server reaches the same database only on PostgreSQL
    }
    try (TestServer keyless = TestServer.onDatabase(database, Map.of(), Clock.systemUTC())) {
      Reply signIn =
          keyless
              .http()
              .post("/public/recipe/signin", json("email", email, "password", "testPass123"), CDI);
      assertEquals(500, signIn.status());
      assertEquals(NO_SIGNER_KEY, signIn.body());
      Reply imported = importHash(keyless.http(), TestUsers.email("again"), FIREBASE, null);
      assertEquals(500, imported.status());
      assertEquals(NO_SIGNER_KEY, imported.body());
    }
  }
}
