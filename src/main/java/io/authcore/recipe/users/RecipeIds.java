package io.authcore.recipe.users;

import io.authcore.http.HttpError;
import io.authcore.http.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code includeRecipeIds} filter of {@code /users} and {@code /users/count}. */
final class RecipeIds {
  /** What it may name (the original's RECIPE_ID values). */
  private static final Set<String> KNOWN =
      Set.of(
          "emailpassword",
          "thirdparty",
          "passwordless",
          "webauthn",
          "session",
          "emailverification",
          "jwt",
          "usermetadata",
          "userroles",
          "useridmapping",
          "dashboard",
          "totp",
          "multitenancy",
          "accountlinking",
          "multifactorauth",
          "oauth",
          "saml");

  private RecipeIds() {}

  /** The named recipes, lower case; empty when the filter is absent. */
  static List<String> of(Query q) {
    List<String> ids = new ArrayList<>();
    for (String raw : q.list("includeRecipeIds")) {
      String id = raw.toLowerCase(Locale.ROOT);
      if (!KNOWN.contains(id)) {
        throw HttpError.badRequest("Unknown recipe ID: " + raw);
      }
      ids.add(id);
    }
    return ids;
  }
}
