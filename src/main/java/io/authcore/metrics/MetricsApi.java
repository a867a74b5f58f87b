package io.authcore.metrics;

import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.RequestObserver;
import io.authcore.http.Response;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.tenancy.TenantId;
import java.util.Map;

/**
 * {@code GET /metrics} on the main port: the Prometheus text format, behind the api key like every
 * other API. Only for the public app's public tenant: the document covers every app, so one app's
 * key must not read the others'.
 */
final class MetricsApi implements Api, RequestObserver {
  private final RequestMeters requests;
  private final Metrics metrics;

  MetricsApi(RequestMeters requests, Metrics metrics) {
    this.requests = requests;
    this.metrics = metrics;
  }

  @Override
  public void routes(Routes r) {
    r.get("/metrics", this::scrape).scope(Scope.NONE).anyCdiVersion();
  }

  private Object scrape(Call call) {
    if (!call.tenant().equals(TenantId.BASE)) {
      throw HttpError.notFound();
    }
    return Response.withHeaders(
        metrics.scrape(),
        Map.of("Content-Type", Metrics.CONTENT_TYPE, "Cache-Control", "no-store"));
  }

  @Override
  public void answered(TenantId tenant) {}

  @Override
  public void completed(TenantId tenant, String route, String method, int status, long nanos) {
    requests.record(tenant, route, method, status, nanos);
  }
}
