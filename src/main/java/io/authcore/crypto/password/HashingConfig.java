package io.authcore.crypto.password;

import io.authcore.config.CoreConfig;
import java.time.Duration;
import java.util.Locale;

/**
 * The settings password hashing reads from the configuration, plus the size of the bcrypt pool,
 * which the original has no setting for (it hashes bcrypt on the request thread).
 *
 * @param algorithm {@link HashingAlgorithm#BCRYPT} or {@link HashingAlgorithm#ARGON2}
 * @param firebaseSignerKey base64 signer key, or {@code null} when not configured
 * @param maxWait the longest a request should wait for its turn to hash
 */
record HashingConfig(
    HashingAlgorithm algorithm,
    int bcryptLogRounds,
    int bcryptThreads,
    int argon2Iterations,
    int argon2MemoryKb,
    int argon2Parallelism,
    int argon2Threads,
    String firebaseSignerKey,
    int firebaseThreads,
    Duration maxWait) {

  HashingConfig {
    if (algorithm == HashingAlgorithm.FIREBASE_SCRYPT) {
      throw new IllegalArgumentException("new passwords are never hashed with Firebase scrypt");
    }
    // The original clamps the two pool sizes to at least 1 the same way.
    bcryptThreads = Math.max(1, bcryptThreads);
    argon2Threads = Math.max(1, argon2Threads);
    firebaseThreads = Math.max(1, firebaseThreads);
  }

  static HashingConfig from(CoreConfig config) {
    return new HashingConfig(
        HashingAlgorithm.valueOf(config.string("password_hashing_alg").toUpperCase(Locale.ROOT)),
        config.integer("bcrypt_log_rounds"),
        // bcrypt is single-threaded per hash: one thread per core keeps every core busy under a
        // sign-in flood without ever running more hashes than there are cores.
        Runtime.getRuntime().availableProcessors(),
        config.integer("argon2_iterations"),
        config.integer("argon2_memory_kb"),
        config.integer("argon2_parallelism"),
        config.integer("argon2_hashing_pool_size"),
        config.string("firebase_password_hashing_signer_key"),
        config.integer("firebase_password_hashing_pool_size"),
        Duration.ofMillis(config.longValue("password_hashing_max_wait_ms")));
  }
}
