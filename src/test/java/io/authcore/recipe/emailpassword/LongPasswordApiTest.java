package io.authcore.recipe.emailpassword;

import static io.authcore.recipe.users.TestUsers.CDI;
import static io.authcore.recipe.users.TestUsers.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.crypto.password.Vectors;
import io.authcore.recipe.users.TestUsers;
import io.authcore.support.Backend;
import io.authcore.support.Http.Reply;
import io.authcore.support.ServerOnEachBackend;
import io.authcore.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Passwords longer than bcrypt's 72 bytes, in a database shared with the original: its bcrypt
 * hashes verify as it verifies them, and what Authcore stores the original verifies too (the
 * vectors' comments say how each was checked on the original). Checked by hand once more with
 * Authcore and the original (11.4.7) on one PostgreSQL database: the original signed in, and
 * refused with the last character changed, the users Authcore signed up with 71 bytes (stored as
 * $2a$11$), 72, 99 and 100 bytes (stored as $argon2id$v=19$m=87795,t=1,p=2$); Authcore signed in
 * the original's users of 99 and 100 bytes.
 */
class LongPasswordApiTest extends ServerOnEachBackend {
  /** 71 bytes: the longest password bcrypt keeps whole. */
  static final String SEVENTY_ONE_BYTES =
      "short enough for bcrypt, seventy-one bytes long: 0123456789abcdefghijkl";

  @Override
  protected Map<String, String> overrides() {
    return Map.of(
        "bcrypt_log_rounds", "4",
        "argon2_memory_kb", "1024",
        "argon2_iterations", "1",
        "argon2_parallelism", "1");
  }

  String signIn(String email, String password) {
    return http.post("/public/recipe/signin", json("email", email, "password", password), CDI)
        .json()
        .get("status")
        .asText();
  }

  String importBcrypt(String hash) {
    String email = TestUsers.email("imported");
    Reply reply =
        http.post(
            "/public/recipe/user/passwordhash/import",
            json("email", email, "passwordHash", hash, "hashingAlgorithm", "BCRYPT"),
            CDI);
    assertEquals("OK", reply.json().get("status").asText(), reply.body());
    return email;
  }

  @Test
  void theOriginalsBcryptHashesOfLongPasswordsSignInAsOnTheOriginal() {
    String ascii = importBcrypt(Vectors.ORIGINAL_LONG_ASCII);
    assertEquals("OK", signIn(ascii, Vectors.LONG_ASCII_PASSWORD));
    // The original signed in with this too: bcrypt reads no further than byte 72.
    assertEquals("OK", signIn(ascii, Vectors.LONG_ASCII_PASSWORD.substring(0, 72) + "other"));
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn(ascii, Vectors.LONG_MULTIBYTE_PASSWORD));

    String multibyte = importBcrypt(Vectors.ORIGINAL_LONG_MULTIBYTE);
    assertEquals("OK", signIn(multibyte, Vectors.LONG_MULTIBYTE_PASSWORD));
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn(multibyte, Vectors.LONG_ASCII_PASSWORD));
  }

  @Test
  void hashesEarlierAuthcoreVersionsMadeForLongPasswordsStillSignIn() {
    String ascii = importBcrypt(Vectors.LEGACY_LONG_ASCII);
    assertEquals("OK", signIn(ascii, Vectors.LONG_ASCII_PASSWORD));
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        signIn(ascii, Vectors.LONG_ASCII_PASSWORD.substring(0, 72) + "other"));
    String multibyte = importBcrypt(Vectors.LEGACY_LONG_MULTIBYTE);
    assertEquals("OK", signIn(multibyte, Vectors.LONG_MULTIBYTE_PASSWORD));
  }

  @Test
  void longPasswordsGetAnArgon2HashThatTheOriginalVerifies() throws SQLException {
    for (String hash :
        new String[] {Vectors.AUTHCORE_LONG_ASCII, Vectors.AUTHCORE_LONG_MULTIBYTE}) {
      String email = TestUsers.email("made-here");
      http.post(
          "/public/recipe/user/passwordhash/import",
          json("email", email, "passwordHash", hash),
          CDI);
      String password =
          hash.equals(Vectors.AUTHCORE_LONG_ASCII)
              ? Vectors.LONG_ASCII_PASSWORD
              : Vectors.LONG_MULTIBYTE_PASSWORD;
      assertEquals("OK", signIn(email, password));
    }

    for (String password :
        new String[] {
          SEVENTY_ONE_BYTES + "m", Vectors.LONG_ASCII_PASSWORD, Vectors.LONG_MULTIBYTE_PASSWORD
        }) {
      String email = TestUsers.email("long");
      TestUsers.signUp(http, "/public", email, password);
      assertEquals("OK", signIn(email, password));
      // Nothing was cut: a password that shares the first 72 bytes is another password.
      byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
      String samePrefix = new String(utf8, 0, 72, StandardCharsets.UTF_8) + "other";
      assertEquals("WRONG_CREDENTIALS_ERROR", signIn(email, samePrefix));
      assertStoredHashStartsWith(email, "$argon2id$v=19$m=1024,t=1,p=1$");
    }

    String email = TestUsers.email("fits");
    TestUsers.signUp(http, "/public", email, SEVENTY_ONE_BYTES);
    assertEquals("OK", signIn(email, SEVENTY_ONE_BYTES));
    assertEquals("WRONG_CREDENTIALS_ERROR", signIn(email, SEVENTY_ONE_BYTES + "m"));
    assertStoredHashStartsWith(email, "$2a$04$");
  }

  @Test
  void anUnknownEmailWithALongPasswordIsAWrongCredential() {
    assertEquals(
        "WRONG_CREDENTIALS_ERROR",
        signIn(TestUsers.email("nobody"), Vectors.LONG_MULTIBYTE_PASSWORD));
  }

  /** What the original would read; the in-memory H2 database is private to its server. */
  void assertStoredHashStartsWith(String email, String prefix) throws SQLException {
    if (backend != Backend.POSTGRES) {
      return;
    }
    try (Connection c = TestDatabases.dataSource(server.database()).getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT password_hash FROM emailpassword_users WHERE email = ?")) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).startsWith(prefix), rs.getString(1));
      }
    }
  }
}
