package io.authcore.recipe.core;

import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.Json;
import io.authcore.http.Routes;
import io.authcore.http.Scope;

/** {@code GET /apiversion}: the CDI versions this core implements, for the SDK's handshake. */
public final class ApiVersionApi implements Api {
  @Override
  public void routes(Routes routes) {
    routes.get("/apiversion", this::versions).scope(Scope.APP_PUBLIC_TENANT).anyCdiVersion();
  }

  private Object versions(Call call) {
    var body = Json.object();
    var versions = body.putArray("versions");
    CdiVersion.wireNames().forEach(versions::add);
    return body;
  }
}
