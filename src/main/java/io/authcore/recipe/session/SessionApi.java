package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.session.SessionRegistry.SessionInfo;
import io.authcore.recipe.session.SessionService.NewSession;
import io.authcore.recipe.session.SessionService.SessionView;
import io.authcore.recipe.session.SessionService.TokenInfo;
import io.authcore.recipe.session.SessionService.Verification;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The session endpoints of CDI 5.4: create, verify, refresh, regenerate, read, change, revoke. */
public final class SessionApi implements Api {
  static final String PROTECTED_FIELD = "The user payload contains protected field";

  private final SessionService sessions;
  private final SessionRegistry registry;

  public SessionApi(SessionService sessions, SessionRegistry registry) {
    this.sessions = sessions;
    this.registry = registry;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/session", this::create);
    r.get("/recipe/session", this::info).scope(Scope.APP);
    // The hot path: answered on the I/O thread unless it needs the database.
    r.post("/recipe/session/verify", this::verify).scope(Scope.APP).inline();
    r.post("/recipe/session/refresh", this::refresh).scope(Scope.APP);
    r.post("/recipe/session/regenerate", this::regenerate).scope(Scope.APP);
    r.post("/recipe/session/remove", this::remove);
    r.get("/recipe/session/user", this::handlesOfUser);
    r.put("/recipe/session/data", this::updateSessionData).scope(Scope.APP);
    r.get("/recipe/session/data", this::sessionData).scope(Scope.APP);
    r.put("/recipe/jwt/data", this::updateJwtPayload).scope(Scope.APP);
    r.get("/recipe/jwt/data", this::jwtPayload).scope(Scope.APP);
  }

  private Object create(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    boolean enableAntiCsrf = in.bool("enableAntiCsrf");
    ObjectNode userDataInJWT = in.object("userDataInJWT");
    ObjectNode userDataInDatabase = in.object("userDataInDatabase");
    boolean useDynamicKey = in.optionalBool("useDynamicSigningKey").orElse(true);
    refuseProtectedClaims(userDataInJWT);
    MaxLength.USER_ID.check("userId", userId);
    return newSession(
        sessions.create(
            call.tenant(),
            userId,
            userDataInJWT,
            userDataInDatabase,
            enableAntiCsrf,
            useDynamicKey));
  }

  private Object verify(Call call) {
    JsonBody in = call.body();
    Verification result;
    try {
      result =
          sessions.verify(
              call.tenant().appId(),
              in.string("accessToken"),
              in.stringOrNull("antiCsrfToken").orElse(null),
              in.bool("doAntiCsrfCheck"),
              in.bool("enableAntiCsrf"),
              in.bool("checkDatabase"),
              call.onIoThread());
    } catch (StorageNeeded e) {
      throw call.leaveIoThread();
    }
    return verification(result);
  }

  private Object refresh(Call call) {
    JsonBody in = call.body();
    String refreshToken = in.string("refreshToken");
    String antiCsrf = in.stringOrNull("antiCsrfToken").orElse(null);
    boolean enableAntiCsrf = in.bool("enableAntiCsrf");
    boolean useDynamicKey = in.bool("useDynamicSigningKey"); // required from CDI 5.0
    return newSession(
        sessions.refresh(
            call.tenant().appId(), refreshToken, antiCsrf, enableAntiCsrf, useDynamicKey));
  }

  private Object regenerate(Call call) {
    JsonBody in = call.body();
    String accessToken = in.string("accessToken");
    ObjectNode payload = in.optionalObject("userDataInJWT").orElse(null);
    if (payload != null) {
      refuseProtectedClaims(payload);
    }
    return verification(sessions.regenerate(call.tenant().appId(), accessToken, payload));
  }

  private Object info(Call call) {
    SessionInfo info = registry.info(call.tenant().appId(), call.query().string("sessionHandle"));
    ObjectNode out = Json.object();
    out.put("sessionHandle", info.handle());
    out.put("userId", info.userId());
    out.put("recipeUserId", info.recipeUserId());
    out.set("userDataInDatabase", info.userDataInDatabase());
    out.put("expiry", info.expiry());
    out.set("userDataInJWT", info.userDataInJWT());
    out.put("timeCreated", info.timeCreated());
    out.put("status", "OK");
    out.put("tenantId", info.tenantId());
    return out;
  }

