package io.authcore.recipe.bulkimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The login method kinds a bulk-imported user may have, by recipe id: the original's three, and
 * WebAuthn, which the original does not import (its error for an unknown recipe id is kept as it
 * words it).
 */
final class LoginMethodKinds {
  static final String INVALID =
      "Invalid recipeId for loginMethod. Pass one of emailpassword, thirdparty or, passwordless!";

  private static final Map<String, LoginMethodKind> BY_RECIPE = new LinkedHashMap<>();

  static {
    for (LoginMethodKind kind :
        List.of(
            new EmailPasswordKind(),
            new ThirdPartyKind(),
            new PasswordlessKind(),
            new WebAuthnKind())) {
      BY_RECIPE.put(kind.recipeId(), kind);
    }
  }

  private LoginMethodKinds() {}

  static Optional<LoginMethodKind> find(String recipeId) {
    return Optional.ofNullable(recipeId == null ? null : BY_RECIPE.get(recipeId));
  }

  static LoginMethodKind of(ImportedLoginMethod method) {
    return BY_RECIPE.get(method.recipeId());
  }

  /** In a fixed order, so that a batch writes its kinds' rows in the same order every time. */
  static Iterable<LoginMethodKind> all() {
    return BY_RECIPE.values();
  }
}
