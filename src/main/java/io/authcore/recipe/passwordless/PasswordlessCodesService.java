package io.authcore.recipe.passwordless;

import io.authcore.crypto.PasswordlessCodes;
import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.Secrets;
import io.authcore.limits.AbuseLimits;
import io.authcore.limits.Attempt;
import io.authcore.limits.Limit;
import io.authcore.limits.LimitReachedException;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.PasswordlessStore;
import io.authcore.storage.PasswordlessStore.Code;
import io.authcore.storage.PasswordlessStore.Device;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passwordless devices and codes: creating them, checking a code (with the original's lockout
 * rule), removing and listing them. A device is one sign-in attempt for an email or a phone number;
 * each code sent for it has its own link code and user input code. Checking locks the device row,
 * so of two concurrent uses of a code exactly one succeeds. Abuse limits cap wrong and new codes
 * per email or phone number, over all its devices.
 */
public final class PasswordlessCodesService {
  /** Random ids colliding with stored ones is (almost) impossible; retry a little. */
  private static final int ATTEMPTS = 5;

  private final Storage storage;
  private final TenantConfigs configs;
  private final AbuseLimits limits;
  private final Clock clock;

  public PasswordlessCodesService(
      Storage storage, TenantConfigs configs, AbuseLimits limits, Clock clock) {
    this.storage = storage;
    this.configs = configs;
    this.limits = limits;
    this.clock = clock;
  }

  /** A new code, with what the client is given once and the database never holds. */
  public record CreatedCode(
      String preAuthSessionId,
      String codeId,
      String deviceId,
      String userInputCode,
      String linkCode,
      long timeCreated) {}

