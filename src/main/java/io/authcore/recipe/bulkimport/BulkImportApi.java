package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.AppScope;
import io.authcore.recipe.bulkimport.BulkImportService.Added;
import io.authcore.recipe.bulkimport.BulkImportService.ImportedNow;
import io.authcore.recipe.bulkimport.BulkImportService.Page;
import io.authcore.recipe.users.UserView;
import io.authcore.storage.BulkImportStore.Status;
import io.authcore.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bulk-import endpoints, served as by the original at every CDI version (the same rules and
 * shapes at each, but for the user {@code /bulk-import/import} answers, which shows WebAuthn
 * credentials from 5.3). They belong to the app: each reads its input first, then refuses a tenant
 * other than the public one (from CDI 5.0) and an unknown app, in the original's order. Refused
 * input is a 400 whose text is JSON, as the original words it. Unlike the original, they answer on
 * the in-memory database too.
 */
public final class BulkImportApi implements Api {
  private static final String INVALID_STATUS =
      "Invalid value for status. Pass one of NEW, PROCESSING, or FAILED!";

  private final BulkImportService bulkImport;
  private final Tenants tenants;

  public BulkImportApi(BulkImportService bulkImport, Tenants tenants) {
    this.bulkImport = bulkImport;
    this.tenants = tenants;
  }

  @Override
  public void routes(Routes r) {
    r.get("/bulk-import/users", this::list).scope(Scope.NONE);
    r.post("/bulk-import/users", this::add).scope(Scope.NONE);
    r.get("/bulk-import/users/count", this::count).scope(Scope.NONE);
    r.post("/bulk-import/users/remove", this::remove).scope(Scope.NONE);
    // A plain-text password is hashed while the request waits.
    r.post("/bulk-import/import", this::importNow).scope(Scope.NONE).slow();
  }

  private Object list(Call call) {
    Optional<String> status = call.query().optional("status");
    Optional<String> token = call.query().optional("paginationToken");
    int limit = call.query().optionalInt("limit").orElse(BulkImportService.DEFAULT_PAGE);
    if (limit > BulkImportService.MAX_PAGE) {
      throw HttpError.badRequest("Max limit allowed is " + BulkImportService.MAX_PAGE);
    }
    if (limit < 1) {
      throw HttpError.badRequest("limit must a positive integer with min value 1");
    }
    Status wanted = status(status);
    String appId = app(call);
    Page page;
    try {
      page = bulkImport.page(appId, wanted, token.orElse(null), limit);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("invalid pagination token");
    }
    ObjectNode out = Json.ok();
    ArrayNode users = out.putArray("users");
    page.users().forEach(users::add);
    if (page.nextPaginationToken() != null) {
      out.put("nextPaginationToken", page.nextPaginationToken());
    }
    return out;
  }

  private Object add(Call call) {
    JsonNode users = call.body().node().get("users");
    if (users == null || !users.isArray()) {
      throw HttpError.badRequest("Field name 'users' is invalid in JSON input");
    }
    if (users.isEmpty()) {
      return Json.ok();
    }
    if (users.size() > BulkImportService.MAX_USERS_TO_ADD) {
      throw HttpError.badRequest(
          Json.write(
              Json.object()
                  .put(
                      "error",
                      "You can only add "
                          + BulkImportService.MAX_USERS_TO_ADD
                          + " users at a time.")));
    }
    String appId = app(call);
    List<JsonNode> list = new ArrayList<>();
    users.forEach(list::add);
    Added added = bulkImport.add(appId, list);
    if (!added.errors().isEmpty()) {
      ObjectNode error =
          Json.object()
              .put(
                  "error",
                  "Data has missing or invalid fields. Please check the users field for more"
                      + " details.");
      ArrayNode refused = error.putArray("users");
      for (Map.Entry<Integer, List<String>> e : added.errors().entrySet()) {
        ObjectNode user = refused.addObject().put("index", e.getKey());
        e.getValue().forEach(user.putArray("errors")::add);
      }
      throw HttpError.badRequest(Json.write(error));
    }
    ObjectNode out = Json.ok();
    ArrayNode queued = out.putArray("users");
    added.users().forEach(queued::add);
    return out;
  }

  private Object count(Call call) {
    Status wanted = status(call.query().optional("status"));
    String appId = app(call);
    return Json.ok().put("count", bulkImport.count(appId, wanted));
  }

  private Object remove(Call call) {
    JsonNode ids = call.body().node().get("ids");
    if (ids == null || !ids.isArray()) {
      throw invalidIds();
    }
    ObjectNode out = Json.object();
    ArrayNode deleted = out.putArray("deletedIds");
    ArrayNode invalid = out.putArray("invalidIds");
    if (ids.isEmpty()) {
      return out;
    }
    if (ids.size() > BulkImportService.MAX_REMOVE) {
      throw HttpError.badRequest(
          "Field name 'ids' cannot contain more than "
              + BulkImportService.MAX_REMOVE
              + " elements");
    }
    List<String> wanted = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.isTextual()) {
        throw invalidIds();
      }
      if (id.textValue().isEmpty()) {
        throw HttpError.badRequest("Field name 'ids' cannot contain an empty string");
      }
      wanted.add(id.textValue());
    }
    Set<String> removed = bulkImport.remove(app(call), wanted);
    for (String id : wanted) {
      (removed.contains(id) ? deleted : invalid).add(id);
    }
    return out;
  }

  private static HttpError invalidIds() {
    return HttpError.badRequest("Field name 'ids' is invalid in JSON input");
  }

  private Object importNow(Call call) {
    JsonBody in = call.body();
    String appId = app(call);
    ImportedNow result = bulkImport.importNow(appId, in.node());
    if (!result.errors().isEmpty()) {
      ObjectNode error = Json.object();
      result.errors().forEach(error.putArray("errors")::add);
      throw HttpError.badRequest(Json.write(error));
    }
    ObjectNode out = Json.ok();
    out.set("user", UserView.linkedAt(call.cdi()).of(result.user()));
    return out;
  }

  private static Status status(Optional<String> raw) {
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return Status.valueOf(raw.get());
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(INVALID_STATUS);
    }
  }

  private String app(Call call) {
    return AppScope.publicTenantOfExistingApp(call, tenants).appId();
  }
}
