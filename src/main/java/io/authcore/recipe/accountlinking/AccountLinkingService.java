package io.authcore.recipe.accountlinking;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.accountlinking.PrimaryUserHolders.Holder;
import io.authcore.recipe.session.SessionRegistry;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.recipe.users.UserDeletion;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.Storage;
import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.tenancy.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Account linking: making a recipe user primary, linking recipe users to a primary user, and
 * unlinking them, with the original's rules. A primary user's email, phone number and third-party
 * login are its alone within each of its tenants; every change that could break that runs under the
 * app's linking lock, so of two racing requests exactly one wins.
 *
 * <p>Ids in may be SuperTokens or external ids. An unknown one is {@code UNKNOWN_USER_ID_ERROR}.
 */
public final class AccountLinkingService {
  static final String ALREADY_LINKED = "This user ID is already linked to another user ID";
  static final String LINKED_ELSEWHERE =
      "The input recipe user ID is already linked to another user ID";

  private final Storage storage;
  private final UsersService users;
  private final UserDeletion deletion;
  private final SessionRegistry sessions;
  private final ActiveUsers activeUsers;

  public AccountLinkingService(
      Storage storage,
      UsersService users,
      UserDeletion deletion,
      SessionRegistry sessions,
      ActiveUsers activeUsers) {
    this.storage = storage;
    this.users = users;
    this.deletion = deletion;
    this.sessions = sessions;
    this.activeUsers = activeUsers;
  }

  /** A primary user and whether it was one before the request. */
  public record Primary(AuthUser user, boolean wasAlreadyPrimary) {}

  /** A primary user's group after a link, and whether the link was in place already. */
  public record Linked(AuthUser user, boolean alreadyLinked) {}

  /** What an unlink did. */
  public record Unlinked(boolean wasLinked, boolean recipeUserDeleted) {}

  /**
   * Whether the recipe user could become a primary user now.
   *
   * @return whether it is one already
   * @throws LinkRefusedException when it is linked to another user or its account info is held
   */
  public boolean canCreatePrimary(String appId, String recipeUserId) {
    String id = superTokensId(appId, recipeUserId);
    return storage.inTransaction(tx -> checkPrimary(tx, appId, id).wasAlreadyPrimary());
  }

  /** Makes the recipe user a primary user, under the same rules as {@link #canCreatePrimary}. */
  public Primary createPrimary(String appId, String recipeUserId) {
    String id = superTokensId(appId, recipeUserId);
    return storage.inTransaction(
        tx -> {
          tx.accountLinking().lockApp(appId);
          Primary checked = checkPrimary(tx, appId, id);
          if (checked.wasAlreadyPrimary()) {
            return checked;
          }
          tx.accountLinking().makePrimary(appId, id);
          return new Primary(group(tx, appId, id), false);
        });
  }

  private static Primary checkPrimary(Stores tx, String appId, String id) {
    AuthUser user = group(tx, appId, id);
    if (user.isPrimaryUser()) {
      if (user.id().equals(id)) {
        return new Primary(user, true);
      }
      throw new LinkRefusedException(
          Status.RECIPE_USER_ID_ALREADY_LINKED_WITH_PRIMARY_USER_ID_ERROR, user, ALREADY_LINKED);
    }
    LoginMethod method = user.loginMethods().get(0);
    new PrimaryUserHolders(tx, appId)
        .of(method, Set.copyOf(method.tenantIds()), null)
        .ifPresent(
            h -> {
              throw accountInfoHeld(h);
            });
    return new Primary(user, false);
  }

  /**
   * Whether the recipe user could be linked to the primary user now (the primary user may be named
   * by any member of its group).
   *
   * @return whether they are linked already
   * @throws StatusException {@code INPUT_USER_IS_NOT_A_PRIMARY_USER}
   * @throws LinkRefusedException when the recipe user is in another group or account info is held
   */
  public boolean canLink(String appId, String recipeUserId, String primaryUserId) {
    String recipeId = superTokensId(appId, recipeUserId);
    String primaryId = superTokensId(appId, primaryUserId);
    return storage.inTransaction(tx -> checkLink(tx, appId, recipeId, primaryId).alreadyLinked());
  }

