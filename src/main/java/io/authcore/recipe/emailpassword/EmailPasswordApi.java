package io.authcore.recipe.emailpassword;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.password.InvalidPasswordHashException;
import io.authcore.crypto.password.PasswordHashImport;
import io.authcore.crypto.password.PasswordTooLongException;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.Endpoint;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.recipe.ClientAddress;
import io.authcore.recipe.Limited;
import io.authcore.recipe.LoginRecipeGate;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.emailpassword.EmailPasswordService.Imported;
import io.authcore.recipe.emailpassword.EmailPasswordService.SignedIn;
import io.authcore.recipe.emailpassword.PasswordResetService.Consumed;
import io.authcore.recipe.users.Emails;
import io.authcore.recipe.users.UserView;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.Tenants;
import java.util.Optional;

/**
 * The email-password endpoints, at every CDI version. {@code GET}/{@code PUT /recipe/user} are
 * registered without a recipe id: they answer the {@code emailpassword} rid, no rid and any unknown
 * one, as the original's router does.
 */
public final class EmailPasswordApi implements Api {
  private final EmailPasswordService accounts;
  private final AccountUpdateService updates;
  private final PasswordResetService resets;
  private final Tenants tenants;
  private final TenantConfigs configs;

  public EmailPasswordApi(
      EmailPasswordService accounts,
      AccountUpdateService updates,
      PasswordResetService resets,
      Tenants tenants,
      TenantConfigs configs) {
    this.accounts = accounts;
    this.updates = updates;
    this.resets = resets;
    this.tenants = tenants;
    this.configs = configs;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/signup", guarded(Limited.endpoint(this::signUp))).slow();
    r.post("/recipe/signin", guarded(this::signIn)).slow();
    // By id app-specific, by email tenant-specific: the endpoint checks which.
    r.get("/recipe/user", this::user).scope(Scope.APP);
    r.put("/recipe/user", guarded(this::update)).scope(Scope.APP_PUBLIC_TENANT).slow();
    r.post("/recipe/user/password/reset/token", this::createResetToken);
    r.post("/recipe/user/password/reset/token/consume", this::consumeResetToken);
    r.post("/recipe/user/password/reset", guarded(this::resetPassword)).slow();
    r.post("/recipe/user/passwordhash/import", guarded(this::importUser));
  }

  /** Turns the hasher's refusals into the answers the original gives (or would give). */
  private static Endpoint guarded(Endpoint endpoint) {
    return call -> {
      try {
        return endpoint.handle(call);
      } catch (PasswordTooLongException e) {
        throw HttpError.badRequest(e.getMessage());
      }
    };
  }

  private Object signUp(Call call) {
    JsonBody in = call.body();
    String email = Emails.normalise(in.string("email"));
    String password = in.string("password");
    if (password.isEmpty()) {
      throw HttpError.badRequest("Password cannot be an empty string");
    }
    MaxLength.EMAIL.check("email", email);
    checkEnabled(call);
    return signedIn(
        call, accounts.signUp(call.tenant(), email, password, ClientAddress.of(call, configs)));
  }

  private Object signIn(Call call) {
    JsonBody in = call.body();
    String email = Emails.normalise(in.string("email"));
    String password = in.string("password");
    checkEnabled(call);
    return signedIn(
        call, accounts.signIn(call.tenant(), email, password, ClientAddress.of(call, configs)));
  }

  /** Below CDI 5.1 a tenant could switch email-password off. */
  private void checkEnabled(Call call) {
    configs
        .find(call.tenant())
        .ifPresent(config -> LoginRecipeGate.EMAIL_PASSWORD.check(config, call.cdi()));
  }

  private static ObjectNode signedIn(Call call, SignedIn result) {
    ObjectNode out = Json.ok();
    out.set("user", UserView.at(call.cdi()).of(result.user()));
    if (call.cdi().atLeast(CdiVersion.V4_0)) {
      out.put("recipeUserId", result.recipeUserId());
    }
    return out;
  }

