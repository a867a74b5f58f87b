package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The session endpoints that work on stored sessions: read one, change its data, list and revoke a
 * user's. Registered by {@link SessionApi}.
 */
final class StoredSessionApi {
  private final SessionRegistry registry;

  StoredSessionApi(SessionRegistry registry) {
    this.registry = registry;
  }

  void routes(Routes r) {
    r.get("/recipe/session", this::info).scope(Scope.APP);
    r.post("/recipe/session/remove", this::remove);
    r.get("/recipe/session/user", this::handlesOfUser);
    r.put("/recipe/session/data", this::updateSessionData).scope(Scope.APP);
    r.get("/recipe/session/data", this::sessionData).scope(Scope.APP);
    r.put("/recipe/jwt/data", this::updateJwtPayload).scope(Scope.APP);
    r.get("/recipe/jwt/data", this::jwtPayload).scope(Scope.APP);
  }

  private Object info(Call call) {
    String handle = call.query().string("sessionHandle");
    return SessionReplies.info(registry.info(call.tenant().appId(), handle), call.cdi());
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
    boolean across =
        query.optional("fetchAcrossAllTenants").map(StoredSessionApi::isTrue).orElse(true);
    boolean linked =
        query
            .optional("fetchSessionsForAllLinkedAccounts")
            .map(StoredSessionApi::isTrue)
            .orElse(true);
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
    // Checked against the claims of the tokens this client is given; below 2.21 not at all.
    if (call.cdi().atLeast(CdiVersion.V2_21)
        && SessionReplies.tokenVersion(call.cdi()).reserves(payload)) {
      throw HttpError.badRequest(SessionInputException.PROTECTED_FIELD);
    }
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

  /**
   * Across all tenants is an app-wide operation: from CDI 5.0 only the public tenant may ask for
   * it; older clients may name any tenant of the app.
   */
  private static void requirePublicTenantFor(boolean acrossTenants, Call call) {
    if (acrossTenants && call.cdi().atLeast(CdiVersion.V5_0) && !call.tenant().isPublicTenant()) {
      throw HttpError.forbidden("Only public tenantId can call this app specific API");
    }
  }
}