  /** The preAuthSessionId and deviceId of a consume or check request did not match. */
  public static final class DeviceMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeviceMismatchException() {
      super("preAuthSessionId and deviceId doesn't match", null, false, false);
    }
  }

  /** How long codes of the tenant stay valid, in milliseconds. */
  public long codeLifetime(TenantId tenant) {
    return configs.config(tenant).longValue("passwordless_code_lifetime");
  }

  /**
   * A new device and its first code for an email or a phone number (exactly one non-null). {@code
   * userInputCode} null means six random digits. Past {@code abuse_passwordless_codes_per_account}:
   * {@link LimitReachedException}.
   */
  public CreatedCode createDevice(
      TenantId tenant, String email, String phoneNumber, String userInputCode) {
    String account = email != null ? email : phoneNumber;
    if (!limits.allow(Limit.PASSWORDLESS_CODES_PER_ACCOUNT, tenant.appId(), account)) {
      throw new LimitReachedException(Limit.PASSWORDLESS_CODES_PER_ACCOUNT);
    }
    for (int attempt = 1; ; attempt++) {
      String deviceId = PasswordlessCodes.newDeviceId();
      String salt = PasswordlessCodes.newLinkCodeSalt();
      NewCode code = newCode(deviceId, salt, userInputCode);
      Device device = new Device(code.row.deviceIdHash(), email, phoneNumber, salt, 0);
      try {
        storage.runInTransaction(
            tx -> {
              tx.passwordless().insertDevice(tenant.appId(), tenant.tenantId(), device);
              tx.passwordless().insertCode(tenant.appId(), tenant.tenantId(), code.row);
            });
        return code.created;
      } catch (StorageException e) {
        // A new device id gives a new link code hash too: every collision is worth a retry.
        if (e.violation().filter(v -> v.kind() == Kind.UNIQUE).isEmpty() || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Another code for an existing device (a resend).
   *
   * @throws StatusException {@code RESTART_FLOW_ERROR}: no such device, or its account is past its
   *     codes limit; {@code USER_INPUT_CODE_ALREADY_USED_ERROR}: that code was sent for it already
   * @throws PasswordlessCodes.EncodingException for a device id that is not Base64
   */
  public CreatedCode resend(TenantId tenant, String deviceId, String userInputCode) {
    String hash = PasswordlessCodes.deviceIdHash(PasswordlessCodes.decodeDeviceId(deviceId));
    PasswordlessStore store = storage.passwordless();
    Device device =
        store
            .device(tenant.appId(), tenant.tenantId(), hash)
            .orElseThrow(PasswordlessCodesService::restart);
    if (!limits.allow(Limit.PASSWORDLESS_CODES_PER_ACCOUNT, tenant.appId(), account(device))) {
      throw restart();
    }
    for (int attempt = 1; ; attempt++) {
      NewCode code = newCode(deviceId, device.linkCodeSalt(), userInputCode);
      try {
        store.insertCode(tenant.appId(), tenant.tenantId(), code.row);
        return code.created;
      } catch (StorageException e) {
        Violation v = e.violation().orElseThrow(() -> e);
        if (v.kind() == Kind.FOREIGN_KEY) {
          throw restart(); // the device was consumed or removed meanwhile
        }
        if (v.is(Kind.UNIQUE, PasswordlessStore.LINK_CODE_HASH_KEY) && userInputCode != null) {
          // The same device and user input code always give the same link code.
          throw new StatusException(Status.USER_INPUT_CODE_ALREADY_USED_ERROR);
        }
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private record NewCode(Code row, CreatedCode created) {}

  private NewCode newCode(String deviceId, String salt, String userInputCode) {
    byte[] deviceIdBytes = PasswordlessCodes.decodeDeviceId(deviceId);
    String hash = PasswordlessCodes.deviceIdHash(deviceIdBytes);
    String userCode = userInputCode != null ? userInputCode : PasswordlessCodes.newUserInputCode();
    String linkCode = PasswordlessCodes.linkCode(deviceIdBytes, salt, userCode);
    String codeId = RandomTokens.uuid();
    long now = clock.millis();
    return new NewCode(
        new Code(codeId, hash, PasswordlessCodes.linkCodeHash(linkCode), now),
        new CreatedCode(hash, codeId, deviceId, userCode, linkCode, now));
  }

  /**
   * What the client proves: a link code, or a device id and the code its user typed, both with the
   * preAuthSessionId of the device.
   */
  public record Proof(String preAuthSessionId, String linkCode, String deviceId, String userCode) {
    boolean byDeviceId() {
      return deviceId != null;
    }
  }

  /**
   * Checks a code and returns its device. A wrong or expired user input code counts as a failed
   * attempt; the device is deleted once the attempts reach {@code
   * passwordless_max_code_input_attempts}. With {@code consume}, success deletes every device of
   * the tenant for the device's email or phone number. An account past its abuse limit of wrong
   * codes gets {@code RESTART_FLOW_ERROR}, its code unchecked.
   *
   * @throws StatusException {@code RESTART_FLOW_ERROR}, {@code INCORRECT_USER_INPUT_CODE_ERROR} or
   *     {@code EXPIRED_USER_INPUT_CODE_ERROR} (the last two with the attempt counts)
   * @throws DeviceMismatchException when the preAuthSessionId is not the device's
   * @throws PasswordlessCodes.EncodingException for a device id or link code that is not Base64
   */
  public Device check(TenantId tenant, Proof proof, boolean consume) {
    String appId = tenant.appId();
    String tenantId = tenant.tenantId();
    long lifetime = codeLifetime(tenant);
    String deviceIdHash;
    String linkCodeHash;
    String account = null; // only a typed code is limited: a link code cannot be guessed
    if (!proof.byDeviceId()) {
      linkCodeHash = PasswordlessCodes.linkCodeHash(proof.linkCode());
      Code code =
          storage
              .passwordless()
              .codeByLinkCodeHash(appId, tenantId, linkCodeHash)
              .filter(c -> c.createdAt() >= clock.millis() - lifetime)
              .orElseThrow(PasswordlessCodesService::restart);
      deviceIdHash = code.deviceIdHash();
    } else {
      byte[] deviceId = PasswordlessCodes.decodeDeviceId(proof.deviceId());
      deviceIdHash = PasswordlessCodes.deviceIdHash(deviceId);
      Device device =
          storage
              .passwordless()
              .device(appId, tenantId, deviceIdHash)
              .orElseThrow(PasswordlessCodesService::restart);
      linkCodeHash =
          PasswordlessCodes.linkCodeHash(
              PasswordlessCodes.linkCode(deviceId, device.linkCodeSalt(), proof.userCode()));
      account = account(device);
    }
    if (!Secrets.equal(deviceIdHash, proof.preAuthSessionId().replace("=", ""))) {
      throw new DeviceMismatchException();
    }
    Attempt attempt =
        limits
            .begin(appId, Limit.PASSWORDLESS_CODE_FAILURES_PER_ACCOUNT, account)
            .orElseThrow(PasswordlessCodesService::restart);
    try {
      Checked checked = checkLocked(tenant, deviceIdHash, linkCodeHash, proof, consume);
      if (checked.failure == null) {
        attempt.succeeded();
        return checked.device;
      }
      if (checked.wrongCode) {
        attempt.failed();
      }
      throw checked.failure;
    } finally {
      attempt.abandoned();
    }
  }

  private static String account(Device device) {
    return device.email() != null ? device.email() : device.phoneNumber();
  }

  private Checked checkLocked(
      TenantId tenant, String deviceIdHash, String linkCodeHash, Proof proof, boolean consume) {
    String appId = tenant.appId();
    String tenantId = tenant.tenantId();
    long lifetime = codeLifetime(tenant);
    int maxAttempts = configs.config(tenant).integer("passwordless_max_code_input_attempts");
    // A failed attempt must be counted (committed) and still be reported: the transaction returns
    // the outcome rather than throwing it.
    return storage.inTransaction(
        tx -> {
          PasswordlessStore store = tx.passwordless();
          Optional<Device> locked = store.lockDevice(appId, tenantId, deviceIdHash);
          if (locked.isEmpty()) {
            return Checked.restart();
          }
          Device device = locked.get();
          if (device.failedAttempts() >= maxAttempts) {
            // The limit was lowered since the last attempt.
            store.deleteDevice(appId, tenantId, deviceIdHash);
            return Checked.restart();
          }
          Optional<Code> code = store.codeByLinkCodeHash(appId, tenantId, linkCodeHash);
          boolean expired = code.isPresent() && code.get().createdAt() < clock.millis() - lifetime;
          if (code.isEmpty() || expired) {
            if (!proof.byDeviceId()) {
              return Checked.restart();
            }
            int failed = device.failedAttempts() + 1;
            if (failed >= maxAttempts) {
              store.deleteDevice(appId, tenantId, deviceIdHash);
              return new Checked(null, restart(), true);
            }
            store.incrementFailedAttempts(appId, tenantId, deviceIdHash);
            return new Checked(null, wrongCode(expired, failed, maxAttempts), true);
          }
          if (consume) {
            if (device.email() != null) {
              store.deleteDevicesByEmail(appId, tenantId, device.email());
            } else if (device.phoneNumber() != null) {
              store.deleteDevicesByPhoneNumber(appId, tenantId, device.phoneNumber());
            }
          }
          return new Checked(device, null, false);
        });
  }

  /** {@code wrongCode}: a typed code was wrong or expired (a guess). */
  private record Checked(Device device, StatusException failure, boolean wrongCode) {
    static Checked restart() {
      return new Checked(null, PasswordlessCodesService.restart(), false);
    }
  }

  private static StatusException wrongCode(boolean expired, int failed, int maxAttempts) {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("failedCodeInputAttemptCount", failed);
    counts.put("maximumCodeInputAttempts", maxAttempts);
    return new StatusException(
        expired ? Status.EXPIRED_USER_INPUT_CODE_ERROR : Status.INCORRECT_USER_INPUT_CODE_ERROR,
        counts);
  }

  static StatusException restart() {
    return new StatusException(Status.RESTART_FLOW_ERROR);
  }

  /** Removes a code; the device goes with its last code. Unknown codes are ignored. */
  public void removeCode(TenantId tenant, String codeId) {
    String appId = tenant.appId();
    String tenantId = tenant.tenantId();
    Optional<Code> code = storage.passwordless().code(appId, tenantId, codeId);
    if (code.isEmpty()) {
      return;
    }
    String deviceIdHash = code.get().deviceIdHash();
    storage.runInTransaction(
        tx -> {
          PasswordlessStore store = tx.passwordless();
          store.lockDevice(appId, tenantId, deviceIdHash);
          List<Code> codes = store.codesOf(appId, tenantId, deviceIdHash);
          if (codes.stream().noneMatch(c -> c.codeId().equals(codeId))) {
            return; // removed meanwhile
          }
          if (codes.size() == 1) {
            store.deleteDevice(appId, tenantId, deviceIdHash);
          } else {
            store.deleteCode(appId, tenantId, codeId);
          }
        });
  }

  /** Removes a device (by its preAuthSessionId) and its codes. */
  public void removeDevice(TenantId tenant, String deviceIdHash) {
    storage.passwordless().deleteDevice(tenant.appId(), tenant.tenantId(), deviceIdHash);
  }

  public void removeByEmail(TenantId tenant, String email) {
    storage.passwordless().deleteDevicesByEmail(tenant.appId(), tenant.tenantId(), email);
  }

  public void removeByPhoneNumber(TenantId tenant, String phoneNumber) {
    storage
        .passwordless()
        .deleteDevicesByPhoneNumber(tenant.appId(), tenant.tenantId(), phoneNumber);
  }

  /** A device and its codes, for listing. */
  public record DeviceWithCodes(Device device, List<Code> codes) {}

  /**
   * @throws PasswordlessCodes.EncodingException for a device id that is not Base64
   */
  public List<DeviceWithCodes> byDeviceId(TenantId tenant, String deviceId) {
    return byPreAuthSessionId(
        tenant, PasswordlessCodes.deviceIdHash(PasswordlessCodes.decodeDeviceId(deviceId)));
  }

  public List<DeviceWithCodes> byPreAuthSessionId(TenantId tenant, String deviceIdHash) {
    return withCodes(
        tenant,
        storage.passwordless().device(tenant.appId(), tenant.tenantId(), deviceIdHash).stream()
            .toList());
  }

  public List<DeviceWithCodes> byEmail(TenantId tenant, String email) {
    return withCodes(
        tenant, storage.passwordless().devicesByEmail(tenant.appId(), tenant.tenantId(), email));
  }

  public List<DeviceWithCodes> byPhoneNumber(TenantId tenant, String phoneNumber) {
    return withCodes(
        tenant,
        storage
            .passwordless()
            .devicesByPhoneNumber(tenant.appId(), tenant.tenantId(), phoneNumber));
  }

  private List<DeviceWithCodes> withCodes(TenantId tenant, List<Device> devices) {
    return devices.stream()
        .map(
            d ->
                new DeviceWithCodes(
                    d,
                    storage
                        .passwordless()
                        .codesOf(tenant.appId(), tenant.tenantId(), d.deviceIdHash())))
        .toList();
  }

  /**
   * Deletes the devices whose codes have all expired, tenant by tenant with each tenant's lifetime,
   * as the original's hourly job does. Expired codes of a live device stay, so that a late attempt
   * is told EXPIRED rather than INCORRECT.
   */
  public int purgeExpired() {
    int deleted = 0;
    for (TenantConfig tenant : configs.all()) {
      TenantId id = tenant.id();
      long cutoff = clock.millis() - codeLifetime(id);
      deleted += storage.passwordless().deleteExpiredDevices(id.appId(), id.tenantId(), cutoff);
    }
    return deleted;
  }
}
