package io.authcore.recipe.passwordless;

import io.authcore.crypto.RandomTokens;
import io.authcore.events.AuthEvents;
import io.authcore.recipe.Outcomes;
import io.authcore.recipe.passwordless.PasswordlessCodesService.Proof;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.PasswordlessStore;
import io.authcore.storage.PasswordlessStore.Device;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Passwordless users: a consumed code signs in the tenant's passwordless user with the device's
 * email or phone number, creating it on first use. Emails and phone numbers arrive normalised.
 */
public final class PasswordlessService {
  static final String RECIPE = "passwordless";

  /** A fresh random id colliding with an existing one is (almost) impossible; retry a little. */
  private static final int ID_ATTEMPTS = 3;

  private final Storage storage;
  private final PasswordlessCodesService codes;
  private final UsersService users;
  private final ActiveUsers activeUsers;
  private final Clock clock;

  private final AuthEvents events;

  public PasswordlessService(
      Storage storage,
      PasswordlessCodesService codes,
      UsersService users,
      ActiveUsers activeUsers,
      Clock clock,
      AuthEvents events) {
    this.events = events;
    this.storage = storage;
    this.codes = codes;
    this.users = users;
    this.activeUsers = activeUsers;
    this.clock = clock;
  }

  /**
   * A consumed code: the user's group, the id its passwordless login method is shown with (null if
   * the group no longer has it), whether it was just created, and the device that was consumed.
   */
  public record Consumed(
      AuthUser user, String recipeUserId, boolean createdNewUser, Device consumedDevice) {}

  /**
   * Consumes a code (see {@link PasswordlessCodesService#check}) and signs up or signs in its user.
   * {@code markVerified} marks an email device's email verified for that user.
   *
   * @throws io.authcore.recipe.StatusException {@code RESTART_FLOW_ERROR} also when another request
   *     created the user between the check and the sign-up, as the original answers
   */
  public Consumed consume(TenantId tenant, Proof proof, boolean markVerified) {
    return Outcomes.reported(
        () -> signInOrUp(tenant, proof, markVerified),
        (consumed, outcome) -> {
          if (consumed != null && consumed.createdNewUser()) {
            events.signUp(tenant.appId(), "passwordless", outcome);
          } else {
            events.signIn(tenant.appId(), "passwordless", outcome);
          }
        });
  }

  private Consumed signInOrUp(TenantId tenant, Proof proof, boolean markVerified) {
    Device device = codes.check(tenant, proof, true);
    String appId = tenant.appId();
    String email = device.email();
    String phone = device.phoneNumber();
    PasswordlessStore store = storage.passwordless();
    Optional<String> existing =
        email != null
            ? store.userIdByEmail(appId, tenant.tenantId(), email)
            : store.userIdByPhoneNumber(appId, tenant.tenantId(), phone);
    boolean created = existing.isEmpty();
    String userId = created ? signUp(tenant, email, phone, markVerified) : existing.get();
    if (!created) {
      if (markVerified && email != null) {
        storage.emailVerification().markVerified(appId, userId, email);
      }
      // Codes sent to the user's other contact are no longer needed either.
      Optional<LoginMethod> method =
          storage.users().find(appId, userId).flatMap(u -> methodOf(u, userId));
      method
          .map(LoginMethod::email)
          .filter(e -> !e.equals(email))
          .ifPresent(e -> codes.removeByEmail(tenant, e));
      method
          .map(LoginMethod::phoneNumber)
          .filter(p -> !p.equals(phone))
          .ifPresent(p -> codes.removeByPhoneNumber(tenant, p));
    }
    AuthUser user =
        storage
            .users()
            .find(appId, userId)
            .orElseThrow(PasswordlessCodesService::restart); // deleted meanwhile
    activeUsers.markActive(appId, user.id());
    return new Consumed(user, shownIdOf(user, email, phone), created, device);
  }

  private String signUp(TenantId tenant, String email, String phone, boolean markVerified) {
    for (int attempt = 1; ; attempt++) {
      String userId = RandomTokens.uuid();
      long now = clock.millis();
      try {
        storage.runInTransaction(
            tx -> {
              tx.passwordless()
                  .insertUser(tenant.appId(), tenant.tenantId(), userId, email, phone, now);
              if (markVerified && email != null) {
                tx.emailVerification().markVerified(tenant.appId(), userId, email);
              }
            });
        return userId;
      } catch (StorageException e) {
        Violation v = e.violation().orElseThrow(() -> e);
        if (v.is(Kind.UNIQUE, PasswordlessStore.EMAIL_KEY)
            || v.is(Kind.UNIQUE, PasswordlessStore.PHONE_NUMBER_KEY)) {
          throw PasswordlessCodesService.restart();
        }
        if (v.kind() != Kind.UNIQUE || attempt >= ID_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static Optional<LoginMethod> methodOf(AuthUser group, String recipeUserId) {
    return group.loginMethods().stream()
        .filter(m -> m.recipeUserId().equals(recipeUserId))
        .filter(m -> m.recipeId().equals(RECIPE))
        .findFirst();
  }

  /** The first passwordless login method with the device's contact, as the original picks it. */
  private static String shownIdOf(AuthUser user, String email, String phone) {
    return user.loginMethods().stream()
        .filter(m -> m.recipeId().equals(RECIPE))
        .filter(m -> email == null || Objects.equals(m.email(), email))
        .filter(m -> phone == null || Objects.equals(m.phoneNumber(), phone))
        .map(m -> m.externalId() != null ? m.externalId() : m.recipeUserId())
        .findFirst()
        .orElse(null);
  }

  /**
   * The deprecated {@code GET /recipe/user?userId} with the passwordless rid: the user reduced to
   * its passwordless login method.
   */
  public Optional<AuthUser> byId(String appId, String userId) {
    return users.asRecipeUser(appId, userId, RECIPE);
  }

  /** The deprecated {@code GET /recipe/user} by email: the whole group. */
  public Optional<AuthUser> byEmail(TenantId tenant, String email) {
    return groupOf(
        tenant, storage.passwordless().userIdByEmail(tenant.appId(), tenant.tenantId(), email));
  }

  /** The deprecated {@code GET /recipe/user} by phone number: the whole group. */
  public Optional<AuthUser> byPhoneNumber(TenantId tenant, String phoneNumber) {
    return groupOf(
        tenant,
        storage.passwordless().userIdByPhoneNumber(tenant.appId(), tenant.tenantId(), phoneNumber));
  }

  private Optional<AuthUser> groupOf(TenantId tenant, Optional<String> userId) {
    return userId.flatMap(id -> storage.users().find(tenant.appId(), id));
  }
}
