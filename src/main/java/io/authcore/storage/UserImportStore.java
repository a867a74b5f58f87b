package io.authcore.storage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole users written at once, as the original's rows, for bulk import: each method writes (or
 * reads) many users with a few statements. Run the writes in one transaction; the caller has
 * checked what the constraints would refuse, so that a batch rarely fails.
 */
public interface UserImportStore {
  /**
   * One login method's user in {@code app_id_to_user_id} and, per tenant, {@code
   * all_auth_recipe_users}, already in its group: {@code primaryOrRecipeUserId} is its own id for a
   * user that stands alone, and {@code groupTimeJoined} the group's earliest join time.
   */
  record RecipeUser(
      String userId,
      String recipeId,
      List<String> tenantIds,
      long timeJoined,
      String primaryOrRecipeUserId,
      boolean linkedOrPrimary,
      long groupTimeJoined) {}

  /** An email-password login method, in every tenant of {@code tenantIds}. */
  record EmailPasswordUser(
      String userId, List<String> tenantIds, String email, String passwordHash, long timeJoined) {}

  /** A third-party login method. */
  record ThirdPartyUser(
      String userId,
      List<String> tenantIds,
      String thirdPartyId,
      String thirdPartyUserId,
      String email,
      long timeJoined) {}

  /** A passwordless login method; email or phone number may be null, not both. */
  record PasswordlessUser(
      String userId, List<String> tenantIds, String email, String phoneNumber, long timeJoined) {}

  /**
   * A WebAuthn login method and its credentials ({@link WebAuthnStore.Credential}s of this user and
   * relying party, their keys as attested credential data).
   */
  record WebAuthnUser(
      String userId,
      List<String> tenantIds,
      String email,
      String rpId,
      long timeJoined,
      List<WebAuthnStore.Credential> credentials) {}

  /** A verified email of a user id (the external one where mapped). */
  record VerifiedEmail(String userId, String email) {}

  /** An imported TOTP device, verified. */
  record TotpDevice(
      String userId, String name, String secretKey, int period, int skew, long createdAt) {}

  /** A role of a user in a tenant. */
  record RoleGrant(String tenantId, String userId, String role) {}

  /** How {@link #thirdPartyIdentities} names a (thirdPartyId, thirdPartyUserId) pair. */
  static String thirdPartyKey(String thirdPartyId, String thirdPartyUserId) {
    return thirdPartyId + "\n" + thirdPartyUserId;
  }

  void insertRecipeUsers(String appId, List<RecipeUser> users);

  void insertEmailPasswordUsers(String appId, List<EmailPasswordUser> users);

  void insertThirdPartyUsers(String appId, List<ThirdPartyUser> users);

  void insertPasswordlessUsers(String appId, List<PasswordlessUser> users);

  /** The users, their tenants and their credentials. */
  void insertWebAuthnUsers(String appId, List<WebAuthnUser> users);

  /** How {@link #webAuthnCredentials} names a credential: its relying party and id. */
  static String credentialKey(String rpId, String credentialId) {
    return rpId + "\n" + credentialId;
  }

  /** Those of these emails that an email-password user of the tenant has. */
  Set<String> emailPasswordEmails(String appId, String tenantId, Collection<String> emails);

  /** Those of these pairs ({@link #thirdPartyKey}) that a third-party user of the tenant has. */
  Set<String> thirdPartyIdentities(String appId, String tenantId, Collection<String> keys);

  Set<String> passwordlessEmails(String appId, String tenantId, Collection<String> emails);

  Set<String> passwordlessPhoneNumbers(
      String appId, String tenantId, Collection<String> phoneNumbers);

  /** Those of these emails that a WebAuthn user of the tenant has. */
  Set<String> webAuthnEmails(String appId, String tenantId, Collection<String> emails);

  /** Those of these credentials ({@link #credentialKey}) that the app has already. */
  Set<String> webAuthnCredentials(String appId, Collection<String> keys);

  /** Those of the ids that are users ({@code app_id_to_user_id}). */
  Set<String> existingUserIds(String appId, Collection<String> userIds);

  /** Those of the external ids that a mapping holds already. */
  Set<String> mappedExternalIds(String appId, Collection<String> externalUserIds);

  /** The stored metadata (JSON) of those of the users that have some. */
  Map<String, String> metadata(String appId, Collection<String> userIds);

  void insertMappings(String appId, Map<String, String> externalBySuperTokensId);

  /** Marks emails verified; those that are already stay as they are. */
  void markVerified(String appId, List<VerifiedEmail> emails);

  /** Stores devices; a user's device with the same name is replaced, as the original does. */
  void insertTotpDevices(String appId, List<TotpDevice> devices);

  /** Writes each user's metadata, replacing what was there. */
  void writeMetadata(String appId, Map<String, String> metadataByUserId);

  /** Grants roles; a grant that exists already stays. */
  void grantRoles(String appId, List<RoleGrant> grants);
}
