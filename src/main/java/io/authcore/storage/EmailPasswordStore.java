package io.authcore.storage;

import java.util.List;
import java.util.Optional;

/**
 * Email-password users ({@code emailpassword_users}, {@code emailpassword_user_to_tenant}) and
 * their password-reset tokens ({@code emailpassword_pswd_reset_tokens}). Emails are stored as given
 * (services normalise them); an email is unique per app and tenant.
 */
public interface EmailPasswordStore {
  /**
   * Writes a new user as the original does: {@code app_id_to_user_id}, {@code
   * all_auth_recipe_users}, {@code emailpassword_users} and {@code emailpassword_user_to_tenant}.
   * Run it in a transaction.
   *
   * @throws StorageException with the violation {@code emailpassword_user_to_tenant_email_key} when
   *     another user of the tenant has this email
   */
  void insertUser(
      String appId,
      String tenantId,
      String userId,
      String email,
      String passwordHash,
      long timeJoined);

  /** The user of this tenant with this email, with its password hash. */
  Optional<Credentials> findByEmail(String appId, String tenantId, String email);

  /** The stored hash of an email-password user, if it is one. */
  Optional<String> passwordHash(String appId, String userId);

  void updatePasswordHash(String appId, String userId, String passwordHash);

  /**
   * Whether another email-password user already has {@code email} in a tenant that {@code userId}
   * belongs to.
   */
  boolean emailTakenInTenantsOf(String appId, String userId, String email);

  /**
   * Changes the email everywhere it is stored for this user.
   *
   * @throws StorageException with {@code emailpassword_user_to_tenant_email_key} on a duplicate
   */
  void updateEmail(String appId, String userId, String email);

  /** Stores a reset token; only its hash is ever written. */
  void insertResetToken(ResetToken token);

  Optional<ResetToken> resetToken(String appId, String tokenHash);

  /** Every reset token of the user; inside a transaction, after locking the user. */
  List<ResetToken> resetTokensOf(String appId, String userId);

  /** Deletes every reset token of the user; returns how many. */
  int deleteResetTokensOf(String appId, String userId);

  /** Deletes tokens that expired before {@code now}; returns how many. */
  int deleteExpiredResetTokens(long now);

  /** An email-password user's id and hash. */
  record Credentials(String userId, String passwordHash) {}

  /**
   * A password-reset token as stored: the SHA-256 hex of the token, never the token itself.
   *
   * @param email the email the token resets; null for tokens written by old versions
   */
  record ResetToken(String appId, String userId, String tokenHash, long expiry, String email) {}
}
