package io.authcore.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users of the login recipes, read as the original shows them: a primary user and the recipe users
 * (login methods) linked to it, from {@code all_auth_recipe_users} and the recipe tables. Ids in
 * and out are SuperTokens ids; each carries its external id when a user-id mapping exists.
 */
public interface UserStore {
  /** The group that this SuperTokens user id (primary or linked) belongs to. */
  Optional<AuthUser> find(String appId, String superTokensUserId);

  /** The groups headed by these primary user ids, in the order given; unknown ids are skipped. */
  List<AuthUser> groups(String appId, Collection<String> primaryUserIds);

  /** A primary user and its login methods, oldest first. */
  record AuthUser(
      String id, String externalId, boolean isPrimaryUser, List<LoginMethod> loginMethods) {}

  /** One recipe user. Fields a recipe does not have are null; credential ids only for WebAuthn. */
  record LoginMethod(
      String recipeId,
      String recipeUserId,
      String externalId,
      Set<String> tenantIds,
      long timeJoined,
      boolean verified,
      String email,
      String phoneNumber,
      String thirdPartyId,
      String thirdPartyUserId,
      List<String> webauthnCredentialIds) {}
}
