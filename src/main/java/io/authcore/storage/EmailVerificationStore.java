package io.authcore.storage;

import java.util.Optional;

/**
 * Email verification: tokens per tenant ({@code emailverification_tokens}, stored as SHA-256 hex)
 * and the verified (user id, email) pairs per app ({@code emailverification_verified_emails}). User
 * ids are free-form strings here: whatever id the SDK uses, usually the external one when mapped.
 */
public interface EmailVerificationStore {
  void insertToken(VerificationToken token);

  Optional<VerificationToken> token(String appId, String tenantId, String tokenHash);

  /** Deletes one token; false when it was already gone (used concurrently). */
  boolean deleteToken(String appId, String tenantId, String tokenHash);

  /** Deletes every token of (user, email) in the tenant. */
  void deleteTokens(String appId, String tenantId, String userId, String email);

  int deleteExpiredTokens(long now);

  boolean isVerified(String appId, String userId, String email);

  /** Marks the pair verified; doing it twice is harmless. */
  void markVerified(String appId, String userId, String email);

  void unverify(String appId, String userId, String email);

  /** Moves verified pairs and tokens from one user id to another (for a new user-id mapping). */
  void moveUserId(String appId, String fromUserId, String toUserId);

  /** A token row; {@code tokenHash} is the SHA-256 hex of the token handed out. */
  record VerificationToken(
      String appId, String tenantId, String userId, String email, String tokenHash, long expiry) {}
}
