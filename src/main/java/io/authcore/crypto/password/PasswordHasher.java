package io.authcore.crypto.password;

import io.authcore.config.CoreConfig;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Password hashing for the email-password recipe, compatible with the original's stored hashes.
 *
 * <p>New hashes use the configured {@code password_hashing_alg}: bcrypt at {@code
 * bcrypt_log_rounds} ({@code $2a$11$…} by default) or argon2id at {@code argon2_iterations} /
 * {@code argon2_memory_kb} / {@code argon2_parallelism}. Verification reads every format whatever
 * is configured: bcrypt {@code $2a$ $2b$ $2x$ $2y$}, argon2 {@code i d id}, and Firebase scrypt
 * (with {@code firebase_password_hashing_signer_key}).
 *
 * <p>Passwords over {@link #MAX_PASSWORD_BYTES} UTF-8 bytes are never hashed. bcrypt keys over 72
 * bytes are condensed first so that no two passwords share a hash through truncation (see {@link
 * BcryptHashes}). Stored hashes whose cost parameters would take seconds or gigabytes are refused
 * without being computed.
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

  private final HashingAlgorithm algorithm;
  private final BcryptHashes bcrypt;
  private final Argon2Hashes argon2;
  private final FirebaseScryptHashes firebase;
  private final HashingPool bcryptPool;
  private final HashingPool argon2Pool;
  private final HashingPool firebasePool;
  private final String unmatchable;

  public PasswordHasher(CoreConfig config) {
    this(HashingConfig.from(config));
  }

  PasswordHasher(HashingConfig config) {
    this.algorithm = config.algorithm();
    this.bcrypt = new BcryptHashes(config.bcryptLogRounds());
    this.argon2 =
        new Argon2Hashes(
            config.argon2Iterations(), config.argon2MemoryKb(), config.argon2Parallelism());
    this.firebase = new FirebaseScryptHashes(config.firebaseSignerKey());
    this.bcryptPool = new HashingPool("bcrypt", config.bcryptThreads());
    this.argon2Pool = new HashingPool("argon2", config.argon2Threads());
    this.firebasePool = new HashingPool("firebase-scrypt", config.firebaseThreads());
    this.unmatchable =
        algorithm == HashingAlgorithm.ARGON2 ? argon2.unmatchable() : bcrypt.unmatchable();
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
   * HashingAlgorithm#ARGON2}, at the configured costs): apps may choose their own algorithm.
   *
   * @throws PasswordTooLongException if the password exceeds {@link #MAX_PASSWORD_BYTES}
   */
  public String hash(String password, HashingAlgorithm algorithm) {
    Objects.requireNonNull(password, "password");
    if (tooLong(password)) {
      throw new PasswordTooLongException();
    }
    if (algorithm == HashingAlgorithm.ARGON2) {
      return argon2Pool.run(() -> argon2.hash(password));
    }
    return bcryptPool.run(() -> bcrypt.hash(password));
  }

  /**
   * Whether {@code password} matches {@code storedHash}, in any supported format. False for a null
   * or too-long password, an unknown or malformed format, or a hash too costly to compute.
   *
   * @throws MissingSignerKeyException for a Firebase scrypt hash when no signer key is configured
   *     (the original answers 500)
   */
  public boolean verify(String password, String storedHash) {
    if (password == null || storedHash == null || tooLong(password)) {
      return false;
    }
    // The original's order of recognition.
    if (Argon2Hashes.looksLikeArgon2(storedHash)) {
      return argon2.isAcceptable(storedHash)
          && argon2Pool.run(() -> argon2.verify(password, storedHash));
    }
    if (BcryptHashes.looksLikeBcrypt(storedHash)) {
      return bcrypt.isAcceptable(storedHash)
          && bcryptPool.run(() -> bcrypt.verify(password, storedHash));
    }
    FirebaseScryptHashes.Parsed parsed = FirebaseScryptHashes.parse(storedHash);
    if (parsed != null) {
      firebase.requireSignerKey();
      return FirebaseScryptHashes.isAcceptable(parsed)
          && firebasePool.run(() -> firebase.verify(password, storedHash));
    }
    return false;
  }

  /**
   * Spends what {@link #verify} spends on a hash of the configured algorithm and cost, then answers
   * {@code false}: for sign-in with an unknown email, so that it takes as long as a wrong password
   * for a known one.
   */
  public boolean verifyAgainstDummy(String password) {
    verify(password, unmatchable);
    return false;
  }

  /**
   * Checks a hash for {@code /recipe/user/passwordhash/import} and tells its algorithm. With no
   * declared algorithm, a Firebase scrypt, bcrypt or argon2 hash is recognised by its form.
   * Stricter than the original in one way: a hash that could never verify (malformed) or that would
   * cost too much to verify is refused too, with the same texts.
   *
   * @throws InvalidPasswordHashException with the original's 400 text ({@code Password hash is in
   *     invalid format}, {@code … invalid BCrypt format}, {@code … invalid Argon2 format}, {@code …
   *     invalid Firebase SCrypt format})
   * @throws MissingSignerKeyException for a Firebase scrypt hash when no signer key is configured
   *     (the original answers 500)
   */
  public HashingAlgorithm checkImport(PasswordHashImport request)
      throws InvalidPasswordHashException {
    String hash = request.passwordHash();
    HashingAlgorithm declared = request.algorithm();
    if (declared == null) {
      FirebaseScryptHashes.Parsed parsed = FirebaseScryptHashes.parse(hash);
      if (parsed != null) {
        firebase.requireSignerKey();
        if (FirebaseScryptHashes.isAcceptable(parsed)) {
          return HashingAlgorithm.FIREBASE_SCRYPT;
        }
      } else if (BcryptHashes.looksLikeBcrypt(hash) && bcrypt.isAcceptable(hash)) {
        return HashingAlgorithm.BCRYPT;
      } else if (Argon2Hashes.looksLikeArgon2(hash) && argon2.isAcceptable(hash)) {
        return HashingAlgorithm.ARGON2;
      }
      throw new InvalidPasswordHashException("Password hash is in invalid format");
    }
    switch (declared) {
      case ARGON2:
        if (!argon2.isAcceptable(hash)) {
          throw new InvalidPasswordHashException("Password hash is in invalid Argon2 format");
        }
        return declared;
      case BCRYPT:
        if (!bcrypt.isAcceptable(hash)) {
          throw new InvalidPasswordHashException("Password hash is in invalid BCrypt format");
        }
        return declared;
      default:
        firebase.requireSignerKey();
        if (!FirebaseScryptHashes.isAcceptable(FirebaseScryptHashes.parse(hash))) {
          throw new InvalidPasswordHashException(
              "Password hash is in invalid Firebase SCrypt format");
        }
        return declared;
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
