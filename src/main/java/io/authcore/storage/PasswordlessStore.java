package io.authcore.storage;

import java.util.List;
import java.util.Optional;

/**
 * Passwordless users ({@code passwordless_users}, {@code passwordless_user_to_tenant}) and their
 * sign-in attempts ({@code passwordless_devices}, {@code passwordless_codes}). Devices and codes
 * belong to one tenant and hold only hashes of what the client was given (see {@code
 * crypto.PasswordlessCodes}). Within a tenant an email or phone number names at most one user.
 */
public interface PasswordlessStore {
  /** The constraint that keeps an email to one passwordless user per tenant. */
  String EMAIL_KEY = "passwordless_user_to_tenant_email_key";

  /** The constraint that keeps a phone number to one passwordless user per tenant. */
  String PHONE_NUMBER_KEY = "passwordless_user_to_tenant_phone_number_key";

  /** The constraint that keeps a link code hash to one code per tenant. */
  String LINK_CODE_HASH_KEY = "passwordless_codes_link_code_hash_key";

  /** One sign-in attempt: an email or a phone number and the codes sent for it. */
  record Device(
      String deviceIdHash,
      String email,
      String phoneNumber,
      String linkCodeSalt,
      int failedAttempts) {}

  /** One code of a device. */
  record Code(String codeId, String deviceIdHash, String linkCodeHash, long createdAt) {}

  /** Run with {@link #insertCode} in one transaction: a device never exists without a code. */
  void insertDevice(String appId, String tenantId, Device device);

  /**
   * @throws StorageException with the violation {@link #LINK_CODE_HASH_KEY} when the tenant has a
   *     code with this link code hash, or a foreign-key violation when the device is gone
   */
  void insertCode(String appId, String tenantId, Code code);

  Optional<Device> device(String appId, String tenantId, String deviceIdHash);

  /** The device, locked until the transaction ends. */
  Optional<Device> lockDevice(String appId, String tenantId, String deviceIdHash);

  List<Device> devicesByEmail(String appId, String tenantId, String email);

  List<Device> devicesByPhoneNumber(String appId, String tenantId, String phoneNumber);

  /** A device's codes, oldest first. */
  List<Code> codesOf(String appId, String tenantId, String deviceIdHash);

  Optional<Code> code(String appId, String tenantId, String codeId);

  Optional<Code> codeByLinkCodeHash(String appId, String tenantId, String linkCodeHash);

  void incrementFailedAttempts(String appId, String tenantId, String deviceIdHash);

  /** Deletes a device and, by cascade, its codes. */
  void deleteDevice(String appId, String tenantId, String deviceIdHash);

  void deleteCode(String appId, String tenantId, String codeId);

  void deleteDevicesByEmail(String appId, String tenantId, String email);

  void deleteDevicesByPhoneNumber(String appId, String tenantId, String phoneNumber);

  /** Deletes the devices for this email in every tenant the passwordless user belongs to. */
  void deleteUserDevicesByEmail(String appId, String userId, String email);

  /** Deletes the devices for this phone number in every tenant the user belongs to. */
  void deleteUserDevicesByPhoneNumber(String appId, String userId, String phoneNumber);

  /**
   * Deletes the tenant's devices that have a code created before {@code cutoff} and none since.
   *
   * @return how many were deleted
   */
  int deleteExpiredDevices(String appId, String tenantId, long cutoff);

  /**
   * Writes a new user as the original does: {@code app_id_to_user_id}, {@code
   * all_auth_recipe_users}, {@code passwordless_users} and {@code passwordless_user_to_tenant}. Run
   * it in a transaction.
   *
   * @throws StorageException with the violation {@link #EMAIL_KEY} or {@link #PHONE_NUMBER_KEY}
   *     when the tenant already has a user with this email or phone number
   */
  void insertUser(
      String appId,
      String tenantId,
      String userId,
      String email,
      String phoneNumber,
      long timeJoined);

  /** The id of the tenant's passwordless user with this email. */
  Optional<String> userIdByEmail(String appId, String tenantId, String email);

  /** The id of the tenant's passwordless user with this phone number. */
  Optional<String> userIdByPhoneNumber(String appId, String tenantId, String phoneNumber);

  /** Whether another passwordless user has this email in one of the user's tenants. */
  boolean emailTakenInTenantsOf(String appId, String userId, String email);

  /** Whether another passwordless user has this phone number in one of the user's tenants. */
  boolean phoneNumberTakenInTenantsOf(String appId, String userId, String phoneNumber);

  /** Sets (or, with null, clears) the user's email in every tenant. */
  void updateEmail(String appId, String userId, String email);

  /** Sets (or, with null, clears) the user's phone number in every tenant. */
  void updatePhoneNumber(String appId, String userId, String phoneNumber);
}
