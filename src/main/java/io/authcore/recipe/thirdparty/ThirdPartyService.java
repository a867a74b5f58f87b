package io.authcore.recipe.thirdparty;

import io.authcore.crypto.RandomTokens;
import io.authcore.events.AuthEvents;
import io.authcore.recipe.Outcomes;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.accountlinking.PrimaryUserHolders;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Stores;
import io.authcore.storage.ThirdPartyStore;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The third-party recipe: the SDK does the OAuth and hands the core the provider's user; the core
 * keeps one user per (tenant, thirdPartyId, thirdPartyUserId). Emails arrive normalised.
 */
public final class ThirdPartyService {
  static final String RECIPE = "thirdparty";
  static final String CHANGE_NOT_ALLOWED_REASON =
      "Email already associated with another primary user.";

  /** A fresh random id colliding with an existing one is (almost) impossible; retry a little. */
  private static final int ID_ATTEMPTS = 3;

  private final Storage storage;
  private final UsersService users;
  private final ActiveUsers activeUsers;
  private final Clock clock;

  private final AuthEvents events;

  public ThirdPartyService(
      Storage storage,
      UsersService users,
      ActiveUsers activeUsers,
      Clock clock,
      AuthEvents events) {
    this.events = events;
    this.storage = storage;
    this.users = users;
    this.activeUsers = activeUsers;
    this.clock = clock;
  }

  /** The provider's account as the SDK names it. */
  public record Identity(String thirdPartyId, String thirdPartyUserId) {}

  /**
   * A signed-up or signed-in user: the whole group, the id the login method is shown with, and
   * whether it was just created.
   */
  public record SignedInUp(AuthUser user, String recipeUserId, boolean createdNewUser) {}

  /**
   * Creates the tenant's user for this identity, or signs it in, taking the provider's current
   * email. {@code markVerified} marks that email verified; false never un-verifies it.
   */
  public SignedInUp signInUp(
      TenantId tenant, Identity identity, String email, boolean markVerified) {
    return Outcomes.reported(
        () -> findOrCreate(tenant, identity, email, markVerified),
        (done, outcome) -> {
          if (done != null && done.createdNewUser()) {
            events.signUp(tenant.appId(), "thirdparty", outcome);
          } else {
            events.signIn(tenant.appId(), "thirdparty", outcome);
          }
        });
  }

  private SignedInUp findOrCreate(
      TenantId tenant, Identity identity, String email, boolean markVerified) {
    String appId = tenant.appId();
    ThirdPartyStore store = storage.thirdParty();
    while (true) {
      Optional<String> existing =
          store.findUserId(
              appId, tenant.tenantId(), identity.thirdPartyId(), identity.thirdPartyUserId());
      if (existing.isPresent()) {
        String userId = existing.get();
        storage.runInTransaction(
            tx -> {
              if (!tx.thirdParty().email(appId, userId).map(email::equals).orElse(true)) {
                changeEmail(tx, appId, userId, email);
              }
              if (markVerified) {
                tx.emailVerification().markVerified(appId, userId, email);
              }
            });
        Optional<SignedInUp> signedIn = done(appId, userId, identity, false);
        if (signedIn.isPresent()) {
          return signedIn.get();
        }
        continue; // deleted meanwhile: sign up afresh
      }
      Optional<String> created = insert(tenant, identity, email, markVerified);
      if (created.isPresent()) {
        Optional<SignedInUp> signedUp = done(appId, created.get(), identity, true);
        if (signedUp.isPresent()) {
          return signedUp.get();
        }
      }
      // Another request created this identity meanwhile: sign that user in.
    }
  }

  /**
   * Takes the provider's new email, unless the user is in a primary user's group and another
   * primary user holds that email in one of the group's tenants.
   */
  private static void changeEmail(Stores tx, String appId, String userId, String email) {
    tx.accountLinking().lockApp(appId);
    Optional<AuthUser> group = tx.users().find(appId, userId);
    if (group.isPresent() && group.get().isPrimaryUser()) {
      AuthUser g = group.get();
      if (new PrimaryUserHolders(tx, appId)
          .ofEmail(email, PrimaryUserHolders.tenantsOf(g), g.id())
          .isPresent()) {
        throw new StatusException(
            Status.EMAIL_CHANGE_NOT_ALLOWED_ERROR, Map.of("reason", CHANGE_NOT_ALLOWED_REASON));
      }
    }
    tx.thirdParty().updateEmail(appId, userId, email);
  }

  private Optional<SignedInUp> done(
      String appId, String userId, Identity identity, boolean created) {
    return storage
        .users()
        .find(appId, userId)
        .map(
            user -> {
              activeUsers.markActive(appId, userId);
              return new SignedInUp(user, shownIdOf(user, identity, userId), created);
            });
  }

  /** The new user's id, or empty when the tenant already has a user with this identity. */
  private Optional<String> insert(
      TenantId tenant, Identity identity, String email, boolean verified) {
    for (int attempt = 1; ; attempt++) {
      String userId = RandomTokens.uuid();
      long now = clock.millis();
      try {
        storage.runInTransaction(
            tx -> {
              tx.thirdParty()
                  .insertUser(
                      tenant.appId(),
                      tenant.tenantId(),
                      userId,
                      identity.thirdPartyId(),
                      identity.thirdPartyUserId(),
                      email,
                      now);
              if (verified) {
                tx.emailVerification().markVerified(tenant.appId(), userId, email);
              }
            });
        return Optional.of(userId);
      } catch (StorageException e) {
        Violation v = e.violation().orElseThrow(() -> e);
        if (v.is(Kind.UNIQUE, ThirdPartyStore.IDENTITY_KEY)) {
          return Optional.empty();
        }
        if (v.kind() != Kind.UNIQUE || attempt >= ID_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The id of the login method holding this identity, external if mapped. */
  private static String shownIdOf(AuthUser user, Identity identity, String recipeUserId) {
    return user.loginMethods().stream()
        .filter(m -> m.recipeId().equals(RECIPE))
        .filter(m -> Objects.equals(m.thirdPartyId(), identity.thirdPartyId()))
        .filter(m -> Objects.equals(m.thirdPartyUserId(), identity.thirdPartyUserId()))
        .map(m -> m.externalId() != null ? m.externalId() : m.recipeUserId())
        .findFirst()
        .orElse(recipeUserId);
  }

  /**
   * The deprecated {@code GET /recipe/user?userId} with the thirdparty rid: the user reduced to its
   * third-party login method.
   */
  public Optional<AuthUser> byId(String appId, String userId) {
    return users.asRecipeUser(appId, userId, RECIPE);
  }

  /** The deprecated {@code GET /recipe/user} by identity: the whole group. */
  public Optional<AuthUser> byIdentity(TenantId tenant, Identity identity) {
    return storage
        .thirdParty()
        .findUserId(
            tenant.appId(), tenant.tenantId(), identity.thirdPartyId(), identity.thirdPartyUserId())
        .flatMap(id -> storage.users().find(tenant.appId(), id));
  }

  /** The deprecated {@code GET /recipe/users/by-email}: the tenant's users with a login method. */
  public List<AuthUser> byEmail(TenantId tenant, String email) {
    return storage.thirdParty().userIdsByEmail(tenant.appId(), tenant.tenantId(), email).stream()
        .map(id -> storage.users().find(tenant.appId(), id))
        .flatMap(Optional::stream)
        .toList();
  }
}