  private Object remove(Call call) {
    JsonBody in = call.body();
    Optional<String> userId = in.optionalString("userId");
    Optional<List<String>> handles = in.optionalStringArray("sessionHandles");
    if (userId.isPresent() == handles.isPresent()) {
      throw HttpError.badRequest("Invalid JSON input - use one of userId or sessionHandles array");
    }
    Optional<Boolean> acrossTenants = in.optionalBool("revokeAcrossAllTenants");
    Optional<Boolean> linked = in.optionalBool("revokeSessionsForLinkedAccounts");
    List<String> revoked;
    if (handles.isPresent()) {
      if (acrossTenants.isPresent()) {
        throw HttpError.badRequest(
            "Invalid JSON input - revokeAcrossAllTenants can only be set if userId is set");
      }
      if (linked.isPresent()) {
        throw HttpError.badRequest(
            "Invalid JSON input - revokeSessionsForLinkedAccounts can only be set if userId is"
                + " set");
      }
      revoked = registry.revoke(call.tenant().appId(), handles.get());
    } else {
      boolean across = acrossTenants.orElse(true);
      requirePublicTenantFor(across, call);
      revoked = registry.revokeForUser(call.tenant(), userId.get(), across, linked.orElse(true));
    }
    ObjectNode out = Json.ok();
    ArrayNode list = out.putArray("sessionHandlesRevoked");
    revoked.forEach(list::add);
    return out;
  }

  private Object handlesOfUser(Call call) {
    var query = call.query();
    String userId = query.string("userId");
    boolean across = query.optional("fetchAcrossAllTenants").map(SessionApi::isTrue).orElse(true);
    boolean linked =
        query.optional("fetchSessionsForAllLinkedAccounts").map(SessionApi::isTrue).orElse(true);
    requirePublicTenantFor(across, call);
    ObjectNode out = Json.ok();
    ArrayNode list = out.putArray("sessionHandles");
    registry.handlesOfUser(call.tenant(), userId, across, linked).forEach(list::add);
    return out;
  }

  private Object updateSessionData(Call call) {
    JsonBody in = call.body();
    String handle = in.string("sessionHandle");
    registry.updateSessionData(call.tenant().appId(), handle, in.object("userDataInDatabase"));
    return Json.ok();
  }

  private Object sessionData(Call call) {
    String handle = call.query().string("sessionHandle");
    ObjectNode out = Json.ok();
    out.set("userDataInDatabase", registry.sessionData(call.tenant().appId(), handle));
    return out;
  }

  private Object updateJwtPayload(Call call) {
    JsonBody in = call.body();
    String handle = in.string("sessionHandle");
    ObjectNode payload = in.object("userDataInJWT");
    refuseProtectedClaims(payload);
    registry.updateJwtPayload(call.tenant().appId(), handle, payload);
    return Json.ok();
  }

  private Object jwtPayload(Call call) {
    String handle = call.query().string("sessionHandle");
    ObjectNode out = Json.ok();
    out.set("userDataInJWT", registry.jwtPayload(call.tenant().appId(), handle));
    return out;
  }

  private static boolean isTrue(String value) {
    return value.toLowerCase(Locale.ROOT).equals("true");
  }

  private static void requirePublicTenantFor(boolean acrossTenants, Call call) {
    if (acrossTenants && !call.tenant().isPublicTenant()) {
      throw HttpError.forbidden("Only public tenantId can call this app specific API");
    }
  }

  private static void refuseProtectedClaims(ObjectNode payload) {
    if (SessionService.hasProtectedClaim(payload)) {
      throw HttpError.badRequest(PROTECTED_FIELD);
    }
  }

  private static ObjectNode newSession(NewSession created) {
    ObjectNode out = Json.object();
    out.set("session", session(created.session()));
    out.set("accessToken", token(created.accessToken()));
    out.set("refreshToken", token(created.refreshToken()));
    if (created.antiCsrfToken() != null) {
      out.put("antiCsrfToken", created.antiCsrfToken());
    }
    out.put("status", "OK");
    return out;
  }

  private static ObjectNode verification(Verification result) {
    ObjectNode out = Json.object();
    out.set("session", session(result.session()));
    if (result.newAccessToken() != null) {
      out.set("accessToken", token(result.newAccessToken()));
    }
    out.put("status", "OK");
    return out;
  }

  private static ObjectNode session(SessionView view) {
    ObjectNode out = Json.object();
    out.put("handle", view.handle());
    out.put("userId", view.userId());
    out.put("recipeUserId", view.recipeUserId());
    out.set("userDataInJWT", view.userDataInJWT());
    out.put("tenantId", view.tenantId());
    return out;
  }

  private static ObjectNode token(TokenInfo token) {
    ObjectNode out = Json.object();
    out.put("token", token.token());
    out.put("expiry", token.expiry());
    out.put("createdTime", token.createdTime());
    return out;
  }
}
