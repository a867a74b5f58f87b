package io.authcore.recipe.multitenancy;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.multitenancy.MultitenancyService.Associated;
import io.authcore.recipe.multitenancy.MultitenancyService.TenantNotFound;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import io.authcore.tenancy.ThirdPartyProvider;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The multitenancy endpoints that supertokens-node 19 and later use (the v2 create-or-update and
 * list endpoints, removal, users of a tenant, third-party providers); the original answers them
 * alike at every CDI version. They check the existence of the calling tenant themselves, where the
 * original does: after reading the body.
 */
public final class MultitenancyApi implements Api {
  private static final String BASE = "/recipe/multitenancy";

  private final MultitenancyService service;
  private final Tenants tenants;

  public MultitenancyApi(MultitenancyService service, Tenants tenants) {
    this.service = service;
    this.tenants = tenants;
  }

  @Override
  public void routes(Routes r) {
    // The deprecated v1 writes (supertokens-node 15 to 18) send recipe switches instead.
    for (boolean v2 : new boolean[] {true, false}) {
      String v = v2 ? "/v2" : "";
      Function<Call, TenantUpdate> body = v2 ? MultitenancyApi::change : LegacyTenantBody::change;
      r.put(BASE + "/connectionuridomain" + v, guarded(c -> putConnectionUriDomain(c, body)))
          .scope(Scope.NONE);
      r.put(BASE + "/app" + v, guarded(c -> putApp(c, body))).scope(Scope.NONE);
      r.put(BASE + "/tenant" + v, guarded(c -> putTenant(c, body))).scope(Scope.NONE);
    }
    // The deprecated v1 reads (supertokens-node 15 to 18) differ from v2 only in how a tenant
    // shows.
    for (boolean v2 : new boolean[] {true, false}) {
      String v = v2 ? "/v2" : "";
      r.get(BASE + "/tenant" + v, call -> getTenant(call, v2)).scope(Scope.NONE);
      r.get(BASE + "/tenant/list" + v, guarded(call -> listTenants(call, v2))).scope(Scope.NONE);
      r.get(BASE + "/app/list" + v, guarded(call -> listApps(call, v2))).scope(Scope.NONE);
      r.get(
              BASE + "/connectionuridomain/list" + v,
              guarded(call -> listConnectionUriDomains(call, v2)))
          .scope(Scope.NONE);
    }
    r.post(BASE + "/tenant/remove", guarded(this::removeTenant)).scope(Scope.NONE);
    r.post(BASE + "/app/remove", guarded(this::removeApp)).scope(Scope.NONE);
    r.post(BASE + "/connectionuridomain/remove", guarded(this::removeConnectionUriDomain))
        .scope(Scope.NONE);
    r.post(BASE + "/tenant/user", guarded(this::associateUser)).scope(Scope.NONE);
    r.post(BASE + "/tenant/user/remove", guarded(this::disassociateUser)).scope(Scope.NONE);
    r.put(BASE + "/config/thirdparty", guarded(this::putProvider)).scope(Scope.NONE);
    r.post(BASE + "/config/thirdparty/remove", guarded(this::removeProvider)).scope(Scope.NONE);
  }

  /** The service's refusals become the original's status codes. */
  private static io.authcore.http.Endpoint guarded(io.authcore.http.Endpoint endpoint) {
    return call -> {
      try {
        return endpoint.handle(call);
      } catch (MultitenancyException e) {
        throw switch (e.kind()) {
          case BAD_REQUEST -> HttpError.badRequest(e.getMessage());
          case FORBIDDEN -> HttpError.forbidden(e.getMessage());
        };
      } catch (TenantNotFound e) {
        throw HttpError.tenantNotFound(e.tenant());
      }
    };
  }

  /** The calling tenant, which must exist (the original's {@code getTenantIdentifier}). */
  private TenantId source(Call call) {
    TenantId tenant = call.tenant();
    if (!tenants.tenantExists(tenant)) {
      throw HttpError.tenantNotFound(tenant);
    }
    return tenant;
  }

  // ---- create or update

  private Object putConnectionUriDomain(Call call, Function<Call, TenantUpdate> change) {
    JsonBody in = call.body();
    String domain =
        in.optionalString("connectionUriDomain").map(Ids::connectionUriDomain).orElse("");
    MaxLength.CONNECTION_URI_DOMAIN.check("connectionUriDomain", domain);
    TenantId source = source(call);
    return created(
        service.createOrUpdate(
            source, new TenantId(domain, TenantId.DEFAULT, TenantId.DEFAULT), change.apply(call)));
  }

  private Object putApp(Call call, Function<Call, TenantUpdate> change) {
    JsonBody in = call.body();
    String appId = in.optionalString("appId").map(Ids::appId).orElse(TenantId.DEFAULT);
    MaxLength.TENANT_ID.check("appId", appId);
    TenantId source = source(call);
    return created(
        service.createOrUpdate(
            source,
            new TenantId(source.connectionUriDomain(), appId, TenantId.DEFAULT),
            change.apply(call)));
  }

