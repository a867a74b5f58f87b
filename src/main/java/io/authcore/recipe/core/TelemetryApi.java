package io.authcore.recipe.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Json;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.Tenants;

/**
 * {@code GET /telemetry}: the app's telemetry id. Authcore sends no telemetry and makes no id; a
 * database the original wrote may hold one, and it is shown as the original shows it.
 */
public final class TelemetryApi implements Api {
  static final String TELEMETRY_ID = "TELEMETRY_ID";

  private final Storage storage;
  private final Tenants tenants;

  public TelemetryApi(Storage storage, Tenants tenants) {
    this.storage = storage;
    this.tenants = tenants;
  }

  @Override
  public void routes(Routes r) {
    r.get("/telemetry", this::telemetry).scope(Scope.NONE);
  }

  private Object telemetry(Call call) {
    TenantId app = AppScope.publicTenantOfExistingApp(call, tenants);
    ObjectNode out = Json.object();
    storage
        .keyValue()
        .get(app, TELEMETRY_ID)
        .ifPresentOrElse(
            id -> out.put("exists", true).put("telemetryId", id.value()),
            () -> out.put("exists", false));
    return out;
  }
}
