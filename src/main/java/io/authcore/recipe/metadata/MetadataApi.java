package io.authcore.recipe.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.BulkUserIds;
import io.authcore.recipe.MaxLength;
import java.util.List;
import java.util.Map;

/**
 * The user-metadata endpoints; metadata belongs to the app, so they answer on its public tenant.
 */
public final class MetadataApi implements Api {

  private final MetadataService metadata;

  public MetadataApi(MetadataService metadata) {
    this.metadata = metadata;
  }

  @Override
  public void routes(Routes r) {
    r.get("/recipe/user/metadata", this::get).scope(Scope.APP_PUBLIC_TENANT);
    r.put("/recipe/user/metadata", this::update).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/user/metadata/remove", this::remove).scope(Scope.APP_PUBLIC_TENANT);
    r.post("/recipe/user/metadata/bulk", this::bulk).scope(Scope.APP_PUBLIC_TENANT);
  }

  private Object get(Call call) {
    String userId = call.query().string("userId");
    return withMetadata(metadata.get(call.tenant().appId(), userId));
  }

  private Object update(Call call) {
    JsonBody in = call.body();
    String userId = in.string("userId");
    ObjectNode update = in.object("metadataUpdate");
    MaxLength.USER_ID.check("userId", userId);
    return withMetadata(metadata.update(call.tenant().appId(), userId, update));
  }

  private static ObjectNode withMetadata(ObjectNode value) {
    ObjectNode out = Json.object();
    out.set("metadata", value);
    return out.put("status", "OK");
  }

  private Object remove(Call call) {
    String userId = call.body().string("userId");
    metadata.remove(call.tenant().appId(), userId);
    return Json.ok();
  }

  private Object bulk(Call call) {
    List<String> userIds = BulkUserIds.of(call.body());
    Map<String, ObjectNode> found = metadata.getAll(call.tenant().appId(), userIds);
    ObjectNode out = Json.ok();
    ArrayNode users = out.putArray("users");
    for (String userId : userIds) {
      // Users without metadata are listed with "metadata": null, in the order asked.
      users.addObject().put("userId", userId).set("metadata", found.get(userId));
    }
    return out;
  }
}
