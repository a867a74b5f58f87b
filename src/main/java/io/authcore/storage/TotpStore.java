package io.authcore.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TOTP devices ({@code totp_users}, {@code totp_user_devices}; app-scoped, any string as user id)
 * and the codes tried against them ({@code totp_used_codes}; tenant-scoped), in the original's
 * tables and formats: the secret is stored as the Base32 text the client was given.
 */
public interface TotpStore {
  /** One device of a user. */
  record Device(
      String name, String secretKey, int period, int skew, boolean verified, long createdAt) {}

  /** One code tried by a user, valid or not; rows are kept until the clean-up job. */
  record UsedCode(String code, boolean valid, long expiryTime, long createdTime) {}

  /** Writes the {@code totp_users} row unless it is there. */
  void ensureUser(String appId, String userId);

  /**
   * Locks the user's {@code totp_users} row until the transaction ends, so that device changes and
   * code checks of one user run one after the other. False when the user has no row.
   */
  boolean lockUser(String appId, String userId);

  /** The user's devices, in the original's order (by name). */
  List<Device> devices(String appId, String userId);

  Optional<Device> device(String appId, String userId, String deviceName);

  void insertDevice(String appId, String userId, Device device);

  /** Whether a device was deleted. */
  boolean deleteDevice(String appId, String userId, String deviceName);

  void renameDevice(String appId, String userId, String deviceName, String newName);

  void markVerified(String appId, String userId, String deviceName);

  /** Deletes the {@code totp_users} row, and with it (by cascade) devices and used codes. */
  void deleteUser(String appId, String userId);

  /**
   * For each of these ids that has a device: whether one of its devices is verified. Ids without
   * devices are absent.
   */
  Map<String, Boolean> verifiedStatus(String appId, List<String> userIds);

  /** Every code the user tried in the tenant, expired or not, newest first. */
  List<UsedCode> usedCodes(String appId, String tenantId, String userId);

  void insertUsedCode(String appId, String tenantId, String userId, UsedCode code);

  /** Deletes the tenant's used codes that expired before this time; the number deleted. */
  int deleteUsedCodesExpiredBefore(String appId, String tenantId, long time);
}