  private Object putTenant(Call call, Function<Call, TenantUpdate> change) {
    JsonBody in = call.body();
    String tenantId = in.optionalString("tenantId").map(Ids::tenantId).orElse(TenantId.DEFAULT);
    MaxLength.TENANT_ID.check("tenantId", tenantId);
    TenantId source = source(call);
    return created(
        service.createOrUpdate(
            source,
            new TenantId(source.connectionUriDomain(), source.appId(), tenantId),
            change.apply(call)));
  }

  private static Object created(boolean createdNew) {
    return Json.ok().put("createdNew", createdNew);
  }

  /** The v2 body, checked in the original's order. */
  private static TenantChange change(Call call) {
    JsonBody in = call.body();
    ObjectNode coreConfig = in.optionalObject("coreConfig").orElse(null);
    if (in.has("emailPasswordEnabled")) {
      throw HttpError.badRequest("emailPasswordEnabled is not a valid input for this API");
    }
    if (in.has("thirdPartyEnabled")) {
      throw HttpError.badRequest("thirdParty is not a valid input for this API");
    }
    if (in.has("passwordlessEnabled")) {
      throw HttpError.badRequest("passwordless is not a valid input for this API");
    }
    List<String> first = factors(in, "firstFactors");
    List<String> required = factors(in, "requiredSecondaryFactors");
    return new TenantChange(
        coreConfig, in.has("firstFactors"), first, in.has("requiredSecondaryFactors"), required);
  }

  static List<String> factors(JsonBody in, String field) {
    JsonNode value = in.node().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    List<String> factors = in.stringArray(field);
    if (new HashSet<>(factors).size() != factors.size()) {
      throw HttpError.badRequest(field + " input should not contain duplicate values");
    }
    return MaxLength.FACTOR_ID.checkEach(field, factors);
  }

  // ---- read

  private Object getTenant(Call call, boolean v2) {
    Optional<TenantConfig> config =
        tenants.tenantExists(call.tenant()) ? service.find(call.tenant()) : Optional.empty();
    if (config.isEmpty()) {
      return Json.object().put("status", "TENANT_NOT_FOUND_ERROR");
    }
    return view(call, v2).apply(config.get()).put("status", "OK");
  }

  private Object listTenants(Call call, boolean v2) {
    TenantId source = source(call);
    if (!source.isPublicTenant()) {
      throw HttpError.forbidden(
          "Only the public tenantId is allowed to list all tenants associated with this app");
    }
    ObjectNode out = Json.ok();
    ArrayNode list = out.putArray("tenants");
    service.tenantsOf(source).forEach(t -> list.add(view(call, v2).apply(t)));
    return out;
  }

  private Object listApps(Call call, boolean v2) {
    TenantId source = source(call);
    if (!source.isPublicTenant() || !source.isPublicApp()) {
      throw HttpError.forbidden(
          "Only the public tenantId and public appId is allowed to list all apps associated with"
              + " this connection uri domain");
    }
    ObjectNode out = Json.ok();
    out.set("apps", apps(service.tenantsOfDomain(source.connectionUriDomain()), view(call, v2)));
    return out;
  }

  private Object listConnectionUriDomains(Call call, boolean v2) {
    TenantId source = source(call);
    if (!source.equals(TenantId.BASE)) {
      throw HttpError.forbidden(
          "Only the public tenantId, public appId and default connectionUriDomain is allowed to"
              + " list all connectionUriDomains and appIds associated with this core");
    }
    Map<String, List<TenantConfig>> byDomain = new LinkedHashMap<>();
    for (TenantConfig t : service.allTenants()) {
      byDomain
          .computeIfAbsent(t.id().connectionUriDomain(), k -> new java.util.ArrayList<>())
          .add(t);
    }
    ObjectNode out = Json.ok();
    ArrayNode domains = out.putArray("connectionUriDomains");
    byDomain.forEach(
        (domain, list) -> {
          ObjectNode d = domains.addObject();
          d.put("connectionUriDomain", domain);
          d.set("apps", apps(list, view(call, v2)));
        });
    return out;
  }

  /** How the endpoint called shows a tenant: v2, or v1 as of the client's version. */
  private static Function<TenantConfig, ObjectNode> view(Call call, boolean v2) {
    return v2 ? TenantJson::of : t -> TenantJson.v1(t, call.cdi());
  }

