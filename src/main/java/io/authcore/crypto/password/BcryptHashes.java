package io.authcore.crypto.password;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt through jBCrypt 0.4, the library the original uses, verifying exactly as the original
 * does: the password as given, of which bcrypt reads the first {@link #KEY_BYTES} UTF-8 bytes.
 *
 * <p>jBCrypt appends a NUL to the password, so a password of 72 bytes or more loses something to
 * the cut, and every password sharing its first 72 bytes matches its hash. New hashes are therefore
 * made here only for passwords that {@link #fits fit} whole; {@link PasswordHasher} gives longer
 * ones an argon2id hash, which the original verifies too.
 *
 * <p>Authcore up to this version hashed passwords over 72 bytes as a condensed key instead (see
 * {@link #legacyKeyFor}); such a hash still verifies, through a second try made only for those
 * passwords after the first one failed.
 */
final class BcryptHashes {
  /** What bcrypt reads of its key. */
  static final int KEY_BYTES = 72;

  /** jBCrypt's own bounds on the cost. */
  static final int MIN_COST = 4;

  static final int MAX_COST = 30;

  /**
   * The highest cost accepted in a stored or imported hash unless the configured cost is higher.
   * Cost 10 (most libraries' default) to 12 (Laravel's, Rails') covers real deployments, 14 leaves
   * room; one verification at 14 took 1.5 to 1.7 s on the 2-core development machine (cost 15: 3 s,
   * 16: 6 s; bcrypt needs 4 KB of memory whatever its cost).
   */
  static final int MAX_FOREIGN_COST = 14;

  /** {@code $2a$}, {@code $2b$}, {@code $2x$} or {@code $2y$}, two cost digits, 53 characters. */
  private static final Pattern FORMAT =
      Pattern.compile("\\$2[abxy]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

  private static final String ALPHABET =
      "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** The HMAC key earlier versions condensed long passwords with; never change it. */
  private static final byte[] LEGACY_PREHASH_KEY =
      "authcore bcrypt key for passwords over 72 bytes, v1".getBytes(StandardCharsets.US_ASCII);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int cost;
  private final int maxCost;

  /** {@code logRounds} outside jBCrypt's 4..30 is clamped; the original would fail every hash. */
  BcryptHashes(int logRounds) {
    this.cost = Math.min(MAX_COST, Math.max(MIN_COST, logRounds));
    this.maxCost = Math.max(MAX_FOREIGN_COST, cost);
  }

  int cost() {
    return cost;
  }

  /** The original's test for "this is a bcrypt hash": the prefix alone. */
  static boolean looksLikeBcrypt(String hash) {
    return hash.startsWith("$2a")
        || hash.startsWith("$2b")
        || hash.startsWith("$2x")
        || hash.startsWith("$2y");
  }

  /**
   * Whether bcrypt keeps all of {@code password}: with jBCrypt's terminating NUL, at most 72 UTF-8
   * bytes, so at most 71.
   */
  static boolean fits(String password) {
    return utf8Length(password) < KEY_BYTES;
  }

  /** A complete bcrypt hash, whatever its cost. */
  static boolean isWellFormed(String hash) {
    Matcher m = FORMAT.matcher(hash);
    return m.matches() && Integer.parseInt(m.group(1)) >= MIN_COST;
  }

  /**
   * Why this core refuses to spend what verifying the well-formed {@code hash} would cost, or
   * {@code null} when it does not.
   */
  String tooCostly(String hash) {
    int c = Integer.parseInt(hash.substring(4, 6));
    return c > maxCost ? "BCrypt cost cannot be more than " + maxCost : null;
  }

  /** A complete bcrypt hash whose cost this core is willing to spend. */
  boolean isAcceptable(String hash) {
    return isWellFormed(hash) && tooCostly(hash) == null;
  }

  /**
   * @throws IllegalArgumentException for a password that does not {@link #fits fit}
   */
  String hash(String password) {
    if (!fits(password)) {
      throw new IllegalArgumentException("bcrypt would cut this password");
    }
    return BCrypt.hashpw(password, BCrypt.gensalt(cost, RANDOM));
  }

  boolean verify(String password, String hash) {
    if (!isAcceptable(hash)) {
      return false;
    }
    // jBCrypt knows only $2a$; the other revisions hash identically for UTF-8 input (the
    // original verifies them the same way).
    String asRevisionA = "$2a" + hash.substring(3);
    if (matches(password, asRevisionA)) {
      return true;
    }
    // Only a password over 72 bytes can have a condensed hash; trying costs a second bcrypt, which
    // an unknown email's dummy verification pays too.
    return utf8Length(password) > KEY_BYTES && matches(legacyKeyFor(password), asRevisionA);
  }

  private static boolean matches(String key, String asRevisionA) {
    String computed = BCrypt.hashpw(key, asRevisionA);
    return MessageDigest.isEqual(
        computed.getBytes(StandardCharsets.US_ASCII),
        asRevisionA.getBytes(StandardCharsets.US_ASCII));
  }

  /** A well-formed hash at the configured cost that no password matches but that costs as much. */
  String unmatchable() {
    StringBuilder sb = new StringBuilder(BCrypt.gensalt(cost, RANDOM));
    for (int i = 0; i < 31; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /**
   * What earlier versions hashed for a password over 72 UTF-8 bytes: the base64 of its HMAC-SHA-384
   * (64 ASCII characters). The original cannot verify such hashes.
   */
  static String legacyKeyFor(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA384");
      mac.init(new SecretKeySpec(LEGACY_PREHASH_KEY, "HmacSHA384"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA384", e);
    }
  }

  private static int utf8Length(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length;
  }
}
