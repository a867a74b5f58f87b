package io.authcore.recipe.session;

import io.authcore.storage.AccountIdStore;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The user ids a session shows and is found by. A session may be created with an external id (a
 * user-id mapping) or a recipe user that is linked to a primary user; the original shows mapped ids
 * as their external form and the primary user as {@code userId}.
 */
final class SessionUsers {
  private SessionUsers() {}

  /** {@code userId} is the primary user, {@code recipeUserId} the one the session was made for. */
  record Ids(String userId, String recipeUserId) {}

  static Ids resolve(AccountIdStore ids, String appId, String givenUserId) {
    return resolve(ids, appId, ids.identify(appId, givenUserId));
  }

  /** As above, for a user already identified. */
  static Ids resolve(AccountIdStore ids, String appId, AccountIdStore.Identity who) {
    String superTokensId = who.superTokensId();
    String recipe = who.sessionUserId();
    String primary = who.primaryOrSelf();
    if (primary.equals(superTokensId)) {
      return new Ids(recipe, recipe);
    }
    return new Ids(ids.externalIdOf(appId, primary).orElse(primary), recipe);
  }

  /** Every id under which this user's sessions may be stored, optionally with linked accounts. */
  static Set<String> expand(
      AccountIdStore ids, String appId, String givenUserId, boolean withLinked) {
    Set<String> all = new LinkedHashSet<>();
    all.add(givenUserId);
    AccountIdStore.Identity who = ids.identify(appId, givenUserId);
    String superTokensId = who.superTokensId();
    all.add(superTokensId);
    if (who.externalId() != null) {
      all.add(who.externalId());
    }
    if (withLinked) {
      String primary = who.primaryOrSelf();
      for (String linked : ids.linkedRecipeUsers(appId, primary)) {
        all.add(linked);
        ids.externalIdOf(appId, linked).ifPresent(all::add);
      }
    }
    return all;
  }
}
