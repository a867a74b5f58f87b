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
 * bcrypt through jBCrypt 0.4, the library the original uses, so that every hash either side makes
 * verifies on the other for passwords of at most {@link #KEY_BYTES} UTF-8 bytes.
 *
 * <p>bcrypt only reads the first 72 bytes of its key, so two passwords sharing those bytes would
 * match the same hash. Passwords longer than that are therefore first condensed (see {@link
 * #keyFor}); shorter ones are used exactly as the original uses them, which keeps the original's
 * hashes verifying. The price: a hash the original made from a password longer than 72 bytes no
 * longer verifies with that password, and its owner has to reset it.
 */
final class BcryptHashes {
  /** What bcrypt reads of its key; longer passwords are condensed first. */
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

  /**
   * Keys the condensing HMAC so that a plain SHA-384 of a password leaked from elsewhere cannot be
   * tried as a bcrypt key here.
   */
  private static final byte[] PREHASH_KEY =
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

  String hash(String password) {
    return BCrypt.hashpw(keyFor(password), BCrypt.gensalt(cost, RANDOM));
  }

  boolean verify(String password, String hash) {
    if (!isAcceptable(hash)) {
      return false;
    }
    // jBCrypt knows only $2a$; the other revisions hash identically for UTF-8 input (the
    // original verifies them the same way).
    String asRevisionA = "$2a" + hash.substring(3);
    String computed = BCrypt.hashpw(keyFor(password), asRevisionA);
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
   * The text bcrypt hashes for a password: the password itself up to 72 UTF-8 bytes (as the
   * original), otherwise the base64 of its HMAC-SHA-384 (64 ASCII characters, so nothing is cut and
   * no NUL byte can end the key early).
   */
  static String keyFor(String password) {
    byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= KEY_BYTES) {
      return password;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA384");
      mac.init(new SecretKeySpec(PREHASH_KEY, "HmacSHA384"));
      return Base64.getEncoder().encodeToString(mac.doFinal(utf8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA384", e);
    }
  }
}
