package io.authcore.recipe.users;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;

/** A recipe user about to be changed: locked, with its group, inside the changing transaction. */
public record LockedLoginMethod(AuthUser group, LoginMethod method) {
  /**
   * Locks the recipe user {@code userId} (a SuperTokens id) and reads its group.
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR} when there is no such user, or it is not
   *     a login method of {@code recipeId}
   */
  public static LockedLoginMethod lock(Stores tx, String appId, String userId, String recipeId) {
    if (!tx.userData().lock(appId, userId)) {
      throw new StatusException(Status.UNKNOWN_USER_ID_ERROR);
    }
    AuthUser group =
        tx.users()
            .find(appId, userId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    LoginMethod method =
        group.loginMethods().stream()
            .filter(m -> m.recipeUserId().equals(userId))
            .filter(m -> m.recipeId().equals(recipeId))
            .findFirst()
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    return new LockedLoginMethod(group, method);
  }
}
