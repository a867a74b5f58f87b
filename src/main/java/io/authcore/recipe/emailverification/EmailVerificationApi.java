package io.authcore.recipe.emailverification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.Limited;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.emailverification.EmailVerificationService.Verified;
import io.authcore.recipe.users.Emails;

/** The email-verification endpoints of CDI 5.4. */
public final class EmailVerificationApi implements Api {
  private final EmailVerificationService verification;

  public EmailVerificationApi(EmailVerificationService verification) {
    this.verification = verification;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/user/email/verify/token", Limited.endpoint(this::createToken));
    r.post("/recipe/user/email/verify", this::verify);
    r.get("/recipe/user/email/verify", this::isVerified).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/user/email/verify/remove", this::unverify).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/user/email/verify/token/remove", this::revokeTokens);
  }

  private Object createToken(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String email = Emails.normalise(in.string("email"));
    MaxLength.USER_ID.check("userId", userId);
    MaxLength.EMAIL.check("email", email);
    ObjectNode out = Json.ok();
    out.put("token", verification.createToken(call.tenant(), userId, email));
    return out;
  }

  private Object verify(Call call) {
    JsonBody in = call.body();
    String method = in.string("method");
    String token = in.string("token");
    if (!method.equals("token")) {
      throw HttpError.badRequest("Unsupported method for email verification");
    }
    Verified verified = verification.verify(call.tenant(), token);
    ObjectNode out = Json.ok();
    out.put("userId", verified.userId());
    out.put("email", verified.email());
    return out;
  }

  private Object isVerified(Call call) {
    // The original compares this email exactly as given.
    String userId = call.query().string("userId");
    String email = call.query().string("email");
    ObjectNode out = Json.ok();
    out.put("isVerified", verification.isVerified(call.tenant().appId(), userId, email));
    return out;
  }

  private Object unverify(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String email = Emails.normalise(in.string("email"));
    verification.unverify(call.tenant().appId(), userId, email);
    return Json.ok();
  }

  private Object revokeTokens(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    String email = Emails.normalise(in.string("email"));
    verification.revokeTokens(call.tenant(), userId, email);
    return Json.ok();
  }
}
