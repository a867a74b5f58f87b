package io.authcore.recipe.passwordless;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.PasswordlessCodes;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.Endpoint;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Query;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.recipe.Limited;
import io.authcore.recipe.LoginRecipeGate;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.passwordless.PasswordlessCodesService.CreatedCode;
import io.authcore.recipe.passwordless.PasswordlessCodesService.DeviceMismatchException;
import io.authcore.recipe.passwordless.PasswordlessCodesService.DeviceWithCodes;
import io.authcore.recipe.passwordless.PasswordlessCodesService.Proof;
import io.authcore.recipe.passwordless.PasswordlessService.Consumed;
import io.authcore.recipe.passwordless.PasswordlessUserUpdate.FieldUpdate;
import io.authcore.recipe.passwordless.PasswordlessUserUpdate.NoContactLeftException;
import io.authcore.recipe.users.Emails;
import io.authcore.recipe.users.PhoneNumbers;
import io.authcore.recipe.users.UserView;
import io.authcore.storage.PasswordlessStore.Code;
import io.authcore.storage.PasswordlessStore.Device;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The passwordless endpoints, at every CDI version the original serves them (all of them). {@code
 * GET}/{@code PUT /recipe/user} answer the {@code passwordless} rid.
 */
public final class PasswordlessApi implements Api {
  private final PasswordlessCodesService codes;
  private final PasswordlessService accounts;
  private final PasswordlessUserUpdate updates;
  private final Tenants tenants;
  private final TenantConfigs configs;

  public PasswordlessApi(
      PasswordlessCodesService codes,
      PasswordlessService accounts,
      PasswordlessUserUpdate updates,
      Tenants tenants,
      TenantConfigs configs) {
    this.codes = codes;
    this.accounts = accounts;
    this.updates = updates;
    this.tenants = tenants;
    this.configs = configs;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/signinup/code", decoded(Limited.endpoint(this::createCode)));
    r.post("/recipe/signinup/code/consume", decoded(this::consume));
    r.post("/recipe/signinup/code/check", decoded(this::check));
    r.post("/recipe/signinup/code/remove", this::removeCode);
    r.post("/recipe/signinup/codes/remove", this::removeCodes);
    r.get("/recipe/signinup/codes", decoded(this::listCodes));
    // By id app-specific, by email or phone tenant-specific: the endpoint checks which.
    r.get("/recipe/user", this::user).scope(Scope.APP).rid(PasswordlessService.RECIPE);
    r.put("/recipe/user", this::update)
        .scope(Scope.APP_PUBLIC_TENANT)
        .rid(PasswordlessService.RECIPE);
  }

  /** Undecodable ids and mismatched ones are bad input, in the original's words. */
  private static Endpoint decoded(Endpoint endpoint) {
    return call -> {
      try {
        return endpoint.handle(call);
      } catch (PasswordlessCodes.EncodingException | DeviceMismatchException e) {
        throw HttpError.badRequest(e.getMessage());
      }
    };
  }

  /** Before CDI 5.1 a tenant could switch passwordless off. */
  private void checkEnabled(Call call) {
    configs
        .find(call.tenant())
        .ifPresent(config -> LoginRecipeGate.PASSWORDLESS.check(config, call.cdi()));
  }

  private Object createCode(Call call) {
    JsonBody in = call.body();
    String email = in.has("email") ? Emails.normalise(in.string("email")) : null;
    String phone = PhoneNumbers.normalise(in.optionalString("phoneNumber").orElse(null));
    String deviceId = in.optionalString("deviceId").orElse(null);
    if (Stream.of(email, phone, deviceId).filter(Objects::nonNull).count() != 1) {
      throw HttpError.badRequest("Please provide exactly one of email, phoneNumber or deviceId");
    }
    String userInputCode = in.optionalString("userInputCode").orElse(null);
    if (userInputCode != null && userInputCode.isEmpty()) {
      throw HttpError.badRequest("userInputCode cannot be an empty string.");
    }
    checkEnabled(call);
    CreatedCode created =
        deviceId != null
            ? codes.resend(call.tenant(), deviceId, userInputCode)
            : codes.createDevice(call.tenant(), email, phone, userInputCode);
    ObjectNode out = Json.ok();
    out.put("preAuthSessionId", created.preAuthSessionId());
    out.put("codeId", created.codeId());
    out.put("deviceId", created.deviceId());
    out.put("userInputCode", created.userInputCode());
    out.put("linkCode", created.linkCode());
    out.put("timeCreated", created.timeCreated());
    out.put("codeLifetime", codes.codeLifetime(call.tenant()));
    return out;
  }

