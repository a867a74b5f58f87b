package io.authcore.crypto.password;

import static io.authcore.crypto.password.Vectors.UNICODE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.config.ConfigLoader;
import io.authcore.config.CoreConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mindrot.jbcrypt.BCrypt;

class PasswordHasherTest {
  static final PasswordHasher BCRYPT = new PasswordHasher(Vectors.bcrypt(4, 2));
  static final PasswordHasher ARGON2 = new PasswordHasher(Vectors.argon2(1, 256, 1, 1));

  @AfterAll
  static void close() {
    BCRYPT.close();
    ARGON2.close();
  }

  @Test
  void bcryptRoundTrip() {
    String hash = BCRYPT.hash("testPass123");
    assertTrue(hash.startsWith("$2a$04$"), hash);
    assertEquals(60, hash.length());
    assertTrue(BCRYPT.verify("testPass123", hash));
    assertFalse(BCRYPT.verify("testPass124", hash));
    assertFalse(BCRYPT.verify("", hash));
    assertNotEquals(hash, BCRYPT.hash("testPass123"), "each hash has its own salt");
  }

  @Test
  void argon2RoundTripInTheOriginalsForm() {
    String hash = ARGON2.hash("testPass123");
    // 16-byte salt (22 chars), 32-byte output (43 chars), unpadded.
    assertTrue(
        hash.matches("\\$argon2id\\$v=19\\$m=256,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
        hash);
    assertTrue(ARGON2.verify("testPass123", hash));
    assertFalse(ARGON2.verify("testPass12", hash));
    assertNotEquals(hash, ARGON2.hash("testPass123"));
  }

  @Test
  void eachAlgorithmVerifiesTheOthersHashes() {
    String bcryptHash = BCRYPT.hash("hunter22");
    String argon2Hash = ARGON2.hash("hunter22");
    assertTrue(ARGON2.verify("hunter22", bcryptHash));
    assertTrue(BCRYPT.verify("hunter22", argon2Hash));
    assertFalse(ARGON2.verify("hunter23", bcryptHash));
    assertFalse(BCRYPT.verify("hunter23", argon2Hash));
  }

  static Stream<Arguments> knownHashes() {
    return Stream.of(
        Arguments.of("testPass123", Vectors.ORIGINAL_BCRYPT_1),
        Arguments.of("newTestPass123", Vectors.ORIGINAL_BCRYPT_2),
        Arguments.of("newTestPass123", Vectors.ORIGINAL_ARGON2),
        Arguments.of("correct horse battery staple", Vectors.PYCA_BCRYPT),
        Arguments.of(UNICODE_PASSWORD, Vectors.PYCA_BCRYPT_UNICODE),
        Arguments.of("Tr0ub4dor&3", Vectors.HTPASSWD_BCRYPT),
        Arguments.of("password", Vectors.REF_ARGON2I),
        Arguments.of("password", Vectors.REF_ARGON2D),
        Arguments.of("password", Vectors.REF_ARGON2ID),
        Arguments.of("password", Vectors.REF_ARGON2D_V16),
        Arguments.of(UNICODE_PASSWORD, Vectors.REF_ARGON2ID_UNICODE));
  }

  @ParameterizedTest
  @MethodSource("knownHashes")
  void knownHashesVerifyWhateverIsConfigured(String password, String hash) {
    assertTrue(BCRYPT.verify(password, hash));
    assertTrue(ARGON2.verify(password, hash));
    assertFalse(BCRYPT.verify(password + " ", hash));
    assertFalse(ARGON2.verify(password.substring(1), hash));
  }

  @Test
  void bcryptRevisionsAreInterchangeableAsInTheOriginal() {
    String body = Vectors.ORIGINAL_BCRYPT_1.substring(3);
    for (String revision : List.of("$2a", "$2b", "$2x", "$2y")) {
      assertTrue(BCRYPT.verify("testPass123", revision + body), revision);
    }
    assertFalse(BCRYPT.verify("testPass123", "$2c" + body));
    assertFalse(BCRYPT.verify("testPass123", "$2$" + body.substring(1)));
  }

  /** 71 ASCII bytes and one two-byte character: exactly bcrypt's 72. */
  static final String SEVENTY_TWO_BYTES = "a".repeat(70) + "\u00e9";

  /** The most bcrypt keeps whole: jBCrypt appends a NUL, and reads 72 bytes. */
  static final String SEVENTY_ONE_BYTES = "a".repeat(69) + "\u00e9";

  @Test
  void passwordsBcryptKeepsWholeHashAsTheOriginalHashesThem() {
    assertEquals(71, SEVENTY_ONE_BYTES.getBytes(StandardCharsets.UTF_8).length);
    // What the original stores: jBCrypt on the password as it is.
    String originals = BCrypt.hashpw(SEVENTY_ONE_BYTES, BCrypt.gensalt(4));
    assertTrue(BCRYPT.verify(SEVENTY_ONE_BYTES, originals));
    assertFalse(BCRYPT.verify(SEVENTY_ONE_BYTES + "x", originals));
    // And ours verifies with jBCrypt directly, so the original can read it.
    String ours = BCRYPT.hash(SEVENTY_ONE_BYTES);
    assertTrue(ours.startsWith("$2a$04$"), ours);
    assertTrue(BCrypt.checkpw(SEVENTY_ONE_BYTES, ours));
  }

  @Test
  void theOriginalsHashesOfLongPasswordsVerifyAsOnTheOriginal() {
    assertEquals(100, Vectors.LONG_ASCII_PASSWORD.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(99, Vectors.LONG_MULTIBYTE_PASSWORD.getBytes(StandardCharsets.UTF_8).length);
    try (PasswordHasher hasher = new PasswordHasher(Vectors.bcrypt(11, 1))) {
      assertTrue(hasher.verify(Vectors.LONG_ASCII_PASSWORD, Vectors.ORIGINAL_LONG_ASCII));
      assertTrue(hasher.verify(Vectors.LONG_MULTIBYTE_PASSWORD, Vectors.ORIGINAL_LONG_MULTIBYTE));
      assertFalse(hasher.verify(Vectors.LONG_ASCII_PASSWORD, Vectors.ORIGINAL_LONG_MULTIBYTE));
      // Beyond byte 72 nothing counts, on the original as here.
      String samePrefix = Vectors.LONG_ASCII_PASSWORD.substring(0, 72) + "DIFFERENT TAIL";
      assertTrue(hasher.verify(samePrefix, Vectors.ORIGINAL_LONG_ASCII));
      assertFalse(
          hasher.verify(Vectors.LONG_ASCII_PASSWORD.substring(0, 71), Vectors.ORIGINAL_LONG_ASCII));
    }
  }

  @Test
  void hashesEarlierVersionsMadeForLongPasswordsStillVerify() {
    assertTrue(BCRYPT.verify(Vectors.LONG_ASCII_PASSWORD, Vectors.LEGACY_LONG_ASCII));
    assertTrue(BCRYPT.verify(Vectors.LONG_MULTIBYTE_PASSWORD, Vectors.LEGACY_LONG_MULTIBYTE));
    assertFalse(BCRYPT.verify(Vectors.LONG_ASCII_PASSWORD + "x", Vectors.LEGACY_LONG_ASCII));
    assertFalse(BCRYPT.verify(Vectors.LONG_MULTIBYTE_PASSWORD, Vectors.LEGACY_LONG_ASCII));
    // 64 ASCII characters: nothing cut, no NUL inside.
    String key = BcryptHashes.legacyKeyFor(Vectors.LONG_ASCII_PASSWORD);
    assertTrue(key.matches("[A-Za-z0-9+/]{64}"), key);
    assertTrue(BCrypt.checkpw(key, Vectors.LEGACY_LONG_ASCII));
  }

  @Test
  void passwordsBcryptWouldCutGetAnArgon2HashTheOriginalVerifies() {
    for (String password :
        List.of(SEVENTY_TWO_BYTES, Vectors.LONG_ASCII_PASSWORD, Vectors.LONG_MULTIBYTE_PASSWORD)) {
      String hash = BCRYPT.hash(password);
      assertTrue(hash.startsWith("$argon2id$v=19$m=256,t=1,p=1$"), hash);
      assertTrue(BCRYPT.verify(password, hash));
      assertFalse(BCRYPT.verify(password + "x", hash), "nothing is cut");
      assertFalse(BCRYPT.verify(password.substring(0, password.length() - 1), hash));
    }
    // The vectors made this way were signed in with on the original.
    assertTrue(BCRYPT.verify(Vectors.LONG_ASCII_PASSWORD, Vectors.AUTHCORE_LONG_ASCII));
    assertTrue(BCRYPT.verify(Vectors.LONG_MULTIBYTE_PASSWORD, Vectors.AUTHCORE_LONG_MULTIBYTE));
    assertFalse(BCRYPT.verify(Vectors.LONG_ASCII_PASSWORD, Vectors.AUTHCORE_LONG_MULTIBYTE));
  }

  @Test
  void passwordsOverTheCapAreRefusedBeforeHashing() {
    String atCap = "p".repeat(PasswordHasher.MAX_PASSWORD_BYTES);
    assertTrue(BCRYPT.verify(atCap, BCRYPT.hash(atCap)));
    assertTrue(ARGON2.verify(atCap, ARGON2.hash(atCap)));

    PasswordTooLongException e =
        assertThrows(PasswordTooLongException.class, () -> BCRYPT.hash(atCap + "p"));
    assertEquals("Password cannot be longer than 4096 bytes", e.getMessage());
    assertThrows(PasswordTooLongException.class, () -> ARGON2.hash(atCap + "p"));

    // Counted in UTF-8 bytes: 1366 three-byte characters are 4098 bytes.
    String euros = "\u20ac".repeat(1366);
    assertThrows(PasswordTooLongException.class, () -> BCRYPT.hash(euros));
    assertThrows(PasswordTooLongException.class, () -> BCRYPT.hash("\u20ac".repeat(1365) + "pp"));
    BCRYPT.hash("\u20ac".repeat(1365) + "p");
  }

  @Test
  void aMegabytePasswordCostsNothing() {
    String huge = "x".repeat(1 << 20);
    // An argon2 hash with a huge password exists only if someone else made it; never computed.
    String argon2Hash = ARGON2.hash("x");
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertThrows(PasswordTooLongException.class, () -> ARGON2.hash(huge));
          assertFalse(ARGON2.verify(huge, argon2Hash));
          assertFalse(BCRYPT.verifyAgainstDummy(huge));
        });
  }

