package io.authcore.recipe.core;

import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.Json;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code GET /apiversion}: the CDI versions this core implements, for the SDK's handshake. */
public final class ApiVersionApi implements Api {
  /**
   * The original keeps its versions in a hash set of their strings and lists them in that set's
   * order; the same insertions into the same kind of set give the same bytes. SDKs take the largest
   * common version, so only byte-for-byte comparisons notice.
   */
  private static final List<String> LISTED_ORDER = hashSetOrder();

  @Override
  public void routes(Routes routes) {
    routes.get("/apiversion", this::versions).scope(Scope.APP_PUBLIC_TENANT).anyCdiVersion();
  }

  private Object versions(Call call) {
    Set<String> offered = new HashSet<>();
    call.offeredVersions().forEach(v -> offered.add(v.wire()));
    var body = Json.object();
    var versions = body.putArray("versions");
    LISTED_ORDER.stream().filter(offered::contains).forEach(versions::add);
    return body;
  }

  private static List<String> hashSetOrder() {
    Set<String> set = new HashSet<>();
    set.addAll(CdiVersion.wireNames());
    return List.copyOf(set);
  }
}