  /** Links the recipe user to the primary user, under the rules of {@link #canLink}. */
  public Linked link(String appId, String recipeUserId, String primaryUserId) {
    String recipeId = superTokensId(appId, recipeUserId);
    String primaryId = superTokensId(appId, primaryUserId);
    Linked linked =
        storage.inTransaction(
            tx -> {
              tx.accountLinking().lockApp(appId);
              Linked checked = checkLink(tx, appId, recipeId, primaryId);
              if (checked.alreadyLinked()) {
                return checked;
              }
              tx.accountLinking().link(appId, recipeId, checked.user().id());
              return new Linked(group(tx, appId, recipeId), false);
            });
    if (!linked.alreadyLinked()) {
      // The recipe user's sessions name a user that no longer stands alone.
      revokeOwnSessions(appId, recipeId);
      activeUsers.moveAfterLinking(appId, linked.user().id(), recipeId);
    }
    return linked;
  }

  private static Linked checkLink(Stores tx, String appId, String recipeId, String primaryId) {
    AuthUser primary = group(tx, appId, primaryId);
    if (!primary.isPrimaryUser()) {
      throw new StatusException(Status.INPUT_USER_IS_NOT_A_PRIMARY_USER);
    }
    AuthUser recipe = group(tx, appId, recipeId);
    if (recipe.isPrimaryUser()) {
      if (recipe.id().equals(primary.id())) {
        return new Linked(primary, true);
      }
      throw new LinkRefusedException(
          Status.RECIPE_USER_ID_ALREADY_LINKED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR,
          recipe,
          LINKED_ELSEWHERE);
    }
    Set<String> tenants = PrimaryUserHolders.tenantsOf(recipe);
    tenants.addAll(PrimaryUserHolders.tenantsOf(primary));
    PrimaryUserHolders holders = new PrimaryUserHolders(tx, appId);
    Optional<Holder> held = holders.of(recipe.loginMethods().get(0), tenants, primary.id());
    for (LoginMethod m : primary.loginMethods()) {
      if (held.isPresent()) {
        break;
      }
      held = holders.of(m, tenants, primary.id());
    }
    held.ifPresent(
        h -> {
          throw accountInfoHeld(h);
        });
    return new Linked(primary, false);
  }

  /**
   * Takes a recipe user out of its group. The primary user's own login method cannot leave a group
   * that has others: the original deletes it instead, keeping the group under the primary id.
   */
  public Unlinked unlink(String appId, String recipeUserId) {
    String id = superTokensId(appId, recipeUserId);
    Unlinked unlinked =
        storage.inTransaction(
            tx -> {
              tx.accountLinking().lockApp(appId);
              AuthUser group = group(tx, appId, id);
              if (!group.isPrimaryUser()) {
                return new Unlinked(false, false);
              }
              if (group.id().equals(id) && group.loginMethods().size() > 1) {
                deletion.deleteLoginMethod(tx, appId, id);
                return new Unlinked(true, true);
              }
              tx.accountLinking().unlink(appId, id, group.id());
              return new Unlinked(true, false);
            });
    if (unlinked.wasLinked()) {
      revokeOwnSessions(appId, id);
    }
    return unlinked;
  }

  private String superTokensId(String appId, String userId) {
    return users
        .superTokensId(appId, userId)
        .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
  }

  /** Every session of this recipe user alone, in any tenant: its user id has changed. */
  private void revokeOwnSessions(String appId, String superTokensId) {
    String sessionUserId =
        storage.accountIds().externalIdOf(appId, superTokensId).orElse(superTokensId);
    sessions.revokeForUser(TenantId.of(appId, TenantId.DEFAULT), sessionUserId, true, false);
  }

  private static AuthUser group(Stores tx, String appId, String superTokensId) {
    return tx.users()
        .find(appId, superTokensId)
        .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
  }

  private static LinkRefusedException accountInfoHeld(Holder h) {
    String description =
        switch (h.info()) {
          case EMAIL -> "This user's email is already associated with another user ID";
          case PHONE_NUMBER ->
              "This user's phone number is already associated with another user ID";
          case THIRD_PARTY ->
              "This user's third party login is already associated with another user ID";
        };
    return new LinkRefusedException(
        Status.ACCOUNT_INFO_ALREADY_ASSOCIATED_WITH_ANOTHER_PRIMARY_USER_ID_ERROR,
        h.user(),
        description);
  }
}
