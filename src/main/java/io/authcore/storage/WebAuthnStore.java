package io.authcore.storage;

import java.util.List;
import java.util.Optional;

/**
 * WebAuthn users, their credentials, the options a ceremony was started with and the account
 * recovery tokens, in the original's {@code webauthn_*} tables and encodings: the challenge as
 * unpadded base64url, a credential's public key as the CBOR attested credential data (AAGUID,
 * credential id, COSE key), its transports as a JSON array, a recovery token as its SHA-256 hex.
 * Users and credentials belong to the app, options and recovery tokens to a tenant.
 */
public interface WebAuthnStore {
  /** The constraint that keeps an email to one WebAuthn user per tenant. */
  String EMAIL_KEY = "webauthn_user_to_tenant_email_key";

  /** The primary key of a credential: (app, relying party id, credential id). */
  String CREDENTIAL_KEY = "webauthn_credentials_pkey";

  /** The foreign key that makes a credential belong to an existing WebAuthn user. */
  String CREDENTIAL_USER_KEY = "webauthn_credentials_user_id_fkey";

  /** The foreign key that makes a recovery token belong to a user of its tenant. */
  String TOKEN_USER_KEY = "webauthn_account_recovery_token_user_id_fkey";

  /**
   * The options a registration or sign-in ceremony was started with. {@code email} is null for
   * sign-in options; {@code challenge} is unpadded base64url.
   */
  record Options(
      String id,
      String challenge,
      String email,
      String rpId,
      String rpName,
      String origin,
      long expiresAt,
      long createdAt,
      boolean userPresenceRequired,
      String userVerification) {
    /** The original keeps no timeout: it is what separates creation from expiry. */
    public long timeout() {
      return expiresAt - createdAt;
    }
  }

  /**
   * A registered credential. {@code publicKey} is the CBOR attested credential data; {@code
   * transports} the JSON the original writes (an array, or {@code null}).
   */
  record Credential(
      String id,
      String rpId,
      String userId,
      long counter,
      byte[] publicKey,
      String transports,
      long createdAt,
      long updatedAt) {}

  /** A recovery token as stored: the SHA-256 hex of the token handed out, never the token. */
  record RecoveryToken(String userId, String email, String tokenHash, long expiresAt) {}

  /**
   * @throws StorageException with a primary-key violation when the id is taken
   */
  void insertOptions(String appId, String tenantId, Options options);

  Optional<Options> options(String appId, String tenantId, String optionsId);

  /**
   * Options of any tenant of the app, as the original's ceremonies find them (reading and removing
   * options stay per tenant).
   */
  Optional<Options> optionsInApp(String appId, String optionsId);

  /**
   * {@link #optionsInApp}, locking the row until the transaction ends: of two ceremonies that use
   * the same options, the second waits and then finds them consumed.
   */
  Optional<Options> lockOptionsInApp(String appId, String optionsId);

  /** Whether options were deleted. */
  boolean deleteOptions(String appId, String tenantId, String optionsId);

  /** Consumes options of any tenant of the app; whether they were there. */
  boolean deleteOptionsInApp(String appId, String optionsId);

  /** Deletes options that expired before {@code time}, in every app; the number deleted. */
  int deleteOptionsExpiredBefore(long time);

  /**
   * Writes a new user as the original does: {@code app_id_to_user_id}, {@code
   * all_auth_recipe_users}, {@code webauthn_user_to_tenant} and {@code webauthn_users}. Run it in a
   * transaction.
   *
   * @throws StorageException with the violation {@link #EMAIL_KEY} when the tenant has a WebAuthn
   *     user with this email
   */
  void insertUser(
      String appId, String tenantId, String userId, String email, String rpId, long timeJoined);

  /** The stored email of a WebAuthn user, if it is one. */
  Optional<String> email(String appId, String userId);

  /** The tenants the WebAuthn user belongs to. */
  List<String> tenantsOf(String appId, String userId);

  /** The id of another WebAuthn user with this email in one of these tenants. */
  Optional<String> otherUserWithEmail(
      String appId, List<String> tenantIds, String email, String userId);

  /** Sets the user's email in {@code webauthn_users} and in every tenant it belongs to. */
  void updateEmail(String appId, String userId, String email);

  /**
   * @throws StorageException with the violation {@link #CREDENTIAL_KEY} for a credential id the
   *     relying party already has, {@link #CREDENTIAL_USER_KEY} when the user is no WebAuthn user
   */
  void insertCredential(String appId, Credential credential);

  /**
   * The credential of this relying party with this id, its row locked until the transaction ends so
   * that concurrent sign-ins with it see each other's counters.
   */
  Optional<Credential> lockCredential(String appId, String rpId, String credentialId);

  /** The user's credential with this id, whatever its relying party. */
  Optional<Credential> credentialOfUser(String appId, String userId, String credentialId);

  /** The user's credentials, oldest first. */
  List<Credential> credentialsOf(String appId, String userId);

  void updateCounter(String appId, String rpId, String credentialId, long counter, long updatedAt);

  /** Whether a credential of the user was deleted. */
  boolean deleteCredential(String appId, String userId, String credentialId);

  /**
   * @throws StorageException with the violation {@link #TOKEN_USER_KEY} when the user is not in the
   *     tenant, a primary-key violation when the user has this token already
   */
  void insertRecoveryToken(String appId, String tenantId, RecoveryToken token);

  /** The tenant's tokens with this hash (two users may, very improbably, share one). */
  List<RecoveryToken> recoveryTokens(String appId, String tenantId, String tokenHash);

  /**
   * {@link #recoveryTokens}, locking the rows until the transaction ends: of two consumptions of
   * one token, the second waits and then finds it gone.
   */
  List<RecoveryToken> lockRecoveryTokens(String appId, String tenantId, String tokenHash);

  /** Deletes every recovery token of the email in the tenant; the number deleted. */
  int deleteRecoveryTokensOfEmail(String appId, String tenantId, String email);

  /** Deletes recovery tokens that expired before {@code time}, in every app; the number deleted. */
  int deleteRecoveryTokensExpiredBefore(long time);
}
