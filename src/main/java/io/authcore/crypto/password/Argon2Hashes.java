package io.authcore.crypto.password;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * argon2 through argon2-jvm (the reference C implementation, bundled), as the original: new hashes
 * are argon2id with a 16-byte salt and a 32-byte output, in the PHC string form {@code
 * $argon2id$v=19$m=<kb>,t=<iterations>,p=<lanes>$<salt>$<hash>}; argon2i and argon2d hashes and
 * version 16 (no {@code v=}) verify too.
 *
 * <p>A stored hash names its own memory and time cost, and the native code would honour a 4 GiB or
 * million-pass hash at sign-in. So any hash costing more than {@link #MAX_FOREIGN_MEMORY_KB},
 * {@link #MAX_FOREIGN_MEMORY_PASSES} or {@link #MAX_FOREIGN_PARALLELISM} (each raised to the
 * configured value, if higher) is refused unseen.
 */
final class Argon2Hashes {
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  /**
   * 256 MiB: libsodium's "moderate" preset; PHP (64 MiB), argon2-cffi (64 or 100 MiB), Spring (16
   * MiB), Bitwarden (64 MiB), OWASP's advice (7 to 46 MiB) and the original's default (86 MiB) all
   * stay under it. The native code allocates it outside the Java heap, once per hash running at the
   * same time (at most {@code argon2_hashing_pool_size}); the Helm chart's memory limit leaves room
   * for one.
   */
  static final long MAX_FOREIGN_MEMORY_KB = 256L << 10;

  /**
   * Memory times iterations, the work of one verification: 1 GiB, such as 256 MiB over 4 passes or
   * 64 MiB over 16. On the 2-core development machine, 256 MiB over 4 passes took 1.4 to 1.6 s (1
   * pass: 0.4 s, 3 passes: 0.9 s) and 64 MiB over 16 1.7 s, about what bcrypt at cost 14 takes.
   */
  static final long MAX_FOREIGN_MEMORY_PASSES = 1L << 20;

  /** Lanes, each run on a native thread of its own; RFC 9106 advises 4, argon2-cffi once used 8. */
  static final long MAX_FOREIGN_PARALLELISM = 16;

  /** libargon2's own minimums. */
  private static final int MIN_SALT_BYTES = 8;

  private static final int MIN_HASH_BYTES = 4;
  private static final int MAX_SALT_OR_HASH_BYTES = 1024;

  /**
   * Exactly what libargon2's decoder accepts: type, optional version, {@code m,t,p} in that order,
   * decimals without leading zeros, unpadded standard base64.
   */
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2(id|i|d)(?:\\$v=(16|19))?\\$m=([1-9]\\d{0,9}),t=([1-9]\\d{0,9}),p=([1-9]\\d{0,9})"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  private final int memoryKb;
  private final int parallelism;
  private final long maxMemoryKb;
  private final long maxParallelism;
  private final long maxMemoryPasses;

  Argon2Hashes(int iterations, int memoryKb, int parallelism) {
    this.iterations = iterations;
    this.memoryKb = memoryKb;
    this.parallelism = parallelism;
    this.maxMemoryKb = Math.max(MAX_FOREIGN_MEMORY_KB, memoryKb);
    this.maxParallelism = Math.max(MAX_FOREIGN_PARALLELISM, parallelism);
    this.maxMemoryPasses = Math.max(MAX_FOREIGN_MEMORY_PASSES, (long) memoryKb * iterations);
  }

  /** The original's test for "this is an argon2 hash": the prefix alone. */
  static boolean looksLikeArgon2(String hash) {
    // "$argon2i" also covers "$argon2id", as in the original.
    return hash.startsWith("$argon2i") || hash.startsWith("$argon2d");
  }

  /** A complete argon2 hash, whatever its cost. */
  static boolean isWellFormed(String hash) {
    Matcher m = PHC.matcher(hash);
    if (!m.matches()) {
      return false;
    }
    long mem = Long.parseLong(m.group(3));
    long p = Long.parseLong(m.group(5));
    // libargon2's own bounds: 8 KiB a lane, 2^24 - 1 lanes, 2^32 - 1 of the rest.
    return mem >= 8 * p
        && mem <= 0xFFFFFFFFL
        && Long.parseLong(m.group(4)) <= 0xFFFFFFFFL
        && p < (1 << 24)
        && canonicalBase64(m.group(6), MIN_SALT_BYTES)
        && canonicalBase64(m.group(7), MIN_HASH_BYTES);
  }

  /**
   * Why this core refuses to spend what verifying the well-formed {@code hash} would cost, or
   * {@code null} when it does not.
   */
  String tooCostly(String hash) {
    Matcher m = PHC.matcher(hash);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a well-formed argon2 hash");
    }
    long mem = Long.parseLong(m.group(3));
    long t = Long.parseLong(m.group(4));
    long p = Long.parseLong(m.group(5));
    if (mem > maxMemoryKb) {
      return "Argon2 memory cannot be more than " + maxMemoryKb + " KB";
    }
    if (mem * t > maxMemoryPasses) {
      return "Argon2 memory times iterations cannot be more than " + maxMemoryPasses + " KB";
    }
    if (p > maxParallelism) {
      return "Argon2 parallelism cannot be more than " + maxParallelism;
    }
    return null;
  }

  /** A complete argon2 hash whose cost this core is willing to spend. */
  boolean isAcceptable(String hash) {
    return isWellFormed(hash) && tooCostly(hash) == null;
  }

  /** The variant of an acceptable hash, or {@code null}. */
  private Argon2Types typeOf(String hash) {
    if (!isAcceptable(hash)) {
      return null;
    }
    switch (hash.substring(7, hash.indexOf('$', 1))) {
      case "id":
        return Argon2Types.ARGON2id;
      case "i":
        return Argon2Types.ARGON2i;
      default:
        return Argon2Types.ARGON2d;
    }
  }

  /** libargon2 rejects padding, a dangling character and non-zero unused bits. */
  private static boolean canonicalBase64(String text, int minBytes) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return bytes.length >= minBytes
        && bytes.length <= MAX_SALT_OR_HASH_BYTES
        && Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text);
  }

  String hash(String password) {
    byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
    try {
      return Native.ID.hash(iterations, memoryKb, parallelism, utf8);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  boolean verify(String password, String hash) {
    Argon2Types type = typeOf(hash);
    if (type == null) {
      return false;
    }
    byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
    try {
      // libargon2 compares the digests in constant time.
      return Native.of(type).verify(hash, utf8);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** A well-formed argon2id hash at the configured cost that no password matches. */
  String unmatchable() {
    byte[] salt = new byte[SALT_BYTES];
    byte[] digest = new byte[HASH_BYTES];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(digest);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + memoryKb
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(digest);
  }

  /** Loads the native library only once an argon2 hash is first met, not at every startup. */
  private static final class Native {
    // argon2-jvm instances are thread-safe.
    static final Argon2 ID = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    static final Argon2 I = Argon2Factory.create(Argon2Types.ARGON2i, SALT_BYTES, HASH_BYTES);
    static final Argon2 D = Argon2Factory.create(Argon2Types.ARGON2d, SALT_BYTES, HASH_BYTES);

    static Argon2 of(Argon2Types type) {
      switch (type) {
        case ARGON2id:
          return ID;
        case ARGON2i:
          return I;
        default:
          return D;
      }
    }
  }
}
