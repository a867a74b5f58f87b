package io.authcore.recipe.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Response;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import java.util.Locale;
import java.util.Map;

/** {@code POST /recipe/jwt} and the JWKS, on its deprecated recipe path and its public one. */
public final class JwtApi implements Api {
  private final JwtService jwt;

  public JwtApi(JwtService jwt) {
    this.jwt = jwt;
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/jwt", this::create).scope(Scope.APP_PUBLIC_TENANT);
    r.get("/recipe/jwt/jwks", this::recipeJwks).scope(Scope.APP_PUBLIC_TENANT);
    r.get("/.well-known/jwks.json", this::publicJwks)
        .scope(Scope.APP)
        .withoutApiKey()
        .anyCdiVersion();
  }

  private Object create(Call call) {
    JsonBody in = call.body();
    String algorithm = in.string("algorithm").toUpperCase(Locale.ROOT);
    String jwksDomain = in.string("jwksDomain");
    ObjectNode payload = in.object("payload");
    long validity = in.longValue("validity");
    if (validity <= 0) {
      throw HttpError.badRequest("validity must be greater than or equal to 0");
    }
    // Before CDI 2.21 the flag did not exist: always the static key.
    boolean staticKey =
        call.cdi().below(CdiVersion.V2_21) || in.optionalBool("useStaticSigningKey").orElse(true);
    if (!algorithm.equals("RS256")) {
      throw new StatusException(Status.UNSUPPORTED_ALGORITHM_ERROR);
    }
    ObjectNode out = Json.ok();
    out.put("jwt", jwt.create(call.tenant().appId(), payload, jwksDomain, validity, staticKey));
    return out;
  }

  private Object recipeJwks(Call call) {
    ObjectNode out = keys(call);
    out.put("status", "OK");
    return out;
  }

  private Object publicJwks(Call call) {
    long maxAge = jwt.jwksMaxAgeSeconds(call.tenant().appId());
    return Response.withHeaders(
        keys(call), Map.of("Cache-Control", "max-age=" + maxAge + ", must-revalidate"));
  }

  private ObjectNode keys(Call call) {
    ObjectNode out = Json.object();
    var keys = out.putArray("keys");
    jwt.jwks(call.tenant().appId()).forEach(keys::add);
    return out;
  }
}
