package io.authcore.crypto.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PasswordHashImportTest {
  static final PasswordHasher NO_KEY = new PasswordHasher(Vectors.bcrypt(4, 1));
  static final PasswordHasher WITH_KEY =
      new PasswordHasher(Vectors.withSignerKey(Vectors.FIREBASE_README_KEY));

  @AfterAll
  static void close() {
    NO_KEY.close();
    WITH_KEY.close();
  }

  static String parseError(String hash, String algorithm) {
    return assertThrows(
            InvalidPasswordHashException.class, () -> PasswordHashImport.parse(hash, algorithm))
        .getMessage();
  }

  static String importError(PasswordHasher hasher, String hash, String algorithm) {
    return assertThrows(
            InvalidPasswordHashException.class,
            () -> hasher.checkImport(PasswordHashImport.parse(hash, algorithm)))
        .getMessage();
  }

  static HashingAlgorithm recognised(PasswordHasher hasher, String hash, String algorithm)
      throws InvalidPasswordHashException {
    return hasher.checkImport(PasswordHashImport.parse(hash, algorithm));
  }

  @Test
  void requestFieldsAreCheckedInTheOriginalsOrder() throws Exception {
    assertEquals("Password hash cannot be an empty string", parseError("", null));
    assertEquals("Password hash cannot be an empty string", parseError(" \t\n", "random"));
    assertEquals("Hashing Algorithm cannot be an empty string", parseError("x", ""));
    assertEquals("Hashing Algorithm cannot be an empty string", parseError("x", "  "));
    assertEquals("Unsupported password hashing algorithm", parseError("x", "random"));
    assertEquals("Unsupported password hashing algorithm", parseError("x", "SCRYPT"));

    PasswordHashImport request =
        PasswordHashImport.parse("  " + Vectors.ORIGINAL_BCRYPT_1 + "\n", null);
    assertEquals(Vectors.ORIGINAL_BCRYPT_1, request.passwordHash());
    assertNull(request.algorithm());
    assertEquals(HashingAlgorithm.BCRYPT, PasswordHashImport.parse("x", "BcRyPt").algorithm());
    assertEquals(HashingAlgorithm.ARGON2, PasswordHashImport.parse("x", " ArGoN2 ").algorithm());
    assertEquals(
        HashingAlgorithm.FIREBASE_SCRYPT,
        PasswordHashImport.parse("x", "firebase_scrypt").algorithm());
  }

  @Test
  void theAlgorithmIsInferredFromTheHash() throws Exception {
    assertEquals(HashingAlgorithm.BCRYPT, recognised(NO_KEY, Vectors.ORIGINAL_BCRYPT_1, null));
    assertEquals(HashingAlgorithm.BCRYPT, recognised(NO_KEY, Vectors.HTPASSWD_BCRYPT, null));
    assertEquals(HashingAlgorithm.ARGON2, recognised(NO_KEY, Vectors.ORIGINAL_ARGON2, null));
    assertEquals(HashingAlgorithm.ARGON2, recognised(NO_KEY, Vectors.REF_ARGON2D_V16, null));
    assertEquals(
        HashingAlgorithm.FIREBASE_SCRYPT, recognised(WITH_KEY, Vectors.FIREBASE_README_HASH, null));
    assertEquals(
        "Password hash is in invalid format", importError(NO_KEY, "invalidPasswordHash", null));
  }

  @Test
  void aDeclaredAlgorithmMustMatchTheHash() throws Exception {
    assertEquals(HashingAlgorithm.BCRYPT, recognised(NO_KEY, Vectors.ORIGINAL_BCRYPT_2, "bcrypt"));
    assertEquals(HashingAlgorithm.ARGON2, recognised(NO_KEY, Vectors.ORIGINAL_ARGON2, "argon2"));
    assertEquals(
        HashingAlgorithm.FIREBASE_SCRYPT,
        recognised(WITH_KEY, Vectors.FIREBASE_README_HASH, "firebase_scrypt"));

    assertEquals(
        "Password hash is in invalid BCrypt format", importError(NO_KEY, "invalidHash", "bcrypt"));
    assertEquals(
        "Password hash is in invalid Argon2 format", importError(NO_KEY, "invalidHash", "argon2"));
    assertEquals(
        "Password hash is in invalid Firebase SCrypt format",
        importError(WITH_KEY, "invalidHash", "firebase_scrypt"));
    assertEquals(
        "Password hash is in invalid BCrypt format",
        importError(NO_KEY, Vectors.ORIGINAL_ARGON2, "BCRYPT"));
    assertEquals(
        "Password hash is in invalid Argon2 format",
        importError(NO_KEY, Vectors.ORIGINAL_BCRYPT_1, "ARGON2"));
    assertEquals(
        "Password hash is in invalid Firebase SCrypt format",
        importError(WITH_KEY, Vectors.ORIGINAL_BCRYPT_1, "FIREBASE_SCRYPT"));
  }

  @Test
  void firebaseHashesNeedTheSignerKeyFirst() throws Exception {
    // The original answers 500 to these, before it looks at the hash when the algorithm is given.
    String text =
        "'firebase_password_hashing_signer_key' cannot be null: set it to import Firebase SCrypt"
            + " password hashes";
    assertEquals(text, importError(NO_KEY, Vectors.FIREBASE_README_HASH, null));
    assertEquals(text, importError(NO_KEY, Vectors.FIREBASE_README_HASH, "firebase_scrypt"));
    assertEquals(text, importError(NO_KEY, "invalidHash", "firebase_scrypt"));
    // An app's own key serves where the core has none.
    assertEquals(
        HashingAlgorithm.FIREBASE_SCRYPT,
        NO_KEY.checkImport(
            PasswordHashImport.parse(Vectors.FIREBASE_README_HASH, null),
            Vectors.FIREBASE_README_KEY));
  }

  static final String BCRYPT_BODY = Vectors.ORIGINAL_BCRYPT_1.substring(7);
  static final String ARGON2_TAIL = "$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

  static String argon2(String parameters) {
    return "$argon2id$v=19$" + parameters + ARGON2_TAIL;
  }

  @Test
  void hashesThatCouldNeverVerifyAreRefusedWithTheOriginalsTexts() {
    for (String bad : new String[] {"$2a$03$" + BCRYPT_BODY, "$2a$10$tooShort", "$2a"}) {
      assertEquals("Password hash is in invalid BCrypt format", importError(NO_KEY, bad, "bcrypt"));
      assertEquals("Password hash is in invalid format", importError(NO_KEY, bad, null));
    }
    for (String bad :
        new String[] {
          argon2("m=7,t=1,p=1"),
          argon2("m=9999999999,t=1,p=1"),
          "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ",
          "$argon2id$v=19$m=256,t=2,p=1$c29t$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
          "$argon2id",
        }) {
      assertEquals("Password hash is in invalid Argon2 format", importError(NO_KEY, bad, "argon2"));
      assertEquals("Password hash is in invalid format", importError(NO_KEY, bad, null));
    }
    // scrypt cannot run 2^16 blocks with r = 1.
    String firebaseInvalid =
        Vectors.FIREBASE_README_HASH.replace("$m=14$", "$m=16$").replace("$r=8$", "$r=1$");
    assertEquals(
        "Password hash is in invalid Firebase SCrypt format",
        importError(WITH_KEY, firebaseInvalid, "firebase_scrypt"));
    assertEquals(
        "Password hash is in invalid format", importError(WITH_KEY, firebaseInvalid, null));
  }

  @Test
  void hashesBeyondTheBoundsAreRefusedNamingTheBound() {
    String[][] cases = {
      {"$2a$15$" + BCRYPT_BODY, "bcrypt", "BCrypt cost cannot be more than 14"},
      {"$2y$31$" + BCRYPT_BODY, "bcrypt", "BCrypt cost cannot be more than 14"},
      {argon2("m=262145,t=1,p=1"), "argon2", "Argon2 memory cannot be more than 262144 KB"},
      {argon2("m=1048576,t=4,p=1"), "argon2", "Argon2 memory cannot be more than 262144 KB"},
      {
        argon2("m=262144,t=5,p=1"),
        "argon2",
        "Argon2 memory times iterations cannot be more than 1048576 KB"
      },
      {
        argon2("m=262144,t=16,p=16"),
        "argon2",
        "Argon2 memory times iterations cannot be more than 1048576 KB"
      },
      {
        argon2("m=256,t=1000000,p=1"),
        "argon2",
        "Argon2 memory times iterations cannot be more than 1048576 KB"
      },
      {argon2("m=65536,t=1,p=17"), "argon2", "Argon2 parallelism cannot be more than 16"},
      {
        Vectors.FIREBASE_README_HASH.replace("$m=14$", "$m=17$"),
        "firebase_scrypt",
        "Firebase SCrypt memory (128 * r * 2^m bytes) cannot be more than 67108864 bytes"
      },
    };
    for (String[] c : cases) {
      String expected = "Password hash is too costly to verify: " + c[2];
      assertEquals(expected, importError(WITH_KEY, c[0], c[1]), c[0]);
      assertEquals(expected, importError(WITH_KEY, c[0], null), c[0]);
    }
  }

  @Test
  void hashesAtTheBoundsAreAccepted() throws Exception {
    for (String hash :
        new String[] {
          "$2a$14$" + BCRYPT_BODY,
          argon2("m=262144,t=4,p=16"),
          argon2("m=65536,t=16,p=4"),
          argon2("m=8,t=131072,p=1"),
          Vectors.FIREBASE_README_HASH.replace("$m=14$", "$m=16$"),
        }) {
      recognised(WITH_KEY, hash, null);
    }
  }

  @Test
  void aConfiguredCostAboveABoundRaisesIt() throws Exception {
    try (PasswordHasher costly =
        new PasswordHasher(
            new HashingConfig(
                HashingAlgorithm.BCRYPT, 15, 1, 2, 524288, 32, 1, null, 1, Vectors.MAX_WAIT))) {
      assertEquals(HashingAlgorithm.BCRYPT, recognised(costly, "$2a$15$" + BCRYPT_BODY, null));
      assertEquals(HashingAlgorithm.ARGON2, recognised(costly, argon2("m=524288,t=2,p=32"), null));
      assertEquals(
          "Password hash is too costly to verify: BCrypt cost cannot be more than 15",
          importError(costly, "$2a$16$" + BCRYPT_BODY, null));
      assertEquals(
          "Password hash is too costly to verify: Argon2 memory times iterations cannot be more"
              + " than 1048576 KB",
          importError(costly, argon2("m=524288,t=3,p=1"), null));
    }
  }
}
