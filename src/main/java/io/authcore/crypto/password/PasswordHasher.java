package io.authcore.crypto.password;

import io.authcore.config.CoreConfig;
import io.authcore.tracing.Span;
import io.authcore.tracing.Spans;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Password hashing for the email-password recipe, compatible with the original's stored hashes.
 *
 * <p>New hashes use the configured {@code password_hashing_alg}: bcrypt at {@code
 * bcrypt_log_rounds} ({@code $2a$11$…} by default) or argon2id at {@code argon2_iterations} /
 * {@code argon2_memory_kb} / {@code argon2_parallelism}. Verification reads every format whatever
 * is configured: bcrypt {@code $2a$ $2b$ $2x$ $2y$}, argon2 {@code i d id}, and Firebase scrypt
 * (with {@code firebase_password_hashing_signer_key}).
 *
 * <p>Passwords over {@link #MAX_PASSWORD_BYTES} UTF-8 bytes are never hashed. bcrypt reads at most
 * 72 bytes of a password, so one that bcrypt would cut gets an argon2id hash even where bcrypt is
 * configured (see {@link BcryptHashes}); the original verifies it all the same. Stored and imported
 * hashes whose cost parameters would take seconds or hundreds of megabytes are refused without
 * being computed (see {@link BcryptHashes#MAX_FOREIGN_COST}, {@link
 * Argon2Hashes#MAX_FOREIGN_MEMORY_KB}, {@link FirebaseScryptHashes#MAX_MEMORY_BYTES}).
 *
 * <p>All hashing runs on three small pools of its own (bcrypt: one thread per core; argon2: {@code
 * argon2_hashing_pool_size}; Firebase scrypt: {@code firebase_password_hashing_pool_size}). Every
 * method blocks its caller until the work is done, waiting first for a free thread if need be; see
 * {@link HashingPool}. Thread-safe; close it on shutdown.
 */
public final class PasswordHasher implements AutoCloseable {
  /**
   * The longest password accepted, in UTF-8 bytes: far beyond any human or password-manager
   * password (Django draws the line at the same 4096), short enough that nobody can make the core
   * hash megabytes.
   */
  public static final int MAX_PASSWORD_BYTES = 4096;

  /** The start of the import's 400 text for a hash beyond the bounds. */
  static final String TOO_COSTLY = "Password hash is too costly to verify: ";

  /** The original's words, then what to do about them. */
  static final String NO_SIGNER_KEY =
      "'firebase_password_hashing_signer_key' cannot be null: set it to import Firebase SCrypt"
          + " password hashes";

  private final HashingAlgorithm algorithm;
  private final BcryptHashes bcrypt;
  private final Argon2Hashes argon2;
  private final String defaultSignerKey;
  private final HashingPool bcryptPool;
  private final HashingPool argon2Pool;
  private final HashingPool firebasePool;
  // Shared by the three pools: the wait and the CPU share are the server's, whatever the hash.
  private final HashingBacklog backlog = new HashingBacklog();
  private final EagerBudget budget = EagerBudget.forThisMachine();
  private final Duration maxWait;
  private final String unmatchable;
  private final java.util.concurrent.atomic.AtomicLong verifications =
      new java.util.concurrent.atomic.AtomicLong();
  private final Spans spans;

  public PasswordHasher(CoreConfig config) {
    this(config, Spans.OFF);
  }

  /** As above, with a span around each hash (its wait for a hashing thread included). */
  public PasswordHasher(CoreConfig config, Spans spans) {
    this(HashingConfig.from(config), spans);
  }

  PasswordHasher(HashingConfig config) {
    this(config, Spans.OFF);
  }

  private PasswordHasher(HashingConfig config, Spans spans) {
    this.spans = spans;
    this.algorithm = config.algorithm();
    this.bcrypt = new BcryptHashes(config.bcryptLogRounds());
    this.argon2 =
        new Argon2Hashes(
            config.argon2Iterations(), config.argon2MemoryKb(), config.argon2Parallelism());
    this.defaultSignerKey = config.firebaseSignerKey();
    this.bcryptPool = new HashingPool("bcrypt", config.bcryptThreads(), backlog, budget);
    this.argon2Pool = new HashingPool("argon2", config.argon2Threads(), backlog, budget);
    this.firebasePool =
        new HashingPool("firebase-scrypt", config.firebaseThreads(), backlog, budget);
    this.maxWait = config.maxWait();
    this.unmatchable =
        algorithm == HashingAlgorithm.ARGON2 ? argon2.unmatchable() : bcrypt.unmatchable();
  }

  /**
   * Puts the calling thread, one that serves requests, just below a sign-in's hash in the CPU's
   * eyes (nice 5 on Linux), and well above the hashes of a flood: see {@link HashingPriority}.
   * Called once by each request thread.
   */
  public void lowerRequestThread() {
    HashingPriority.system().lowerSessionThread();
  }

  /**
   * How many requests that hash may be in the server at once (waiting or hashing) so that the last
   * one admitted waits at most {@code password_hashing_max_wait_ms} for its turn, judged by how
   * long recent hashes took; never fewer than can hash at once. Past it the web layer answers 429,
   * which the SDKs retry, instead of letting a flood queue for minutes.
   */
  public int admissionLimit() {
    return backlog.limit(maxWait, bcryptPool.threads());
  }

  /** Callers waiting for a hashing thread now, all pools together: the hashing queue's depth. */
  public int waiting() {
    return bcryptPool.waiting() + argon2Pool.waiting() + firebasePool.waiting();
  }

  /** Hashes running now, all pools together. */
  public int hashing() {
    return bcryptPool.hashing() + argon2Pool.hashing() + firebasePool.hashing();
  }

  /** Tells {@code observer} of every hash from now on (for metrics). */
  public void observe(HashingObserver observer) {
    bcryptPool.observe(observer);
    argon2Pool.observe(observer);
    firebasePool.observe(observer);
  }

  /**
   * The algorithm new hashes use: {@link HashingAlgorithm#BCRYPT} or {@link
   * HashingAlgorithm#ARGON2}.
   */
  public HashingAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * A new salted hash of {@code password} with the configured algorithm, in the form the original
   * stores.
   *
   * @throws PasswordTooLongException if the password exceeds {@link #MAX_PASSWORD_BYTES}
   */
  public String hash(String password) {
    return hash(password, algorithm);
  }

  /**
   * A new hash with {@code algorithm} ({@link HashingAlgorithm#BCRYPT} or {@link
   * HashingAlgorithm#ARGON2}, at the configured costs): apps may choose their own algorithm. A
   * password bcrypt would cut (72 UTF-8 bytes or more) gets argon2id whatever the algorithm.
   *
   * @throws PasswordTooLongException if the password exceeds {@link #MAX_PASSWORD_BYTES}
   */
  public String hash(String password, HashingAlgorithm algorithm) {
    Objects.requireNonNull(password, "password");
    if (tooLong(password)) {
      throw new PasswordTooLongException();
    }
    if (algorithm == HashingAlgorithm.ARGON2 || !BcryptHashes.fits(password)) {
      return traced(argon2Pool, "argon2", () -> argon2.hash(password));
    }
    return traced(bcryptPool, "bcrypt", () -> bcrypt.hash(password));
  }

  /** {@link #verify(String, String, String)} with the core's own signer key. */
  public boolean verify(String password, String storedHash) {
    return verify(password, storedHash, defaultSignerKey);
  }

  /**
   * Whether {@code password} matches {@code storedHash}, in any supported format. False for a null
   * or too-long password, or an unknown or malformed format.
   *
   * @param firebaseSignerKey the app's {@code firebase_password_hashing_signer_key}, or {@code
   *     null}
   * @throws UnverifiableHashException for a hash beyond the cost bounds, or a Firebase scrypt hash
   *     without a signer key (the original answers 500 to that)
   */
  public boolean verify(String password, String storedHash, String firebaseSignerKey) {
    if (password == null || storedHash == null || tooLong(password)) {
      return false;
    }
    verifications.incrementAndGet();
    // The original's order of recognition.
    if (Argon2Hashes.looksLikeArgon2(storedHash)) {
      if (!Argon2Hashes.isWellFormed(storedHash)) {
        return false;
      }
      refuseAtSignIn(argon2.tooCostly(storedHash));
      return traced(argon2Pool, "argon2", () -> argon2.verify(password, storedHash));
    }
    if (BcryptHashes.looksLikeBcrypt(storedHash)) {
      if (!BcryptHashes.isWellFormed(storedHash)) {
        return false;
      }
      refuseAtSignIn(bcrypt.tooCostly(storedHash));
      return traced(bcryptPool, "bcrypt", () -> bcrypt.verify(password, storedHash));
    }
    FirebaseScryptHashes.Parsed parsed = FirebaseScryptHashes.parse(storedHash);
    if (parsed != null) {
      if (firebaseSignerKey == null) {
        throw new UnverifiableHashException(
            "the stored hash is in Firebase SCrypt format and"
                + " 'firebase_password_hashing_signer_key' is not set");
      }
      if (!FirebaseScryptHashes.isWellFormed(parsed)) {
        return false;
      }
      refuseAtSignIn(FirebaseScryptHashes.tooCostly(parsed));
      return traced(
          firebasePool,
          "firebase-scrypt",
          () -> FirebaseScryptHashes.verify(password, storedHash, firebaseSignerKey));
    }
    return false;
  }

  private <T> T traced(HashingPool pool, String algorithm, Callable<T> work) {
    try (Span span = spans.start("password.hash").attribute("password.algorithm", algorithm)) {
      return pool.run(work);
    }
  }

  private static void refuseAtSignIn(String tooCostly) {
    if (tooCostly != null) {
      throw new UnverifiableHashException("the stored hash is too costly to verify: " + tooCostly);
    }
  }

  /**
   * Spends what {@link #verify} spends on a hash of the configured algorithm and cost, then answers
   * {@code false}: for sign-in with an unknown email, so that it takes as long as a wrong password
   * for a known one. With bcrypt configured, a password over 72 bytes costs two bcrypt runs here as
   * it does against any stored bcrypt hash (see {@link BcryptHashes#verify}).
   */
  public boolean verifyAgainstDummy(String password) {
    verify(password, unmatchable, null);
    return false;
  }

  /** How many verifications were started (a dummy one included), for tests and operators. */
  public long verifications() {
    return verifications.get();
  }

  /** {@link #checkImport(PasswordHashImport, String)} with the core's own signer key. */
  public HashingAlgorithm checkImport(PasswordHashImport request)
      throws InvalidPasswordHashException {
    return checkImport(request, defaultSignerKey);
  }

  /**
   * Checks a hash for {@code /recipe/user/passwordhash/import} and tells its algorithm. With no
   * declared algorithm, a Firebase scrypt, bcrypt or argon2 hash is recognised by its form.
   * Stricter than the original: a hash that could never verify (malformed) is refused with the
   * original's texts, one beyond the cost bounds with {@value #TOO_COSTLY} and the bound, and a
   * Firebase scrypt hash without a signer key with {@value #NO_SIGNER_KEY} (the original answers
   * 500 to that).
   *
   * @param firebaseSignerKey the app's {@code firebase_password_hashing_signer_key}, or {@code
   *     null}
   * @throws InvalidPasswordHashException with the text of a 400 ({@code Password hash is in invalid
   *     format}, {@code … invalid BCrypt format}, {@code … invalid Argon2 format}, {@code … invalid
   *     Firebase SCrypt format} are the original's)
   */
  public HashingAlgorithm checkImport(PasswordHashImport request, String firebaseSignerKey)
      throws InvalidPasswordHashException {
    String hash = request.passwordHash();
    HashingAlgorithm declared = request.algorithm();
    if (declared == null) {
      FirebaseScryptHashes.Parsed parsed = FirebaseScryptHashes.parse(hash);
      if (parsed != null) {
        requireSignerKey(firebaseSignerKey);
        if (FirebaseScryptHashes.isWellFormed(parsed)) {
          refuseAtImport(FirebaseScryptHashes.tooCostly(parsed));
          return HashingAlgorithm.FIREBASE_SCRYPT;
        }
      } else if (BcryptHashes.looksLikeBcrypt(hash) && BcryptHashes.isWellFormed(hash)) {
        refuseAtImport(bcrypt.tooCostly(hash));
        return HashingAlgorithm.BCRYPT;
      } else if (Argon2Hashes.looksLikeArgon2(hash) && Argon2Hashes.isWellFormed(hash)) {
        refuseAtImport(argon2.tooCostly(hash));
        return HashingAlgorithm.ARGON2;
      }
      throw new InvalidPasswordHashException("Password hash is in invalid format");
    }
    switch (declared) {
      case ARGON2:
        if (!Argon2Hashes.isWellFormed(hash)) {
          throw new InvalidPasswordHashException("Password hash is in invalid Argon2 format");
        }
        refuseAtImport(argon2.tooCostly(hash));
        return declared;
      case BCRYPT:
        if (!BcryptHashes.isWellFormed(hash)) {
          throw new InvalidPasswordHashException("Password hash is in invalid BCrypt format");
        }
        refuseAtImport(bcrypt.tooCostly(hash));
        return declared;
      default:
        // As the original: the key is checked before the hash is looked at.
        requireSignerKey(firebaseSignerKey);
        FirebaseScryptHashes.Parsed parsed = FirebaseScryptHashes.parse(hash);
        if (!FirebaseScryptHashes.isWellFormed(parsed)) {
          throw new InvalidPasswordHashException(
              "Password hash is in invalid Firebase SCrypt format");
        }
        refuseAtImport(FirebaseScryptHashes.tooCostly(parsed));
        return declared;
    }
  }

  private static void requireSignerKey(String firebaseSignerKey)
      throws InvalidPasswordHashException {
    if (firebaseSignerKey == null) {
      throw new InvalidPasswordHashException(NO_SIGNER_KEY);
    }
  }

  private static void refuseAtImport(String tooCostly) throws InvalidPasswordHashException {
    if (tooCostly != null) {
      throw new InvalidPasswordHashException(TOO_COSTLY + tooCostly);
    }
  }

  private static boolean tooLong(String password) {
    // A char takes one to three UTF-8 bytes, so most strings are judged without encoding them.
    if (password.length() <= MAX_PASSWORD_BYTES / 3) {
      return false;
    }
    if (password.length() > MAX_PASSWORD_BYTES) {
      return true;
    }
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
  }

  HashingPool bcryptPool() {
    return bcryptPool;
  }

  HashingPool argon2Pool() {
    return argon2Pool;
  }

  String unmatchableHash() {
    return unmatchable;
  }

  @Override
  public void close() {
    bcryptPool.close();
    argon2Pool.close();
    firebasePool.close();
  }
}
