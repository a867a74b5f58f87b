package io.authcore.crypto.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Verification of password hashes exported from Firebase Authentication, stored in the original's
 * form {@code $f_scrypt$<hash>$<salt>$m=<memCost>$r=<rounds>$s=<saltSeparator>} (the three
 * parameters in any order). Firebase's scheme: {@code key = scrypt(password, salt ‖ separator, N =
 * 2^memCost, r = rounds, p = 1, 64 bytes)}; the hash is the base64 of the project's signer key
 * encrypted under AES-256-CTR with {@code key[0..32]} and a zero IV.
 *
 * <p>Two deliberate departures from the original: the password is encoded as UTF-8, as Firebase
 * does (the original's US-ASCII turned every non-ASCII character into {@code ?}, so such users
 * could never sign in and {@code "pässword"} matched {@code "p?ssword"}); and an empty hash part or
 * signer key is refused, since an empty ciphertext "matches" any password.
 */
final class FirebaseScryptHashes {
  static final String PREFIX = "f_scrypt";

  /**
   * scrypt's memory, {@code 128 · rounds · 2^memCost} bytes, taken from the Java heap: Firebase
   * uses memCost 14 and 8 rounds (16 MiB, 70 ms on the 2-core development machine); this allows
   * four times that (memCost 16 with 8 rounds: 0.4 s), which a 256 MB heap holds beside everything
   * else while {@code firebase_password_hashing_pool_size} stays at its default of 1. The time
   * grows with the memory.
   */
  static final long MAX_MEMORY_BYTES = 64L << 20;

  private static final int KEY_BYTES = 64;

  /** The parts of a stored hash, each base64 text still undecoded. */
  record Parsed(String hash, String salt, String saltSeparator, int rounds, int memCost) {}

  private FirebaseScryptHashes() {}

  /**
   * The original's parser: split on {@code $} (Java's split, trailing empty parts dropped), seven
   * parts, an empty first part, {@code f_scrypt} second; {@code null} when it does not fit.
   */
  static Parsed parse(String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 7 || !parts[0].isEmpty() || !parts[1].equals(PREFIX)) {
      return null;
    }
    String saltSeparator = null;
    Integer memCost = null;
    Integer rounds = null;
    try {
      for (int i = 4; i < parts.length; i++) {
        if (parts[i].startsWith("m=")) {
          memCost = Integer.parseInt(parts[i].substring(2));
        } else if (parts[i].startsWith("r=")) {
          rounds = Integer.parseInt(parts[i].substring(2));
        } else if (parts[i].startsWith("s=")) {
          saltSeparator = parts[i].substring(2);
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (saltSeparator == null || memCost == null || rounds == null) {
      return null;
    }
    return new Parsed(parts[2], parts[3], saltSeparator, rounds, memCost);
  }

  /**
   * Parseable, with a non-empty hash part and parameters scrypt can run with, whatever its cost.
   */
  static boolean isWellFormed(Parsed p) {
    // scrypt requires N = 2^memCost < 2^(16·r); 2^31 is Java's array limit anyway.
    return p != null
        && !p.hash().isEmpty()
        && p.memCost() >= 1
        && p.memCost() < 31
        && p.rounds() >= 1
        && p.memCost() < 16L * p.rounds();
  }

  /**
   * Why this core refuses to spend what verifying the well-formed {@code p} would cost, or {@code
   * null} when it does not.
   */
  static String tooCostly(Parsed p) {
    // Rounds past 2^20 would overflow the product, and are too costly with any memCost.
    long bytes = p.rounds() > (1 << 20) ? Long.MAX_VALUE : (128L * p.rounds()) << p.memCost();
    return bytes > MAX_MEMORY_BYTES
        ? "Firebase SCrypt memory (128 * r * 2^m bytes) cannot be more than "
            + MAX_MEMORY_BYTES
            + " bytes"
        : null;
  }

  /** Well-formed, at a cost this core is willing to spend. */
  static boolean isAcceptable(Parsed p) {
    return isWellFormed(p) && tooCostly(p) == null;
  }

  /**
   * Whether {@code password} matches {@code stored} under the project's {@code signerKey} (base64,
   * not null).
   */
  static boolean verify(String password, String stored, String signerKey) {
    Parsed p = parse(stored);
    if (p == null) {
      return false;
    }
    byte[] signer = LenientBase64.decode(signerKey);
    if (!isAcceptable(p) || signer.length == 0) {
      return false;
    }
    byte[] salt = LenientBase64.decode(p.salt());
    byte[] separator = LenientBase64.decode(p.saltSeparator());
    byte[] saltAndSeparator = Arrays.copyOf(salt, salt.length + separator.length);
    System.arraycopy(separator, 0, saltAndSeparator, salt.length, separator.length);

    byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
    byte[] derived =
        SCrypt.generate(utf8, saltAndSeparator, 1 << p.memCost(), p.rounds(), 1, KEY_BYTES);
    Arrays.fill(utf8, (byte) 0);
    try {
      Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
      aes.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(derived, 0, 32, "AES"),
          new IvParameterSpec(new byte[16]));
      String computed = Base64.getEncoder().encodeToString(aes.doFinal(signer));
      // The original compares the base64 texts, so a stored hash in another base64 spelling never
      // matches there either.
      return MessageDigest.isEqual(
          computed.getBytes(StandardCharsets.US_ASCII), p.hash().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has AES/CTR/NoPadding", e);
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }
}
