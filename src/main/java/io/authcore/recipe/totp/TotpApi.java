package io.authcore.recipe.totp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.BulkUserIds;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.totp.TotpDevices.Created;
import io.authcore.storage.TotpStore.Device;
import java.util.List;
import java.util.Map;

/**
 * The TOTP endpoints, served at every CDI version as by the original (which never checks one here,
 * apart from the attempt counts on refusals from 5.0). Devices belong to the app; codes are checked
 * and recorded in the tenant of the path. Always enabled: the original's MFA licence gate (402) has
 * no counterpart here.
 */
public final class TotpApi implements Api {

  private final TotpDevices devices;
  private final TotpVerification verification;

  public TotpApi(TotpDevices devices, TotpVerification verification) {
    this.devices = devices;
    this.verification = verification;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/totp/device", this::create).scope(Scope.APP_PUBLIC_TENANT);
    r.put("/recipe/totp/device", this::rename).scope(Scope.APP_PUBLIC_TENANT);
    r.get("/recipe/totp/device/list", this::list).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/totp/device/remove", this::remove).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/totp/device/import", this::importDevice).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/totp/device/status/bulk", this::bulkStatus).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/totp/device/verify", this::verifyDevice);
    r.post("/recipe/totp/verify", this::verify);
  }

  /** The settings of a new device, checked in the original's order. */
  private record DeviceInput(String userId, String deviceName, int skew, int period) {}

  private static DeviceInput deviceInput(JsonBody in) {
    String userId = in.string("userId");
    String deviceName = in.optionalString("deviceName").orElse(null);
    int skew = in.gsonInt("skew");
    int period = in.gsonInt("period");
    return new DeviceInput(userId, deviceName, skew, period);
  }

  private static void checkNames(DeviceInput device) {
    notEmpty("userId", device.userId());
    if (device.deviceName() != null) {
      notEmpty("deviceName", device.deviceName());
    }
  }

  private static void checkTiming(DeviceInput device) {
    if (device.skew() < 0) {
      throw HttpError.badRequest("skew must be >= 0");
    }
    if (device.period() <= 0) {
      throw HttpError.badRequest("period must be > 0");
    }
    MaxLength.USER_ID.check("userId", device.userId());
    MaxLength.TOTP_DEVICE_FIELD.check("deviceName", device.deviceName());
  }

  private static void notEmpty(String field, String value) {
    if (value.isEmpty()) {
      throw HttpError.badRequest(field + " cannot be empty");
    }
  }

  private Object create(Call call) {
    DeviceInput device = deviceInput(call.body());
    checkNames(device);
    checkTiming(device);
    Created created =
        devices.create(
            call.tenant().appId(),
            device.userId(),
            device.deviceName(),
            device.skew(),
            device.period());
    return Json.ok().put("deviceName", created.deviceName()).put("secret", created.secret());
  }

  private Object importDevice(Call call) {
    JsonBody in = call.body();
    DeviceInput device = deviceInput(in);
    String secret = in.string("secretKey");
    checkNames(device);
    notEmpty("secretKey", secret);
    checkTiming(device);
    MaxLength.TOTP_DEVICE_FIELD.check("secretKey", secret);
    String name =
        devices.importDevice(
            call.tenant().appId(),
            device.userId(),
            device.deviceName(),
            device.skew(),
            device.period(),
            secret);
    return Json.ok().put("deviceName", name);
  }

  private Object rename(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String existingName = in.string("existingDeviceName");
    String newName = in.string("newDeviceName");
    notEmpty("userId", userId);
    notEmpty("existingDeviceName", existingName);
    notEmpty("newDeviceName", newName);
    MaxLength.TOTP_DEVICE_FIELD.check("newDeviceName", newName);
    devices.rename(call.tenant().appId(), userId, existingName, newName);
    return Json.ok();
  }

  private Object list(Call call) {
    String userId = call.query().string("userId");
    notEmpty("userId", userId);
    ObjectNode out = Json.ok();
    ArrayNode list = out.putArray("devices");
    for (Device device : devices.list(call.tenant().appId(), userId)) {
      list.addObject()
          .put("name", device.name())
          .put("period", device.period())
          .put("skew", device.skew())
          .put("verified", device.verified());
    }
    return out;
  }

  private Object remove(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String deviceName = in.string("deviceName");
    notEmpty("userId", userId);
    notEmpty("deviceName", deviceName);
    boolean existed = devices.remove(call.tenant().appId(), userId, deviceName);
    return Json.ok().put("didDeviceExist", existed);
  }

  private Object bulkStatus(Call call) {
    List<String> userIds = BulkUserIds.of(call.body());
    Map<String, Boolean> status = devices.verifiedStatus(call.tenant().appId(), userIds);
    ObjectNode out = Json.ok();
    ArrayNode users = out.putArray("users");
    for (String userId : userIds) {
      // null: no device; false: only unverified ones.
      users.addObject().put("userId", userId).put("hasVerifiedDevice", status.get(userId));
    }
    return out;
  }

  private Object verifyDevice(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String deviceName = in.string("deviceName");
    String totp = in.string("totp");
    notEmpty("userId", userId);
    notEmpty("deviceName", deviceName);
    try {
      boolean wasVerified = verification.verifyDevice(call.tenant(), userId, deviceName, totp);
      return Json.ok().put("wasAlreadyVerified", wasVerified);
    } catch (TotpRefusal refusal) {
      return refused(refusal, call.cdi());
    }
  }

  private Object verify(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String totp = in.string("totp");
    notEmpty("userId", userId);
    try {
      verification.verifyCode(call.tenant(), userId, totp);
      return Json.ok();
    } catch (TotpRefusal refusal) {
      return refused(refusal, call.cdi());
    }
  }

  private static ObjectNode refused(TotpRefusal refusal, CdiVersion cdi) {
    ObjectNode out = Json.object().put("status", refusal.status().name());
    if (refusal.limitReached()) {
      out.put("retryAfterMs", refusal.retryAfterMs());
    }
    if (cdi.atLeast(CdiVersion.V5_0)) {
      out.put("currentNumberOfFailedAttempts", refusal.failedAttempts());
      out.put("maxNumberOfFailedAttempts", refusal.maxFailedAttempts());
    }
    return out;
  }
}