  @Test
  void theDummyRefusesEveryPassword() {
    for (String password :
        List.of("", "password", "testPass123", Vectors.LONG_ASCII_PASSWORD, UNICODE_PASSWORD)) {
      assertFalse(BCRYPT.verifyAgainstDummy(password));
      assertFalse(ARGON2.verifyAgainstDummy(password));
    }
    assertFalse(BCRYPT.verifyAgainstDummy(null));
  }

  @Test
  void theDummyIsAFullCostHashOfTheConfiguredAlgorithm() {
    String bcryptDummy = BCRYPT.unmatchableHash();
    assertTrue(bcryptDummy.startsWith("$2a$04$"), bcryptDummy);
    assertTrue(new BcryptHashes(4).isAcceptable(bcryptDummy));
    String argon2Dummy = ARGON2.unmatchableHash();
    assertTrue(argon2Dummy.startsWith("$argon2id$v=19$m=256,t=1,p=1$"), argon2Dummy);
    assertTrue(new Argon2Hashes(1, 256, 1).isAcceptable(argon2Dummy));
  }

  @Test
  void theDummyTakesAboutAsLongAsARealVerification() {
    try (PasswordHasher hasher = new PasswordHasher(Vectors.bcrypt(8, 1))) {
      String stored = hasher.hash("the real one");
      long[] real = new long[9];
      long[] dummy = new long[9];
      hasher.verify("warm up", stored);
      hasher.verifyAgainstDummy("warm up");
      for (int i = 0; i < real.length; i++) {
        long t0 = System.nanoTime();
        hasher.verify("a wrong one", stored);
        long t1 = System.nanoTime();
        hasher.verifyAgainstDummy("a wrong one");
        long t2 = System.nanoTime();
        real[i] = t1 - t0;
        dummy[i] = t2 - t1;
      }
      double ratio = (double) median(dummy) / median(real);
      // Generous: the machine is shared, and both run the very same code at the same cost.
      assertTrue(ratio > 0.5 && ratio < 2.0, "dummy/real = " + ratio);
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @Test
  void passwordsAreComparedExactlyAsGiven() {
    String bcryptHash = BCRYPT.hash("abc");
    assertFalse(BCRYPT.verify("abc\u0000", bcryptHash));
    assertFalse(BCRYPT.verify("abc\u0000def", bcryptHash));
    assertFalse(BCRYPT.verify("ABC", bcryptHash));
    // NFC and NFD forms of "é" are different passwords; nothing is normalised.
    String nfc = BCRYPT.hash("caf\u00e9");
    assertTrue(BCRYPT.verify("caf\u00e9", nfc));
    assertFalse(BCRYPT.verify("cafe\u0301", nfc));
    assertFalse(ARGON2.verify("cafe\u0301", ARGON2.hash("caf\u00e9")));
  }

  @Test
  void malformedOrUnknownStoredHashesNeverMatch() {
    for (String stored :
        List.of(
            "",
            "testPass123",
            "$2a$04$tooShort",
            Vectors.ORIGINAL_BCRYPT_1 + "x",
            "$2a$10$S6bOFset3wCUcgNGSBgFxOHBIopaiPEK53YFNalvmiPcOodCK2Eh!",
            "$argon2id$v=19$m=banana,t=2,p=1$c29tZXNhbHQ$AAAA",
            "$argon2id$v=19$m=65536,t=2,p=1$$",
            "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8=",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
            "$argon2id$v=18$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E")) {
      assertFalse(BCRYPT.verify("password", stored), stored);
      assertFalse(BCRYPT.verify("testPass123", stored), stored);
    }
    assertFalse(BCRYPT.verify("password", null));
  }

  @Test
  void storedHashesTooCostlyToComputeAreRefusedUnseen() {
    String body = Vectors.ORIGINAL_BCRYPT_1.substring(7);
    String tail = "$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    String[][] cases = {
      // Cost 15 takes about 3 s on the development machine, cost 31 days.
      {"$2a$15$" + body, "BCrypt cost cannot be more than 14"},
      {"$2a$31$" + body, "BCrypt cost cannot be more than 14"},
      // 4 GiB of memory; 1 GiB over 4 passes; a million passes; 1000 lanes.
      {"$argon2id$v=19$m=4194304,t=1,p=1" + tail, "Argon2 memory cannot be more than 262144 KB"},
      {"$argon2id$v=19$m=1048576,t=4,p=1" + tail, "Argon2 memory cannot be more than 262144 KB"},
      {
        "$argon2id$v=19$m=256,t=1000000,p=1" + tail,
        "Argon2 memory times iterations cannot be more than 1048576 KB"
      },
      {"$argon2id$v=19$m=65536,t=1,p=1000" + tail, "Argon2 parallelism cannot be more than 16"},
    };
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (String[] c : cases) {
            UnverifiableHashException e =
                assertThrows(
                    UnverifiableHashException.class, () -> BCRYPT.verify("testPass123", c[0]));
            assertEquals("the stored hash is too costly to verify: " + c[1], e.getMessage());
          }
          // Malformed is another matter: such a hash never matches.
          assertFalse(BCRYPT.verify("testPass123", "$2a$03$" + body));
        });
  }

  @Test
  void theBoundsAdmitCommonDeploymentsCosts() {
    BcryptHashes bcrypt = new BcryptHashes(11);
    String body = Vectors.ORIGINAL_BCRYPT_1.substring(7);
    for (int cost = 4; cost <= 14; cost++) {
      assertTrue(bcrypt.isAcceptable(String.format("$2y$%02d$", cost) + body), "cost " + cost);
    }
    Argon2Hashes argon2 = new Argon2Hashes(1, 87795, 2);
    String tail = "$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    // libsodium moderate and interactive, RFC 9106's second choice, PHP, argon2-cffi old and new,
    // OWASP, Spring, Keycloak, the original's default; then the corners of the bounds.
    for (String parameters :
        List.of(
            "m=262144,t=3,p=1",
            "m=65536,t=2,p=1",
            "m=65536,t=3,p=4",
            "m=65536,t=4,p=1",
            "m=102400,t=2,p=8",
            "m=19456,t=2,p=1",
            "m=16384,t=2,p=1",
            "m=7168,t=5,p=1",
            "m=87795,t=1,p=2",
            "m=262144,t=4,p=16",
            "m=65536,t=16,p=1")) {
      assertTrue(argon2.isAcceptable("$argon2id$v=19$" + parameters + tail), parameters);
    }
  }

  @Test
  void aConfiguredCostAboveTheForeignLimitStillVerifies() {
    assertTrue(
        new BcryptHashes(17).isAcceptable("$2a$17$" + Vectors.ORIGINAL_BCRYPT_1.substring(7)));
    assertFalse(
        new BcryptHashes(11).isAcceptable("$2a$17$" + Vectors.ORIGINAL_BCRYPT_1.substring(7)));
    String halfGib = Vectors.REF_ARGON2ID.replace("m=256,t=2", "m=524288,t=2");
    assertTrue(new Argon2Hashes(2, 524288, 1).isAcceptable(halfGib));
    assertFalse(new Argon2Hashes(1, 87795, 2).isAcceptable(halfGib));
  }

  @Test
  void bcryptCostOutsideJbcryptsRangeIsClamped() {
    assertEquals(4, new BcryptHashes(1).cost());
    assertEquals(30, new BcryptHashes(31).cost());
    try (PasswordHasher hasher = new PasswordHasher(Vectors.bcrypt(1, 1))) {
      assertTrue(hasher.hash("x").startsWith("$2a$04$"));
    }
  }

  @Test
  void builtFromTheCoreConfig() {
    CoreConfig defaults = CoreConfig.defaults();
    HashingConfig fromDefaults = HashingConfig.from(defaults);
    assertEquals(HashingAlgorithm.BCRYPT, fromDefaults.algorithm());
    assertEquals(11, fromDefaults.bcryptLogRounds());
    assertEquals(Runtime.getRuntime().availableProcessors(), fromDefaults.bcryptThreads());
    assertEquals(1, fromDefaults.argon2Iterations());
    assertEquals(87795, fromDefaults.argon2MemoryKb());
    assertEquals(2, fromDefaults.argon2Parallelism());
    assertEquals(1, fromDefaults.argon2Threads());
    assertEquals(1, fromDefaults.firebaseThreads());
    assertEquals(null, fromDefaults.firebaseSignerKey());

    CoreConfig argon2 =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of(
                "password_hashing_alg", "argon2",
                "argon2_iterations", "2",
                "argon2_memory_kb", "512",
                "argon2_parallelism", "1",
                "argon2_hashing_pool_size", "3",
                "firebase_password_hashing_signer_key", Vectors.FIREBASE_ORIGINAL_KEY),
            false);
    try (PasswordHasher hasher = new PasswordHasher(argon2)) {
      assertEquals(HashingAlgorithm.ARGON2, hasher.algorithm());
      assertEquals(3, hasher.argon2Pool().threads());
      String hash = hasher.hash("pw");
      assertTrue(hash.startsWith("$argon2id$v=19$m=512,t=2,p=1$"), hash);
      assertTrue(hasher.verify("testPass123", Vectors.FIREBASE_ORIGINAL_HASH));
    }
  }

  @Test
  void moreCallersThanHashingThreadsAllGetTheirOwnCorrectAnswer() throws Exception {
    int callers = 12;
    try (PasswordHasher hasher = new PasswordHasher(Vectors.bcrypt(4, 2))) {
      ExecutorService requests = Executors.newFixedThreadPool(callers);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          String mine = "password-" + i;
          results.add(
              requests.submit(
                  () -> {
                    String hash = hasher.hash(mine);
                    return hasher.verify(mine, hash)
                        && !hasher.verify(mine + "!", hash)
                        && !hasher.verifyAgainstDummy(mine)
                        && hasher.verify("testPass123", Vectors.ORIGINAL_BCRYPT_1);
                  }));
        }
        for (Future<Boolean> result : results) {
          assertTrue(result.get());
        }
      } finally {
        requests.shutdownNow();
      }
      assertTrue(hasher.bcryptPool().mostAtOnce() <= 2);
      assertEquals(0, hasher.bcryptPool().waiting());
    }
  }

  @Test
  void aClosedHasherRefusesWork() {
    PasswordHasher hasher = new PasswordHasher(Vectors.bcrypt(4, 1));
    hasher.close();
    assertThrows(IllegalStateException.class, () -> hasher.hash("x"));
  }
}
