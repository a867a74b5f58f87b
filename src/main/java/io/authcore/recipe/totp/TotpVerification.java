package io.authcore.recipe.totp;

import io.authcore.config.CoreConfig;
import io.authcore.crypto.Totp;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.Storage;
import io.authcore.storage.TotpStore;
import io.authcore.storage.TotpStore.Device;
import io.authcore.storage.TotpStore.UsedCode;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checking codes: against one unverified device (which it then verifies) or against all of a user's
 * verified devices, with the original's rate limit and replay refusal. Every attempt that reaches
 * the check is recorded in the tenant's used codes, under a row lock on the user's {@code
 * totp_users} row, so parallel attempts of one user are counted one after the other and cannot get
 * past the limit.
 */
public final class TotpVerification {
  /** Codes longer than this are refused without being recorded (the column holds 8). */
  private static final int MAX_CODE_LENGTH = 8;

  private final Storage storage;
  private final TenantConfigs configs;
  private final Clock clock;

  public TotpVerification(Storage storage, TenantConfigs configs, Clock clock) {
    this.storage = storage;
    this.configs = configs;
    this.clock = clock;
  }

  /**
   * Verifies the named device with a code of it. True when it was verified already, in which case
   * the code is not looked at.
   *
   * @throws TotpRefusal for a wrong code or a user over the limit
   */
  public boolean verifyDevice(TenantId tenant, String userId, String deviceName, String code) {
    DeviceCheck result =
        storage.inTransaction(
            tx -> {
              TotpStore totp = tx.totp();
              Optional<Device> device =
                  totp.lockUser(tenant.appId(), userId)
                      ? totp.device(tenant.appId(), userId, deviceName)
                      : Optional.empty();
              if (device.isEmpty()) {
                throw new StatusException(Status.UNKNOWN_DEVICE_ERROR);
              }
              if (device.get().verified()) {
                return new DeviceCheck(true, Optional.empty());
              }
              Optional<TotpRefusal> refusal =
                  check(totp, tenant, userId, List.of(device.get()), code);
              if (refusal.isEmpty()) {
                totp.markVerified(tenant.appId(), userId, deviceName);
              }
              return new DeviceCheck(false, refusal);
            });
    // Thrown after the commit: a refused attempt stays recorded.
    result.refusal().ifPresent(TotpVerification::refuse);
    return result.wasVerified();
  }

  private record DeviceCheck(boolean wasVerified, Optional<TotpRefusal> refusal) {}

  private static void refuse(TotpRefusal refusal) {
    throw refusal;
  }

  /**
   * Checks a code against the user's verified devices.
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR} when the user has no device at all
   * @throws TotpRefusal for a wrong code or a user over the limit
   */
  public void verifyCode(TenantId tenant, String userId, String code) {
    storage
        .inTransaction(
            tx -> {
              TotpStore totp = tx.totp();
              List<Device> devices =
                  totp.lockUser(tenant.appId(), userId)
                      ? totp.devices(tenant.appId(), userId)
                      : List.of();
              if (devices.isEmpty()) {
                throw new StatusException(Status.UNKNOWN_USER_ID_ERROR);
              }
              List<Device> verified = devices.stream().filter(Device::verified).toList();
              return check(totp, tenant, userId, verified, code);
            })
        .ifPresent(TotpVerification::refuse);
  }

  /** The refusal, if any; the attempt is recorded in the open transaction unless it is over. */
  private Optional<TotpRefusal> check(
      TotpStore totp, TenantId tenant, String userId, List<Device> devices, String code) {
    CoreConfig config = configs.config(tenant);
    int max = config.integer("totp_max_attempts");
    long cooldownMs = config.integer("totp_rate_limit_cooldown_sec") * 1000L;
    long now = clock.millis();
    List<UsedCode> used = totp.usedCodes(tenant.appId(), tenant.tenantId(), userId);
    FailedAttempts failed = FailedAttempts.of(used, max, cooldownMs);
    int previousFailures = failed.count();
    if (failed.count() == max) {
      long sinceNewest = now - failed.newestFailure();
      if (sinceNewest < cooldownMs) {
        // Not recorded: recording it would push the end of the cooldown further out.
        return Optional.of(TotpRefusal.limitReached(cooldownMs - sinceNewest, max, max));
      }
      previousFailures = 0;
    }
    if (code.length() > MAX_CODE_LENGTH) {
      return Optional.of(TotpRefusal.invalid(previousFailures + 1, max));
    }
    Device matching = null;
    for (Device device : devices) {
      if (Totp.matches(device.secretKey(), device.period(), device.skew(), now, code)) {
        matching = device;
        break;
      }
    }
    // A code still within its lifetime that was accepted once is a replay.
    boolean valid =
        matching != null
            && used.stream()
                .noneMatch(u -> u.valid() && u.expiryTime() > now && u.code().equals(code));
    long lifetimeSec =
        matching != null
            ? lifetimeSec(matching)
            : devices.stream().mapToLong(TotpVerification::lifetimeSec).max().orElse(0);
    // Two attempts in the same millisecond would share the primary key; the later one is recorded
    // one millisecond on (the original refuses it unrecorded).
    long created = used.isEmpty() ? now : Math.max(now, used.get(0).createdTime() + 1);
    totp.insertUsedCode(
        tenant.appId(),
        tenant.tenantId(),
        userId,
        new UsedCode(code, valid, now + lifetimeSec * 1000, created));
    return valid ? Optional.empty() : Optional.of(TotpRefusal.invalid(previousFailures + 1, max));
  }

  private static long lifetimeSec(Device device) {
    return (long) device.period() * (2L * device.skew() + 1);
  }

  /** The hourly job: used codes that expired more than one cooldown ago, in every tenant. */
  public int purgeExpired() {
    int deleted = 0;
    for (TenantConfig tenant : configs.all()) {
      TenantId id = tenant.id();
      long cooldownMs = configs.config(id).integer("totp_rate_limit_cooldown_sec") * 1000L;
      deleted +=
          storage
              .totp()
              .deleteUsedCodesExpiredBefore(id.appId(), id.tenantId(), clock.millis() - cooldownMs);
    }
    return deleted;
  }
}
