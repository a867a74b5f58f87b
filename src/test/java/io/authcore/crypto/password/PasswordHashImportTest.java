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
  void firebaseHashesNeedTheSignerKeyFirst() {
    // As in the original: a 500, even before the hash itself is looked at when declared.
    assertThrows(
        MissingSignerKeyException.class,
        () -> recognised(NO_KEY, Vectors.FIREBASE_README_HASH, null));
    assertThrows(
        MissingSignerKeyException.class,
        () -> recognised(NO_KEY, Vectors.FIREBASE_README_HASH, "firebase_scrypt"));
    assertThrows(
        MissingSignerKeyException.class,
        () -> recognised(NO_KEY, "invalidHash", "firebase_scrypt"));
  }

  @Test
  void hashesThatCouldNeverVerifyOrWouldCostTooMuchAreRefused() {
    String bcryptBody = Vectors.ORIGINAL_BCRYPT_1.substring(7);
    String argon2Tail = "$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    for (String bad :
        new String[] {
          "$2a$31$" + bcryptBody, "$2a$17$" + bcryptBody, "$2a$10$tooShort", "$2a",
        }) {
      assertEquals("Password hash is in invalid BCrypt format", importError(NO_KEY, bad, "bcrypt"));
      assertEquals("Password hash is in invalid format", importError(NO_KEY, bad, null));
    }
    for (String bad :
        new String[] {
          "$argon2id$v=19$m=4194304,t=1,p=1" + argon2Tail,
          "$argon2id$v=19$m=256,t=1000000,p=1" + argon2Tail,
          "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ",
          "$argon2id$v=19$m=256,t=2,p=1$c29t$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
          "$argon2id",
        }) {
      assertEquals("Password hash is in invalid Argon2 format", importError(NO_KEY, bad, "argon2"));
      assertEquals("Password hash is in invalid format", importError(NO_KEY, bad, null));
    }
    String firebaseTooCostly = Vectors.FIREBASE_README_HASH.replace("$m=14$", "$m=28$");
    assertEquals(
        "Password hash is in invalid Firebase SCrypt format",
        importError(WITH_KEY, firebaseTooCostly, "firebase_scrypt"));
    assertEquals(
        "Password hash is in invalid format", importError(WITH_KEY, firebaseTooCostly, null));
  }
}
