package io.authcore.recipe.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Json;
import io.authcore.http.RequestObserver;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /requests/stats}: each app's request rate over the last day, counted by this process
 * from every request the pipeline answers (the dashboard of the original's SaaS reads it).
 */
public final class RequestStatsApi implements Api, RequestObserver {
  private final Tenants tenants;
  private final Clock clock;
  private final Map<TenantId, RequestStats> byApp = new ConcurrentHashMap<>();

  public RequestStatsApi(Tenants tenants, Clock clock) {
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public void routes(Routes r) {
    r.get("/requests/stats", this::stats).scope(Scope.NONE);
  }

  @Override
  public void answered(TenantId tenant) {
    TenantId app = tenant.appLevel();
    RequestStats stats = byApp.get(app);
    if (stats == null) {
      // Only apps that exist, so that requests naming made-up apps cannot fill the memory.
      if (!tenants.appExists(app)) {
        return;
      }
      stats = byApp.computeIfAbsent(app, a -> new RequestStats(clock));
    }
    stats.record();
  }

  private Object stats(Call call) {
    TenantId app = AppScope.publicTenantOfExistingApp(call, tenants);
    RequestStats.Snapshot snapshot =
        byApp.computeIfAbsent(app, a -> new RequestStats(clock)).snapshot();
    ObjectNode out = Json.object();
    out.put("atMinute", snapshot.atMinute());
    ArrayNode average = out.putArray("averageRequestsPerSecond");
    for (double v : snapshot.average()) {
      average.add(v);
    }
    ArrayNode peak = out.putArray("peakRequestsPerSecond");
    for (int v : snapshot.peak()) {
      peak.add(v);
    }
    out.put("status", "OK");
    return out;
  }
}