  private Object user(Call call) {
    Optional<String> userId = call.query().optional("userId");
    Optional<String> email = call.query().optional("email");
    if (userId.isPresent() && email.isPresent()) {
      throw HttpError.badRequest("Please provide only one of userId or email");
    }
    if (userId.isEmpty() && email.isEmpty()) {
      throw HttpError.badRequest("Please provide one of userId or email");
    }
    Optional<AuthUser> user;
    if (userId.isPresent()) {
      AppScope.requirePublicTenant(call);
      user = accounts.byId(call.tenant().appId(), userId.get());
    } else {
      if (!tenants.tenantExists(call.tenant())) {
        throw HttpError.tenantNotFound(call.tenant());
      }
      user = accounts.byEmail(call.tenant(), Emails.normalise(email.get()));
    }
    AuthUser found =
        user.orElseThrow(
            () ->
                new StatusException(
                    userId.isPresent()
                        ? Status.UNKNOWN_USER_ID_ERROR
                        : Status.UNKNOWN_EMAIL_ERROR));
    ObjectNode out = Json.ok();
    out.set("user", UserView.at(call.cdi()).of(found));
    return out;
  }

  private Object update(Call call) {
    JsonBody in = call.body();
    // Account linking renamed the field: a login method, no longer the user.
    String recipeUserId = in.string(call.cdi().below(CdiVersion.V4_0) ? "userId" : "recipeUserId");
    String email = in.optionalString("email").map(Emails::normalise).orElse(null);
    String password = in.optionalString("password").orElse(null);
    if (email == null && password == null) {
      throw HttpError.badRequest("You have to provide either email or password.");
    }
    MaxLength.EMAIL.check("email", email);
    updates.update(call.tenant().appId(), recipeUserId, email, password);
    return Json.ok();
  }

  private Object createResetToken(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    checkEnabled(call);
    String token;
    if (call.cdi().atLeast(CdiVersion.V4_0)) {
      // The SDK names the email to set a password for; an unknown user is told first.
      token =
          resets.createToken(
              call.tenant(), userId, () -> MaxLength.EMAIL.check("email", in.string("email")));
    } else {
      try {
        token = resets.createTokenForOwnEmail(call.tenant(), userId);
      } catch (PasswordResetService.LinkedUserException e) {
        throw HttpError.badRequest("Please use CDI version >= 4.0");
      }
    }
    ObjectNode out = Json.ok();
    out.put("token", token);
    return out;
  }

  private Object consumeResetToken(Call call) {
    Consumed consumed = resets.consume(call.tenant().appId(), call.body().string("token"));
    ObjectNode out = Json.ok();
    out.put("userId", consumed.userId());
    out.put("email", consumed.email());
    return out;
  }

  private Object resetPassword(Call call) {
    JsonBody in = call.body();
    String method = in.string("method");
    String token = in.string("token");
    String newPassword = in.string("newPassword");
    if (!method.equals("token")) {
      throw HttpError.badRequest("Unsupported method for password reset");
    }
    if (newPassword.isEmpty()) {
      throw HttpError.badRequest("Password cannot be an empty string");
    }
    Consumed consumed = resets.resetPassword(call.tenant().appId(), token, newPassword);
    ObjectNode out = Json.ok();
    if (call.cdi().atLeast(CdiVersion.V2_12)) {
      out.put("userId", consumed.userId());
    }
    return out;
  }

  private Object importUser(Call call) {
    JsonBody in = call.body();
    String email = Emails.normalise(in.string("email"));
    String hash = in.string("passwordHash");
    String algorithm = in.optionalString("hashingAlgorithm").orElse(null);
    try {
      PasswordHashImport parsed = PasswordHashImport.parse(hash, algorithm);
      MaxLength.EMAIL.check("email", email);
      MaxLength.PASSWORD_HASH.check("passwordHash", parsed.passwordHash());
      checkEnabled(call);
      Imported imported = accounts.importUser(call.tenant(), email, parsed);
      ObjectNode out = Json.ok();
      out.set("user", UserView.at(call.cdi()).of(imported.user()));
      out.put("didUserAlreadyExist", imported.didUserAlreadyExist());
      return out;
    } catch (InvalidPasswordHashException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }
}