  private static ArrayNode apps(
      List<TenantConfig> tenantsOfDomain, Function<TenantConfig, ObjectNode> view) {
    Map<String, List<TenantConfig>> byApp = new LinkedHashMap<>();
    for (TenantConfig t : tenantsOfDomain) {
      byApp.computeIfAbsent(t.id().appId(), k -> new java.util.ArrayList<>()).add(t);
    }
    ArrayNode apps = Json.MAPPER.createArrayNode();
    byApp.forEach(
        (appId, list) -> {
          ObjectNode app = apps.addObject();
          app.put("appId", appId);
          ArrayNode tenantList = app.putArray("tenants");
          list.forEach(t -> tenantList.add(view.apply(t)));
        });
    return apps;
  }

  // ---- remove

  private Object removeTenant(Call call) {
    String tenantId = Ids.tenantId(call.body().string("tenantId"));
    if (tenantId.equals(TenantId.DEFAULT)) {
      throw HttpError.forbidden("Cannot delete public tenant, use remove app API instead");
    }
    TenantId source = source(call);
    if (!source.isPublicTenant()) {
      throw HttpError.forbidden("Only the public tenantId is allowed to delete a tenant");
    }
    boolean existed =
        service.deleteTenant(new TenantId(source.connectionUriDomain(), source.appId(), tenantId));
    return Json.ok().put("didExist", existed);
  }

  private Object removeApp(Call call) {
    String appId = Ids.appId(call.body().string("appId"));
    if (appId.equals(TenantId.DEFAULT)) {
      throw HttpError.forbidden(
          "Cannot delete the public app, use remove connection uri domain API instead");
    }
    TenantId source = source(call);
    if (!source.isPublicTenant() || !source.isPublicApp()) {
      throw HttpError.forbidden(
          "Only the public tenantId and public appId is allowed to delete an app");
    }
    boolean existed =
        service.deleteApp(new TenantId(source.connectionUriDomain(), appId, TenantId.DEFAULT));
    return Json.ok().put("didExist", existed);
  }

  private Object removeConnectionUriDomain(Call call) {
    String domain = Ids.connectionUriDomain(call.body().string("connectionUriDomain"));
    if (domain.isEmpty()) {
      throw HttpError.forbidden("Cannot delete the default connection uri domain");
    }
    TenantId source = source(call);
    if (!source.equals(TenantId.BASE)) {
      throw HttpError.forbidden(
          "Only the public tenantId, public appId and default connectionUriDomain is allowed to"
              + " delete a connectionUriDomain");
    }
    return Json.ok().put("didExist", service.deleteConnectionUriDomain(domain));
  }

  // ---- users

  private static String userId(Call call) {
    // A login method since account linking (4.0), the user before.
    String field = call.cdi().below(CdiVersion.V4_0) ? "userId" : "recipeUserId";
    String userId = call.body().string(field).trim();
    if (userId.isEmpty()) {
      throw HttpError.badRequest("Field name 'userId' cannot be an empty String");
    }
    return userId;
  }

  private Object associateUser(Call call) {
    String userId = userId(call);
    TenantId tenant = source(call);
    Associated result = service.associate(tenant, userId);
    return switch (result) {
      case ADDED -> Json.ok().put("wasAlreadyAssociated", false);
      case ALREADY_ASSOCIATED -> Json.ok().put("wasAlreadyAssociated", true);
      case UNKNOWN_USER -> Json.object().put("status", "UNKNOWN_USER_ID_ERROR");
      case EMAIL_ALREADY_EXISTS -> Json.object().put("status", "EMAIL_ALREADY_EXISTS_ERROR");
      case PHONE_NUMBER_ALREADY_EXISTS ->
          Json.object().put("status", "PHONE_NUMBER_ALREADY_EXISTS_ERROR");
      case THIRD_PARTY_USER_ALREADY_EXISTS ->
          Json.object().put("status", "THIRD_PARTY_USER_ALREADY_EXISTS_ERROR");
    };
  }

  private Object disassociateUser(Call call) {
    String userId = userId(call);
    TenantId tenant = source(call);
    return service
        .disassociate(tenant, userId)
        .<Object>map(was -> Json.ok().put("wasAssociated", was))
        .orElseGet(() -> Json.object().put("status", "UNKNOWN_USER_ID_ERROR"));
  }

  // ---- third-party providers

  private Object putProvider(Call call) {
    JsonBody in = call.body();
    ObjectNode config = in.object("config");
    String thirdPartyId = JsonBody.of(config).string("thirdPartyId").trim();
    boolean skipValidation = in.optionalBool("skipValidation").orElse(false);
    TenantId tenant = source(call);
    ThirdPartyProvider provider = ProviderInput.parse(config, thirdPartyId);
    ProviderInput.checkLengths(provider);
    boolean createdNew = service.putProvider(tenant, provider, skipValidation);
    return Json.ok().put("createdNew", createdNew);
  }

  private Object removeProvider(Call call) {
    String thirdPartyId = call.body().string("thirdPartyId").trim();
    TenantId tenant = source(call);
    return Json.ok().put("didConfigExist", service.removeProvider(tenant, thirdPartyId));
  }
}
