package io.authcore.crypto.password;

/**
 * Hears of every password hash the pools computed, on the hashing thread (it must be quick): for
 * monitoring, without this package knowing how it is recorded.
 */
public interface HashingObserver {
  HashingObserver NONE = (pool, waitNanos, hashNanos) -> {};

  /**
   * @param pool {@code bcrypt}, {@code argon2} or {@code firebase-scrypt}
   * @param waitNanos how long the caller waited for a hashing thread
   * @param hashNanos how long the hash took once started
   */
  void hashed(String pool, long waitNanos, long hashNanos);
}
