package io.authcore.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.HttpError;
import io.authcore.http.JsonBody;
import java.util.ArrayList;
import java.util.List;

/** The {@code userIds} array of the original's bulk endpoints (metadata, TOTP device status). */
public final class BulkUserIds {
  static final int MAX = 500;

  private BulkUserIds() {}

  /** The ids in request order, duplicates kept; at most {@value #MAX}, each a string. */
  public static List<String> of(JsonBody in) {
    JsonNode array = in.node().get("userIds");
    if (array == null || !array.isArray()) {
      throw HttpError.badRequest("Field name 'userIds' is invalid in JSON input");
    }
    if (array.size() > MAX) {
      throw HttpError.badRequest("You can only query up to " + MAX + " users at a time.");
    }
    List<String> userIds = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        throw HttpError.badRequest("userIds array must contain only strings");
      }
      userIds.add(item.textValue());
    }
    return userIds;
  }
}
