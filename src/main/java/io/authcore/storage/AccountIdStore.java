package io.authcore.storage;

import java.util.List;
import java.util.Optional;

/**
 * How the ids of one person relate: user-id mappings ({@code userid_mapping}) and account linking
 * ({@code all_auth_recipe_users.primary_or_recipe_user_id}). Ids are SuperTokens ids unless the
 * method says external.
 */
public interface AccountIdStore {
  /** The SuperTokens id mapped to this external id, if any. */
  Optional<String> superTokensIdOf(String appId, String externalUserId);

  /** The external id mapped to this SuperTokens id, if any. */
  Optional<String> externalIdOf(String appId, String superTokensUserId);

  /** The primary user of this recipe user; empty when the recipe user does not exist. */
  Optional<String> primaryUserOf(String appId, String recipeUserId);

  /**
   * What a session needs to know of a user, in one read: {@code userId} is an external id or a
   * SuperTokens id, as sessions store it.
   *
   * @param superTokensId the id {@code userId} is mapped to, or {@code userId} itself
   * @param externalId the external id mapped to {@code superTokensId}; null when there is none
   * @param primaryUserId the primary user of {@code superTokensId}; null when no such recipe user
   */
  record Identity(String superTokensId, String externalId, String primaryUserId) {
    /** The id this user's sessions are stored under: the external id when there is one. */
    public String sessionUserId() {
      return externalId != null ? externalId : superTokensId;
    }

    /** The primary user, or {@code superTokensId} itself when there is no such recipe user. */
    public String primaryOrSelf() {
      return primaryUserId != null ? primaryUserId : superTokensId;
    }
  }

  /** {@link #superTokensIdOf}, then {@link #externalIdOf} and {@link #primaryUserOf} of that. */
  Identity identify(String appId, String userId);

  /** Every recipe user linked to this primary user (including itself when it is one). */
  List<String> linkedRecipeUsers(String appId, String primaryUserId);
}