  /** Consume and check read the same proof, with the same 400s. */
  private Proof proof(Call call) {
    JsonBody in = call.body();
    String preAuthSessionId = in.string("preAuthSessionId");
    String exactlyOne = "Please provide exactly one of linkCode or deviceId+userInputCode";
    Proof proof;
    if (in.has("linkCode")) {
      if (in.has("userInputCode") || in.has("deviceId")) {
        throw HttpError.badRequest(exactlyOne);
      }
      proof = new Proof(preAuthSessionId, in.string("linkCode"), null, null);
    } else if (in.has("userInputCode") && in.has("deviceId")) {
      String deviceId = in.string("deviceId");
      proof = new Proof(preAuthSessionId, null, deviceId, in.string("userInputCode"));
    } else {
      throw HttpError.badRequest(exactlyOne);
    }
    checkEnabled(call);
    return proof;
  }

  private Object consume(Call call) {
    Proof proof = proof(call);
    Consumed consumed = accounts.consume(call.tenant(), proof, call.cdi().atLeast(CdiVersion.V4_0));
    ObjectNode out = Json.ok();
    out.put("createdNewUser", consumed.createdNewUser());
    out.set("user", UserView.at(call.cdi()).of(consumed.user()));
    if (call.cdi().atLeast(CdiVersion.V4_0) && consumed.recipeUserId() != null) {
      out.put("recipeUserId", consumed.recipeUserId());
    }
    if (call.cdi().atLeast(CdiVersion.V5_0)) {
      out.set("consumedDevice", device(consumed.consumedDevice()));
    }
    return out;
  }

  private Object check(Call call) {
    Device device = codes.check(call.tenant(), proof(call), false);
    ObjectNode out = Json.ok();
    out.set("consumedDevice", device(device));
    return out;
  }

  private static ObjectNode device(Device device) {
    ObjectNode out = Json.object();
    out.put("preAuthSessionId", device.deviceIdHash());
    out.put("failedCodeInputAttemptCount", device.failedAttempts());
    if (device.email() != null) {
      out.put("email", device.email());
    }
    if (device.phoneNumber() != null) {
      out.put("phoneNumber", device.phoneNumber());
    }
    return out;
  }

  private Object removeCode(Call call) {
    JsonBody in = call.body();
    // From 5.0 a whole device may be removed instead, by its preAuthSessionId.
    boolean byDeviceToo = call.cdi().atLeast(CdiVersion.V5_0);
    String codeId = byDeviceToo ? in.optionalString("codeId").orElse(null) : in.string("codeId");
    String preAuthSessionId =
        byDeviceToo ? in.optionalString("preAuthSessionId").orElse(null) : null;
    if (codeId == null && preAuthSessionId == null) {
      throw HttpError.badRequest("Please provide either 'codeId' or 'preAuthSessionId'");
    }
    if (codeId != null && preAuthSessionId != null) {
      throw HttpError.badRequest("Please provide only one of 'codeId' or 'preAuthSessionId'");
    }
    if (codeId != null) {
      codes.removeCode(call.tenant(), codeId);
    } else {
      codes.removeDevice(call.tenant(), preAuthSessionId);
    }
    return Json.ok();
  }

  private Object removeCodes(Call call) {
    JsonBody in = call.body();
    Optional<String> email = in.optionalString("email");
    String phone = PhoneNumbers.normalise(in.optionalString("phoneNumber").orElse(null));
    if (email.isPresent() == (phone != null)) {
      throw HttpError.badRequest("Please provide exactly one of email or phoneNumber");
    }
    if (email.isPresent()) {
      codes.removeByEmail(call.tenant(), Emails.normalise(email.get()));
    } else {
      codes.removeByPhoneNumber(call.tenant(), phone);
    }
    return Json.ok();
  }

