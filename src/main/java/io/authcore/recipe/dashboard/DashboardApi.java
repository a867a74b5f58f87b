package io.authcore.recipe.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.users.Emails;
import io.authcore.storage.DashboardStore.Admin;
import io.authcore.storage.DashboardStore.AdminSession;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import java.util.Optional;

/**
 * The endpoints the backend SDKs' dashboard recipe calls for its admin accounts and sign-ins,
 * served at every CDI version as by the original. They belong to the app: each reads its input
 * first, then looks the app up and, from CDI 5.0, refuses a tenant other than the public one, in
 * the original's order. The tenant's config list is the one tenant-level endpoint.
 */
public final class DashboardApi implements Api {
  private static final String EITHER = "Either field 'email' or 'userId' must be present";

  private final DashboardAdmins admins;
  private final DashboardSessions sessions;
  private final ConfigFields configFields;
  private final Tenants tenants;
  private final TenantConfigs configs;

  public DashboardApi(
      DashboardAdmins admins,
      DashboardSessions sessions,
      ConfigFields configFields,
      Tenants tenants,
      TenantConfigs configs) {
    this.admins = admins;
    this.sessions = sessions;
    this.configFields = configFields;
    this.tenants = tenants;
    this.configs = configs;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/dashboard/user", this::create).scope(Scope.NONE).slow();
    r.put("/recipe/dashboard/user", this::update).scope(Scope.NONE).slow();
    r.delete("/recipe/dashboard/user", this::delete).scope(Scope.NONE);
    r.get("/recipe/dashboard/users", this::list).scope(Scope.NONE);
    r.post("/recipe/dashboard/signin", this::signIn).scope(Scope.NONE).slow();
    r.post("/recipe/dashboard/session/verify", this::verify).scope(Scope.NONE);
    r.delete("/recipe/dashboard/session", this::signOut).scope(Scope.NONE);
    r.get("/recipe/dashboard/user/sessions", this::sessionsOf).scope(Scope.NONE);
    r.get("/recipe/dashboard/tenant/core-config", this::coreConfig);
  }

  private Object create(Call call) {
    JsonBody in = call.body();
    String email = Emails.normalise(nonEmpty("email", in.gsonString("email")));
    if (!AdminCredentials.isValidEmail(email)) {
      return status(Status.INVALID_EMAIL_ERROR);
    }
    String password = nonEmpty("password", in.gsonString("password"));
    Optional<String> weakness = AdminCredentials.weakness(password);
    if (weakness.isPresent()) {
      return weak(weakness.get());
    }
    String appId = app(call);
    MaxLength.EMAIL.check("email", email);
    return Json.ok().set("user", admin(admins.create(appId, email, password)));
  }

  private Object update(Call call) {
    JsonBody in = call.body();
    Optional<String> newEmail =
        in.optionalGsonString("newEmail").map(e -> Emails.normalise(nonEmpty("newEmail", e)));
    if (newEmail.isPresent() && !AdminCredentials.isValidEmail(newEmail.get())) {
      return status(Status.INVALID_EMAIL_ERROR);
    }
    Optional<String> newPassword =
        in.optionalGsonString("newPassword").map(p -> nonEmpty("newPassword", p));
    Optional<String> weakness = newPassword.flatMap(AdminCredentials::weakness);
    if (weakness.isPresent()) {
      return weak(weakness.get());
    }
    String appId = app(call);
    newEmail.ifPresent(e -> MaxLength.EMAIL.check("newEmail", e));
    // The id wins when both are given; the email is then not even read.
    Optional<String> userId = in.optionalGsonString("userId").map(u -> nonEmpty("userId", u));
    if (userId.isEmpty()) {
      String email =
          in.optionalGsonString("email")
              .map(e -> Emails.normalise(nonEmpty("email", e)))
              .orElseThrow(() -> HttpError.badRequest(EITHER));
      userId =
          Optional.of(
              admins
                  .byEmail(appId, email)
                  .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ERROR))
                  .userId());
    }
    Admin updated = admins.update(appId, userId.get(), newEmail, newPassword);
    return Json.ok().set("user", admin(updated));
  }

  private Object delete(Call call) {
    Optional<String> userId = call.query().optional("userId").map(u -> nonEmpty("userId", u));
    if (userId.isPresent()) {
      return Json.ok().put("didUserExist", admins.delete(app(call), userId.get()));
    }
    Optional<String> email =
        call.query().optional("email").map(e -> Emails.normalise(nonEmpty("email", e)));
    if (email.isPresent()) {
      return Json.ok().put("didUserExist", admins.deleteByEmail(app(call), email.get()));
    }
    throw HttpError.badRequest(EITHER);
  }

  private Object list(Call call) {
    String appId = app(call);
    ObjectNode out = Json.ok();
    var users = out.putArray("users");
    admins.list(appId).forEach(a -> users.add(admin(a)));
    return out;
  }

  private Object signIn(Call call) {
    JsonBody in = call.body();
    String email = Emails.normalise(nonEmpty("email", in.gsonString("email")));
    String password = nonEmpty("password", in.gsonString("password"));
    return sessions
        .signIn(app(call), email, password)
        .<Object>map(id -> Json.ok().put("sessionId", id))
        .orElseGet(() -> status(Status.INVALID_CREDENTIALS_ERROR));
  }

  private Object verify(Call call) {
    String sessionId = nonEmpty("sessionId", call.body().gsonString("sessionId"));
    Optional<String> email = sessions.verify(app(call), sessionId);
    if (email.isEmpty()) {
      return status(Status.INVALID_SESSION_ERROR);
    }
    ObjectNode out = Json.ok();
    if (call.cdi().atLeast(CdiVersion.V3_0)) {
      out.put("email", email.get());
    }
    return out;
  }

  private Object signOut(Call call) {
    String sessionId = nonEmpty("sessionId", call.query().string("sessionId"));
    sessions.signOut(app(call), sessionId);
    return Json.ok();
  }

  private Object sessionsOf(Call call) {
    String userId = nonEmpty("userId", call.query().string("userId"));
    String appId = app(call);
    ObjectNode out = Json.ok();
    var list = out.putArray("sessions");
    for (AdminSession s : sessions.sessionsOf(appId, userId)) {
      list.addObject()
          .put("userId", s.userId())
          .put("sessionId", s.sessionId())
          .put("timeCreated", s.timeCreated())
          .put("expiry", s.expiry());
    }
    return out;
  }

  private Object coreConfig(Call call) {
    ObjectNode out = Json.ok();
    out.set("config", configFields.of(configs.config(call.tenant())));
    return out;
  }

  /** The app of the path, which must exist; from CDI 5.0 only its public tenant may ask. */
  private String app(Call call) {
    String appId = AppScope.existingApp(call, tenants).appId();
    AppScope.requirePublicTenant(call);
    return appId;
  }

  private static ObjectNode admin(Admin admin) {
    return Json.object()
        .put("email", admin.email())
        .put("userId", admin.userId())
        .put("timeJoined", admin.timeJoined());
  }

  private static ObjectNode status(Status status) {
    return Json.object().put("status", status.name());
  }

  private static ObjectNode weak(String message) {
    return status(Status.PASSWORD_WEAK_ERROR).put("message", message);
  }

  /** Trimmed, as the original reads these fields, and never empty. */
  private static String nonEmpty(String field, String raw) {
    String value = raw.trim();
    if (value.isEmpty()) {
      throw HttpError.badRequest("Field name '" + field + "' cannot be an empty String");
    }
    return value;
  }
}
