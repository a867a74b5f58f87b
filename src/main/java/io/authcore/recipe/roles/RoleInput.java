package io.authcore.recipe.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.http.HttpError;
import io.authcore.http.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Role and permission names as the original reads them: trimmed, never empty. */
final class RoleInput {
  private RoleInput() {}

  static String role(String raw) {
    return nonEmpty(raw, "role");
  }

  static String permission(String raw) {
    return nonEmpty(raw, "permission");
  }

  private static String nonEmpty(String raw, String field) {
    String value = raw.trim();
    if (value.isEmpty()) {
      throw HttpError.badRequest("Field name '" + field + "' cannot be an empty String");
    }
    return value;
  }

  /**
   * The optional {@code permissions} array, element by element as the original checks it (so the
   * first bad element decides the message). A JSON null is not "absent" but invalid.
   */
  static Optional<List<String>> permissions(JsonBody in) {
    if (!in.has("permissions")) {
      return Optional.empty();
    }
    JsonNode array = in.node().get("permissions");
    if (!array.isArray()) {
      throw invalidPermissions();
    }
    List<String> permissions = new ArrayList<>();
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        throw invalidPermissions();
      }
      String permission = item.textValue().trim();
      if (permission.isEmpty()) {
        throw HttpError.badRequest("Field name 'permissions' cannot contain an empty string");
      }
      permissions.add(permission);
    }
    return Optional.of(permissions);
  }

  private static HttpError invalidPermissions() {
    return HttpError.badRequest("Field name 'permissions' is invalid in JSON input");
  }
}
