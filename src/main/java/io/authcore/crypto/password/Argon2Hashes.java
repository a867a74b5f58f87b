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
 * million-pass hash at sign-in. So any hash costing more than {@link #MAX_FOREIGN_MEMORY_KB} /
 * {@link #MAX_FOREIGN_ITERATIONS} / {@link #MAX_FOREIGN_PARALLELISM} / {@link
 * #MAX_FOREIGN_MEMORY_PASSES} (or the configured values, if higher) is refused unseen.
 */
final class Argon2Hashes {
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  /** 1 GiB: libsodium's "sensitive" preset, the largest in common use. */
  static final long MAX_FOREIGN_MEMORY_KB = 1L << 20;

  static final long MAX_FOREIGN_ITERATIONS = 16;
  static final long MAX_FOREIGN_PARALLELISM = 16;

  /** Memory times iterations: the work of one verification; 1 GiB over 4 passes at most. */
  static final long MAX_FOREIGN_MEMORY_PASSES = 4L << 20;

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
  private final long maxIterations;
  private final long maxParallelism;
  private final long maxMemoryPasses;

  Argon2Hashes(int iterations, int memoryKb, int parallelism) {
    this.iterations = iterations;
    this.memoryKb = memoryKb;
    this.parallelism = parallelism;
    this.maxMemoryKb = Math.max(MAX_FOREIGN_MEMORY_KB, memoryKb);
    this.maxIterations = Math.max(MAX_FOREIGN_ITERATIONS, iterations);
    this.maxParallelism = Math.max(MAX_FOREIGN_PARALLELISM, parallelism);
    this.maxMemoryPasses = Math.max(MAX_FOREIGN_MEMORY_PASSES, (long) memoryKb * iterations);
  }

  /** The original's test for "this is an argon2 hash": the prefix alone. */
  static boolean looksLikeArgon2(String hash) {
    // "$argon2i" also covers "$argon2id", as in the original.
    return hash.startsWith("$argon2i") || hash.startsWith("$argon2d");
  }

  /** A complete argon2 hash whose cost this core is willing to spend. */
  boolean isAcceptable(String hash) {
    return typeOf(hash) != null;
  }

  /** The variant of an acceptable hash, or {@code null}. */
  private Argon2Types typeOf(String hash) {
    Matcher m = PHC.matcher(hash);
    if (!m.matches()) {
      return null;
    }
    long mem = Long.parseLong(m.group(3));
    long t = Long.parseLong(m.group(4));
    long p = Long.parseLong(m.group(5));
    if (mem > maxMemoryKb || t > maxIterations || p > maxParallelism) {
      return null;
    }
    if (mem * t > maxMemoryPasses || mem < 8 * p) {
      return null;
    }
    if (!canonicalBase64(m.group(6), MIN_SALT_BYTES)
        || !canonicalBase64(m.group(7), MIN_HASH_BYTES)) {
      return null;
    }
    switch (m.group(1)) {
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
