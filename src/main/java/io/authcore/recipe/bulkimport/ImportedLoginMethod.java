package io.authcore.recipe.bulkimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One login method of a user to import, checked and normalised.
 *
 * @param fields its kind's own fields (email, passwordHash, ...), those given, in the order the
 *     original writes them
 * @param superTokensUserId the id its recipe user gets, fixed when the user is queued so that an
 *     import that is run again writes the same ids
 */
record ImportedLoginMethod(
    String recipeId,
    List<String> tenantIds,
    boolean verified,
    boolean primary,
    long timeJoined,
    Map<String, String> fields,
    String superTokensUserId) {

  ImportedLoginMethod {
    tenantIds = List.copyOf(tenantIds);
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  String field(String name) {
    return fields.get(name);
  }

  String email() {
    return fields.get("email");
  }

  /** The same method with one of its fields set (a computed password hash, say). */
  ImportedLoginMethod with(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(fields);
    changed.put(name, value);
    return new ImportedLoginMethod(
        recipeId, tenantIds, verified, primary, timeJoined, changed, superTokensUserId);
  }
}
