package io.authcore.recipe.users;

import io.authcore.storage.Storage;
import io.authcore.storage.UserStore.AuthUser;
import java.util.Optional;

/** Users across the login recipes: lookup by any of their ids. */
public final class UsersService {
  private final Storage storage;

  public UsersService(Storage storage) {
    this.storage = storage;
  }

  /** The user group of this id, which may be a SuperTokens id or an external (mapped) one. */
  public Optional<AuthUser> find(String appId, String userId) {
    Optional<AuthUser> user = storage.users().find(appId, userId);
    if (user.isPresent()) {
      return user;
    }
    return storage
        .accountIds()
        .superTokensIdOf(appId, userId)
        .flatMap(id -> storage.users().find(appId, id));
  }
}
