package io.authcore.recipe.totp;

import io.authcore.crypto.Totp;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.Storage;
import io.authcore.storage.TotpStore;
import io.authcore.storage.TotpStore.Device;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's TOTP devices: creating (with a new secret or an imported one), renaming, listing and
 * removing them. Devices belong to the app and the user id is any string, as in the original. Every
 * change locks the user's {@code totp_users} row, so changes of one user run one after the other.
 */
public final class TotpDevices {
  static final String DEFAULT_NAME_PREFIX = "TOTP Device ";

  private final Storage storage;
  private final Clock clock;

  public TotpDevices(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** A new device, with the secret the client shows to the user once. */
  public record Created(String deviceName, String secret) {}

  /**
   * A new unverified device with a new secret. A null name picks the first free {@code TOTP Device
   * n}, n from the number of verified devices; an unverified device of the same name is replaced.
   */
  public Created create(String appId, String userId, String deviceName, int skew, int period) {
    String secret = Totp.newSecret();
    return new Created(add(appId, userId, deviceName, skew, period, secret, false), secret);
  }

  /** A device with a secret made elsewhere; it is verified already. The name it got. */
  public String importDevice(
      String appId, String userId, String deviceName, int skew, int period, String secret) {
    return add(appId, userId, deviceName, skew, period, secret, true);
  }

  private String add(
      String appId,
      String userId,
      String deviceName,
      int skew,
      int period,
      String secret,
      boolean verified) {
    long now = clock.millis();
    return storage.inTransaction(
        tx -> {
          TotpStore totp = tx.totp();
          totp.ensureUser(appId, userId);
          totp.lockUser(appId, userId);
          String name = deviceName;
          if (name == null) {
            long n = totp.devices(appId, userId).stream().filter(Device::verified).count();
            while (isVerified(totp.device(appId, userId, DEFAULT_NAME_PREFIX + n))) {
              n++;
            }
            name = DEFAULT_NAME_PREFIX + n;
          }
          Optional<Device> existing = totp.device(appId, userId, name);
          if (isVerified(existing)) {
            throw new StatusException(Status.DEVICE_ALREADY_EXISTS_ERROR);
          }
          if (existing.isPresent()) {
            totp.deleteDevice(appId, userId, name);
          }
          totp.insertDevice(appId, userId, new Device(name, secret, period, skew, verified, now));
          return name;
        });
  }

  private static boolean isVerified(Optional<Device> device) {
    return device.map(Device::verified).orElse(false);
  }

  public void rename(String appId, String userId, String deviceName, String newName) {
    storage.runInTransaction(
        tx -> {
          TotpStore totp = tx.totp();
          if (!totp.lockUser(appId, userId) || totp.device(appId, userId, deviceName).isEmpty()) {
            throw new StatusException(Status.UNKNOWN_DEVICE_ERROR);
          }
          if (!deviceName.equals(newName) && totp.device(appId, userId, newName).isPresent()) {
            throw new StatusException(Status.DEVICE_ALREADY_EXISTS_ERROR);
          }
          totp.renameDevice(appId, userId, deviceName, newName);
        });
  }

  public List<Device> list(String appId, String userId) {
    return storage.totp().devices(appId, userId);
  }

  /** Whether the device existed. Removing the last one removes the user's TOTP rows. */
  public boolean remove(String appId, String userId, String deviceName) {
    return storage.inTransaction(
        tx -> {
          TotpStore totp = tx.totp();
          if (!totp.lockUser(appId, userId) || !totp.deleteDevice(appId, userId, deviceName)) {
            return false;
          }
          if (totp.devices(appId, userId).isEmpty()) {
            totp.deleteUser(appId, userId);
          }
          return true;
        });
  }

  /** For each id with devices, whether one is verified; ids without devices are absent. */
  public Map<String, Boolean> verifiedStatus(String appId, List<String> userIds) {
    return storage.totp().verifiedStatus(appId, userIds);
  }
}
