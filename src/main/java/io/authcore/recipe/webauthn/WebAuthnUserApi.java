package io.authcore.recipe.webauthn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.users.Emails;
import io.authcore.recipe.users.UserView;
import io.authcore.recipe.webauthn.RecoveryTokenService.Consumed;
import io.authcore.recipe.webauthn.RecoveryTokenService.Recovering;
import io.authcore.storage.WebAuthnStore.Credential;
import io.authcore.tenancy.Tenants;

/**
 * A WebAuthn user's credentials, email and account recovery tokens ({@code /recipe/webauthn/user/*}
 * but credential registration), at every CDI version. The credential lookup really is registered
 * with a trailing slash in the original; the router ignores it.
 */
public final class WebAuthnUserApi implements Api {
  private static final String USER = WebAuthnApi.BASE + "/user";

  private final WebAuthnAccountService accounts;
  private final RecoveryTokenService recovery;
  private final Tenants tenants;

  public WebAuthnUserApi(
      WebAuthnAccountService accounts, RecoveryTokenService recovery, Tenants tenants) {
    this.accounts = accounts;
    this.recovery = recovery;
    this.tenants = tenants;
  }

  @Override
  public void routes(Routes r) {
    r.get(USER + "/credential", this::credential);
    r.get(USER + "/credential/list", this::credentials);
    r.delete(USER + "/credential/remove", this::removeCredential);
    r.put(USER + "/email", this::updateEmail);
    r.post(USER + "/recover/token", this::generateToken).scope(Scope.NONE);
    r.post(USER + "/recover/token/consume", this::consumeToken);
    r.get(USER + "/recover", this::recovering).scope(Scope.NONE);
  }

  private Object credential(Call call) {
    String recipeUserId = call.query().string("recipeUserId");
    String credentialId = call.query().string("webauthnCredentialId");
    Credential c = accounts.credential(call.tenant().appId(), recipeUserId, credentialId);
    ObjectNode out = Json.object();
    out.put("webauthnCredentialId", c.id());
    out.put("recipeUserId", recipeUserId);
    out.put("relyingPartyId", c.rpId());
    out.put("createdAt", c.createdAt());
    out.put("updatedAt", c.updatedAt());
    out.put("status", "OK");
    return out;
  }

  private Object credentials(Call call) {
    String recipeUserId = call.query().string("recipeUserId");
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("credentials");
    for (Credential c : accounts.credentials(call.tenant().appId(), recipeUserId)) {
      list.addObject()
          .put("webauthnCredentialId", c.id())
          .put("recipeUserId", recipeUserId)
          .put("relyingPartyId", c.rpId())
          .put("createdAt", c.createdAt());
    }
    out.put("status", "OK");
    return out;
  }

  private Object removeCredential(Call call) {
    String recipeUserId = call.query().string("recipeUserId");
    String credentialId = call.query().string("webauthnCredentialId");
    accounts.removeCredential(call.tenant().appId(), recipeUserId, credentialId);
    return Json.ok();
  }

  private Object updateEmail(Call call) {
    JsonBody in = call.body();
    String recipeUserId = in.string("recipeUserId");
    String email = MaxLength.EMAIL.check("email", in.string("email"));
    accounts.updateEmail(call.tenant().appId(), recipeUserId, email);
    return Json.ok();
  }

  private Object generateToken(Call call) {
    JsonBody in = call.body();
    String email = Emails.normalise(in.string("email"));
    String userId = in.string("userId");
    WebAuthnApi.requireTenant(call, tenants);
    MaxLength.EMAIL.check("email", email);
    ObjectNode out = Json.ok();
    out.put("token", recovery.generate(call.tenant(), email, userId));
    return out;
  }

  private Object consumeToken(Call call) {
    Consumed consumed = recovery.consume(call.tenant(), call.body().string("token"));
    ObjectNode out = Json.ok();
    out.put("userId", consumed.userId());
    out.put("email", consumed.email());
    return out;
  }

  private Object recovering(Call call) {
    String token = call.query().string("token");
    WebAuthnApi.requireTenant(call, tenants);
    Recovering found = recovery.userFor(call.tenant(), token);
    ObjectNode out = Json.ok();
    out.put("recipeUserId", found.recipeUserId());
    out.set("user", UserView.linkedAt(call.cdi()).of(found.user()));
    return out;
  }
}
