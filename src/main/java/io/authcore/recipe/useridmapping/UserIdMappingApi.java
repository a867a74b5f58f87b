package io.authcore.recipe.useridmapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.Endpoint;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.UserIdMappingStore.Mapping;

/** The user-id mapping endpoints; all are app-specific. */
public final class UserIdMappingApi implements Api {
  private final UserIdMappingService mappings;

  public UserIdMappingApi(UserIdMappingService mappings) {
    this.mappings = mappings;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/userid/map", refusals(this::create)).scope(Scope.APP_PUBLIC_TENANT);
    r.get("/recipe/userid/map", this::get).scope(Scope.APP_PUBLIC_TENANT).namesMissingApp();
    r.post("/recipe/userid/map/remove", refusals(this::remove))
        .scope(Scope.APP_PUBLIC_TENANT)
        .namesMissingApp();
    r.put("/recipe/userid/external-user-id-info", this::updateInfo)
        .scope(Scope.APP_PUBLIC_TENANT)
        .namesMissingApp();
  }

  private static Endpoint refusals(Endpoint endpoint) {
    return call -> {
      try {
        return endpoint.handle(call);
      } catch (MappingRefusedException e) {
        throw HttpError.badRequest(e.getMessage());
      }
    };
  }

  private Object create(Call call) {
    JsonBody in = call.body();
    String superTokensId = nonEmpty("superTokensUserId", in.string("superTokensUserId"));
    String externalId = nonEmpty("externalUserId", in.string("externalUserId"));
    String info = info(in.stringOrNull("externalUserIdInfo").orElse(null));
    boolean force = in.optionalBool("force").orElse(false);
    MaxLength.USER_ID.check("externalUserId", externalId);
    // From 4.0 verified emails move to the external id instead of blocking the mapping: sign-ins
    // through other recipes verify emails before the SDK maps the user.
    boolean moveVerifiedEmails = call.cdi().atLeast(CdiVersion.V4_0);
    mappings.create(
        call.tenant().appId(), superTokensId, externalId, info, force, moveVerifiedEmails);
    return Json.ok();
  }

  private Object get(Call call) {
    String userId = nonEmpty("userId", call.query().string("userId"));
    UserIdType type = type(call.query().optional("userIdType").orElse(null));
    Mapping mapping =
        mappings
            .find(call.tenant().appId(), userId, type)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_MAPPING_ERROR));
    ObjectNode out = Json.ok();
    out.put("superTokensUserId", mapping.superTokensUserId());
    out.put("externalUserId", mapping.externalUserId());
    if (mapping.externalUserIdInfo() != null) {
      out.put("externalUserIdInfo", mapping.externalUserIdInfo());
    }
    return out;
  }

  private Object remove(Call call) {
    JsonBody in = call.body();
    String userId = nonEmpty("userId", in.string("userId"));
    UserIdType type = type(in.optionalString("userIdType").orElse(null));
    boolean force = in.optionalBool("force").orElse(false);
    ObjectNode out = Json.ok();
    out.put("didMappingExist", mappings.delete(call.tenant().appId(), userId, type, force));
    return out;
  }

  private Object updateInfo(Call call) {
    JsonBody in = call.body();
    String userId = nonEmpty("userId", in.string("userId"));
    UserIdType type = type(in.optionalString("userIdType").orElse(null));
    if (!in.has("externalUserIdInfo")) {
      throw HttpError.badRequest("Field name 'externalUserIdInfo' is invalid in JSON input");
    }
    String info = info(in.stringOrNull("externalUserIdInfo").orElse(null));
    if (!mappings.updateInfo(call.tenant().appId(), userId, type, info)) {
      throw new StatusException(Status.UNKNOWN_MAPPING_ERROR);
    }
    return Json.ok();
  }

  /** Trimmed, and refused when nothing is left, with the original's text. */
  private static String nonEmpty(String field, String value) {
    String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      throw HttpError.badRequest("Field name '" + field + "' cannot be an empty String");
    }
    return trimmed;
  }

  private static String info(String raw) {
    return raw == null ? null : nonEmpty("externalUserIdInfo", raw);
  }

  private static UserIdType type(String raw) {
    if (raw == null) {
      return UserIdType.ANY;
    }
    return switch (raw.trim()) {
      case "SUPERTOKENS" -> UserIdType.SUPERTOKENS;
      case "EXTERNAL" -> UserIdType.EXTERNAL;
      case "ANY" -> UserIdType.ANY;
      default ->
          throw HttpError.badRequest(
              "Field name 'userIdType' should be one of 'SUPERTOKENS', 'EXTERNAL' or 'ANY'");
    };
  }
}