  private Object listCodes(Call call) {
    Query q = call.query();
    Optional<String> email = q.optional("email");
    Optional<String> phone = q.optional("phoneNumber").map(PhoneNumbers::normalise);
    Optional<String> deviceId = q.optional("deviceId");
    Optional<String> preAuthSessionId = q.optional("preAuthSessionId");
    if (Stream.of(email, phone, deviceId, preAuthSessionId).filter(Optional::isPresent).count()
        != 1) {
      throw HttpError.badRequest(
          "Please provide exactly one of email, phoneNumber, deviceId or preAuthSessionId");
    }
    List<DeviceWithCodes> found;
    if (deviceId.isPresent()) {
      found = codes.byDeviceId(call.tenant(), deviceId.get());
    } else if (preAuthSessionId.isPresent()) {
      found = codes.byPreAuthSessionId(call.tenant(), preAuthSessionId.get());
    } else if (email.isPresent()) {
      found = codes.byEmail(call.tenant(), Emails.normalise(email.get()));
    } else {
      found = codes.byPhoneNumber(call.tenant(), phone.get());
    }
    long lifetime = codes.codeLifetime(call.tenant());
    ArrayNode devices = Json.MAPPER.createArrayNode();
    for (DeviceWithCodes d : found) {
      ObjectNode device = device(d.device());
      ArrayNode list = device.putArray("codes");
      for (Code c : d.codes()) {
        list.addObject()
            .put("codeId", c.codeId())
            .put("timeCreated", c.createdAt())
            .put("codeLifetime", lifetime);
      }
      devices.add(device);
    }
    ObjectNode out = Json.ok();
    out.set("devices", devices);
    return out;
  }

  private Object user(Call call) {
    Query q = call.query();
    Optional<String> userId = q.optional("userId");
    Optional<String> email = q.optional("email");
    Optional<String> phone = q.optional("phoneNumber").map(PhoneNumbers::normalise);
    if (Stream.of(userId, email, phone).filter(Optional::isPresent).count() != 1) {
      throw HttpError.badRequest("Please provide exactly one of userId, email or phoneNumber");
    }
    AuthUser found;
    if (userId.isPresent()) {
      AppScope.requirePublicTenant(call);
      found =
          orElse(accounts.byId(call.tenant().appId(), userId.get()), Status.UNKNOWN_USER_ID_ERROR);
    } else {
      if (!tenants.tenantExists(call.tenant())) {
        throw HttpError.tenantNotFound(call.tenant());
      }
      found =
          email.isPresent()
              ? orElse(
                  accounts.byEmail(call.tenant(), Emails.normalise(email.get())),
                  Status.UNKNOWN_EMAIL_ERROR)
              : orElse(
                  accounts.byPhoneNumber(call.tenant(), phone.get()),
                  Status.UNKNOWN_PHONE_NUMBER_ERROR);
    }
    ObjectNode out = Json.ok();
    out.set("user", UserView.at(call.cdi()).of(found));
    return out;
  }

  private static AuthUser orElse(Optional<AuthUser> user, Status status) {
    return user.orElseThrow(() -> new StatusException(status));
  }

  private Object update(Call call) {
    JsonBody in = call.body();
    // Account linking renamed the field: a login method, no longer the user.
    String recipeUserId = in.string(call.cdi().below(CdiVersion.V4_0) ? "userId" : "recipeUserId");
    FieldUpdate email = fieldUpdate(in, "email", Emails::normalise);
    FieldUpdate phone = fieldUpdate(in, "phoneNumber", PhoneNumbers::normalise);
    try {
      updates.update(call.tenant().appId(), recipeUserId, email, phone);
    } catch (NoContactLeftException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    return Json.ok();
  }

  /** Absent keeps the field (null); a JSON null clears it; a string replaces it. */
  private static FieldUpdate fieldUpdate(
      JsonBody in, String field, Function<String, String> normalise) {
    if (!in.has(field)) {
      return null;
    }
    return new FieldUpdate(
        in.node().get(field).isNull() ? null : normalise.apply(in.string(field)));
  }
}
