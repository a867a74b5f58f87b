package io.authcore.recipe.thirdparty;

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
import io.authcore.recipe.AppScope;
import io.authcore.recipe.LoginRecipeGate;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.thirdparty.ThirdPartyService.Identity;
import io.authcore.recipe.thirdparty.ThirdPartyService.SignedInUp;
import io.authcore.recipe.users.Emails;
import io.authcore.recipe.users.UserView;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import java.util.Optional;

/**
 * The third-party endpoints, at every CDI version. {@code GET /recipe/user} answers only the {@code
 * thirdparty} rid; the email-password route answers the others.
 */
public final class ThirdPartyApi implements Api {
  private final ThirdPartyService thirdParty;
  private final Tenants tenants;
  private final TenantConfigs configs;

  public ThirdPartyApi(ThirdPartyService thirdParty, Tenants tenants, TenantConfigs configs) {
    this.thirdParty = thirdParty;
    this.tenants = tenants;
    this.configs = configs;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/signinup", this::signInUp);
    // By id app-specific, by identity tenant-specific: the endpoint checks which.
    r.get("/recipe/user", this::user).scope(Scope.APP).rid(ThirdPartyService.RECIPE);
    r.get("/recipe/users/by-email", this::byEmail);
  }

  private Object signInUp(Call call) {
    JsonBody in = call.body();
    Identity identity = new Identity(in.string("thirdPartyId"), in.string("thirdPartyUserId"));
    JsonBody email = JsonBody.of(in.object("email"));
    String address = Emails.normalise(email.string("id"));
    // 2.7 read isVerified, 2.8 stopped reading it, 4.0 requires it again.
    boolean verified =
        call.cdi().below(CdiVersion.V2_8) || call.cdi().atLeast(CdiVersion.V4_0)
            ? email.bool("isVerified")
            : false;
    MaxLength.THIRD_PARTY_ID.check("thirdPartyId", identity.thirdPartyId());
    MaxLength.THIRD_PARTY_USER_ID.check("thirdPartyUserId", identity.thirdPartyUserId());
    MaxLength.EMAIL.check("email", address);
    if (call.cdi().atLeast(CdiVersion.V2_8)) {
      configs
          .find(call.tenant())
          .ifPresent(config -> LoginRecipeGate.THIRD_PARTY.check(config, call.cdi()));
    }
    SignedInUp result = thirdParty.signInUp(call.tenant(), identity, address, verified);
    ObjectNode out = Json.ok();
    out.put("createdNewUser", result.createdNewUser());
    out.set("user", UserView.at(call.cdi()).of(result.user()));
    if (call.cdi().atLeast(CdiVersion.V4_0)) {
      out.put("recipeUserId", result.recipeUserId());
    }
    return out;
  }

  private Object user(Call call) {
    Optional<String> userId = call.query().optional("userId");
    Optional<String> tpId = call.query().optional("thirdPartyId");
    Optional<String> tpUserId = call.query().optional("thirdPartyUserId");
    boolean byIdentity = tpId.isPresent() && tpUserId.isPresent();
    if (userId.isPresent() && byIdentity) {
      throw HttpError.badRequest(
          "Please provide only one of userId or (thirdPartyId & thirdPartyUserId)");
    }
    if (userId.isEmpty() && !byIdentity) {
      throw HttpError.badRequest(
          "Please provide one of userId or (thirdPartyId & thirdPartyUserId)");
    }
    AuthUser found;
    if (userId.isPresent()) {
      AppScope.requirePublicTenant(call);
      found =
          thirdParty
              .byId(call.tenant().appId(), userId.get())
              .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    } else {
      requireTenant(call);
      found =
          thirdParty
              .byIdentity(call.tenant(), new Identity(tpId.get(), tpUserId.get()))
              .orElseThrow(() -> new StatusException(Status.UNKNOWN_THIRD_PARTY_USER_ERROR));
    }
    ObjectNode out = Json.ok();
    out.set("user", UserView.at(call.cdi()).of(found));
    return out;
  }

  private Object byEmail(Call call) {
    String email = Emails.normalise(call.query().string("email"));
    requireTenant(call);
    UserView view = UserView.at(call.cdi());
    ArrayNode users = Json.MAPPER.createArrayNode();
    thirdParty.byEmail(call.tenant(), email).forEach(u -> users.add(view.of(u)));
    ObjectNode out = Json.ok();
    out.set("users", users);
    return out;
  }

  private void requireTenant(Call call) {
    if (!tenants.tenantExists(call.tenant())) {
      throw HttpError.tenantNotFound(call.tenant());
    }
  }
}
