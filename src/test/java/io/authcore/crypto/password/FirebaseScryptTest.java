package io.authcore.crypto.password;

import static io.authcore.crypto.password.Vectors.FIREBASE_ORIGINAL_HASH;
import static io.authcore.crypto.password.Vectors.FIREBASE_ORIGINAL_KEY;
import static io.authcore.crypto.password.Vectors.FIREBASE_README_HASH;
import static io.authcore.crypto.password.Vectors.FIREBASE_README_KEY;
import static io.authcore.crypto.password.Vectors.FIREBASE_README_UNICODE_HASH;
import static io.authcore.crypto.password.Vectors.UNICODE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FirebaseScryptTest {
  static final PasswordHasher README =
      new PasswordHasher(Vectors.withSignerKey(FIREBASE_README_KEY));
  static final PasswordHasher ORIGINAL =
      new PasswordHasher(Vectors.withSignerKey(FIREBASE_ORIGINAL_KEY));

  @AfterAll
  static void close() {
    README.close();
    ORIGINAL.close();
  }

  @Test
  void firebasesPublishedSampleVerifies() {
    assertTrue(README.verify("user1password", FIREBASE_README_HASH));
    assertFalse(README.verify("user1password ", FIREBASE_README_HASH));
    assertFalse(README.verify("user2password", FIREBASE_README_HASH));
  }

  @Test
  void theOriginalsTestVectorVerifies() {
    assertTrue(ORIGINAL.verify("testPass123", FIREBASE_ORIGINAL_HASH));
    assertFalse(ORIGINAL.verify("testPass1234", FIREBASE_ORIGINAL_HASH));
  }

  @Test
  void anotherProjectsSignerKeyDoesNotVerify() {
    assertFalse(ORIGINAL.verify("user1password", FIREBASE_README_HASH));
    assertFalse(README.verify("testPass123", FIREBASE_ORIGINAL_HASH));
  }

  @Test
  void theParametersMayComeInAnyOrder() {
    String reordered = FIREBASE_README_HASH.replace("$m=14$r=8$s=Bw==", "$s=Bw==$r=8$m=14");
    assertTrue(README.verify("user1password", reordered));
  }

  @Test
  void nonAsciiPasswordsAreHashedAsUtf8LikeFirebaseDoes() {
    assertTrue(README.verify(UNICODE_PASSWORD, FIREBASE_README_UNICODE_HASH));
    // The original's US-ASCII encoding would have turned each non-ASCII character into '?'.
    assertFalse(README.verify("p?ssw?rd ? ?", FIREBASE_README_UNICODE_HASH));
    assertFalse(README.verify("p?ssw?rd ? ??", FIREBASE_README_UNICODE_HASH));
  }

  @Test
  void base64IsReadAsLenientlyAsTheOriginalReadsIt() {
    // commons-codec also reads the URL-safe alphabet and skips stray characters.
    String urlSafeSalt = FIREBASE_README_HASH.replace("42xEC+ixf3L2lw==", "42xEC-ixf3L2lw");
    assertTrue(README.verify("user1password", urlSafeSalt));
    try (PasswordHasher spacedKey =
        new PasswordHasher(
            Vectors.withSignerKey(" " + FIREBASE_README_KEY.replace("Ki0", "Ki\n0")))) {
      assertTrue(spacedKey.verify("user1password", FIREBASE_README_HASH));
    }
  }

  @Test
  void anEmptyCiphertextNeverMatches() {
    // With an empty signer key the "encrypted" key is empty too, and so would match any password
    // against an empty hash part.
    try (PasswordHasher emptyKey = new PasswordHasher(Vectors.withSignerKey(""))) {
      assertFalse(emptyKey.verify("anything", "$f_scrypt$$42xEC+ixf3L2lw==$m=14$r=8$s=Bw=="));
      assertFalse(emptyKey.verify("user1password", FIREBASE_README_HASH));
    }
    assertFalse(README.verify("anything", "$f_scrypt$$42xEC+ixf3L2lw==$m=14$r=8$s=Bw=="));
  }

  @Test
  void withoutASignerKeyTheHashCannotBeVerified() {
    try (PasswordHasher noKey = new PasswordHasher(Vectors.bcrypt(4, 1))) {
      UnverifiableHashException e =
          assertThrows(
              UnverifiableHashException.class,
              () -> noKey.verify("user1password", FIREBASE_README_HASH));
      assertEquals(
          "the stored hash is in Firebase SCrypt format and 'firebase_password_hashing_signer_key'"
              + " is not set",
          e.getMessage());
      // An app's own key serves where the core has none.
      assertTrue(noKey.verify("user1password", FIREBASE_README_HASH, FIREBASE_README_KEY));
      assertThrows(
          UnverifiableHashException.class,
          () -> README.verify("user1password", FIREBASE_README_HASH, null));
    }
  }

  @Test
  void costlyParametersAreRefusedUnseen() {
    String base = FIREBASE_README_HASH;
    assertTimeoutPreemptively(
        Duration.ofSeconds(3),
        () -> {
          // 128 MiB, just over the bound; 2^30 blocks; 4096 rounds; 2^20 * 2^31 rounds.
          for (String costly :
              new String[] {
                base.replace("$m=14$", "$m=17$"),
                base.replace("$m=14$", "$m=30$"),
                base.replace("$r=8$", "$r=4096$"),
                base.replace("$m=14$", "$m=20$").replace("$r=8$", "$r=2147483647$"),
              }) {
            UnverifiableHashException e =
                assertThrows(
                    UnverifiableHashException.class, () -> README.verify("user1password", costly));
            assertEquals(
                "the stored hash is too costly to verify: Firebase SCrypt memory (128 * r * 2^m"
                    + " bytes) cannot be more than 67108864 bytes",
                e.getMessage());
          }
          // Parameters scrypt cannot run with never match; 2^16 blocks need r > 1.
          assertFalse(README.verify("user1password", base.replace("$m=14$", "$m=0$")));
          assertFalse(
              README.verify(
                  "user1password", base.replace("$m=14$", "$m=16$").replace("$r=8$", "$r=1$")));
        });
  }

  @Test
  void theBoundAllowsFourTimesFirebasesOwnCost() {
    FirebaseScryptHashes.Parsed firebases = FirebaseScryptHashes.parse(FIREBASE_README_HASH);
    assertTrue(FirebaseScryptHashes.isAcceptable(firebases));
    assertTrue(
        FirebaseScryptHashes.isAcceptable(
            FirebaseScryptHashes.parse(FIREBASE_README_HASH.replace("$m=14$", "$m=16$"))));
    assertTrue(
        FirebaseScryptHashes.isAcceptable(
            FirebaseScryptHashes.parse(FIREBASE_README_HASH.replace("$r=8$", "$r=32$"))));
    assertFalse(
        FirebaseScryptHashes.isAcceptable(
            FirebaseScryptHashes.parse(FIREBASE_README_HASH.replace("$r=8$", "$r=33$"))));
  }

  @Test
  void parsingFollowsTheOriginal() {
    FirebaseScryptHashes.Parsed p = FirebaseScryptHashes.parse(FIREBASE_README_HASH);
    assertEquals(14, p.memCost());
    assertEquals(8, p.rounds());
    assertEquals("Bw==", p.saltSeparator());
    assertEquals("42xEC+ixf3L2lw==", p.salt());
    assertNull(FirebaseScryptHashes.parse("$f_scrypt$hash$salt$m=14$r=8"));
    assertNull(FirebaseScryptHashes.parse("$f_scrypt$hash$salt$m=14$r=8$x=1"));
    assertNull(FirebaseScryptHashes.parse("$f_scrypt$hash$salt$m=x$r=8$s=Bw=="));
    assertNull(FirebaseScryptHashes.parse("$scrypt$hash$salt$m=14$r=8$s=Bw=="));
    assertNull(FirebaseScryptHashes.parse("f_scrypt$hash$salt$m=14$r=8$s=Bw==$"));
    assertNull(FirebaseScryptHashes.parse("$f_scrypt$hash$salt$m=14$r=8$s=Bw==$extra"));
  }
}
