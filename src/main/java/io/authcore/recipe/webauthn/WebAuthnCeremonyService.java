package io.authcore.recipe.webauthn;

import io.authcore.crypto.RandomTokens;
import io.authcore.events.AuthEvents;
import io.authcore.recipe.Outcomes;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.recipe.users.UserView;
import io.authcore.recipe.users.UsersService;
import io.authcore.recipe.webauthn.CeremonyVerifier.Registered;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.storage.WebAuthnStore;
import io.authcore.storage.WebAuthnStore.Credential;
import io.authcore.storage.WebAuthnStore.Options;
import io.authcore.tenancy.TenantId;
import java.time.Clock;

/**
 * The ceremonies that prove a passkey: signing up with a new one, signing in with one, and adding
 * one to a user. Each checks its stored options first, then the credential's shape, then the
 * options' expiry, then the ceremony itself, as the original does; nothing is written unless all
 * pass.
 *
 * <p>As in the original, a ceremony finds its options and a sign-in its credential in any tenant of
 * the app: the SDK signs a user of another tenant in and then adds it to the request's tenant. One
 * deliberate difference closes a replay: sign-in options are consumed by a successful sign-in at
 * every CDI version (the original only from CDI 5.5). A sign-in only finds credentials of the
 * options' relying party.
 */
public final class WebAuthnCeremonyService {
  /** The width of {@code webauthn_credentials.id}. */
  private static final int MAX_CREDENTIAL_ID = 256;

  private static final int ID_ATTEMPTS = 3;

  private final Storage storage;
  private final UsersService users;
  private final ActiveUsers activeUsers;
  private final Clock clock;

  private final AuthEvents events;

  public WebAuthnCeremonyService(
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

  /** A new WebAuthn user with its first credential, and the options it was registered with. */
  public record SignedUp(
      AuthUser user, String recipeUserId, String credentialId, Options options) {}

  /**
   * @throws StatusException {@code OPTIONS_NOT_FOUND_ERROR}, {@code INVALID_CREDENTIALS_ERROR},
   *     {@code INVALID_OPTIONS_ERROR}, {@code INVALID_AUTHENTICATOR_ERROR} or {@code
   *     EMAIL_ALREADY_EXISTS_ERROR}
   */
  public SignedUp signUp(TenantId tenant, String optionsId, SubmittedCredential credential) {
    return Outcomes.reported(
        () -> register(tenant, optionsId, credential),
        (signedUp, outcome) -> events.signUp(tenant.appId(), "webauthn", outcome));
  }

  private SignedUp register(TenantId tenant, String optionsId, SubmittedCredential credential) {
    Options options = options(tenant, optionsId);
    Registered key = verifyRegistration(options, credential);
    if (options.email() == null) {
      // Sign-in options name no email to sign up with; the original fails with a 500 here.
      throw OptionRules.invalid("Options were not generated for a registration");
    }
    String appId = tenant.appId();
    for (int attempt = 1; ; attempt++) {
      String userId = RandomTokens.uuid();
      long now = clock.millis();
      try {
        storage.runInTransaction(
            tx -> {
              WebAuthnStore store = tx.webAuthn();
              store.insertUser(
                  appId, tenant.tenantId(), userId, options.email(), options.rpId(), now);
              store.insertCredential(appId, credential(credential, options, key, userId, now));
            });
      } catch (StorageException e) {
        Violation v = e.violation().orElseThrow(() -> e);
        if (v.is(Kind.UNIQUE, WebAuthnStore.EMAIL_KEY)) {
          throw new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
        }
        if (v.is(Kind.UNIQUE, WebAuthnStore.CREDENTIAL_KEY)) {
          // The original answers a 500; the SDK reports this status as a bad credential.
          throw CeremonyVerifier.credentials("Credential already exists");
        }
        if (v.kind() != Kind.UNIQUE || attempt >= ID_ATTEMPTS) {
          throw e;
        }
        continue; // the new user id was taken
      }
      return new SignedUp(active(appId, userId), userId, credential.id(), options);
    }
  }

  /** A signed-in user (the whole group) and the id its WebAuthn login method is shown with. */
  public record SignedIn(AuthUser user, String recipeUserId) {}

  /**
   * Verifies the assertion, stores the new signature counter and consumes the options, in one
   * transaction that holds the options' and the credential's rows: of two sign-ins with the same
   * options only one succeeds, and concurrent sign-ins with one credential see each other's
   * counters.
   *
   * @throws StatusException {@code OPTIONS_NOT_FOUND_ERROR}, {@code INVALID_CREDENTIALS_ERROR},
   *     {@code CREDENTIAL_NOT_FOUND_ERROR}, {@code INVALID_OPTIONS_ERROR}, {@code
   *     INVALID_AUTHENTICATOR_ERROR} or {@code UNKNOWN_USER_ID_ERROR}
   */
  public SignedIn signIn(TenantId tenant, String optionsId, SubmittedCredential credential) {
    return Outcomes.reported(
        () -> authenticate(tenant, optionsId, credential),
        (signedIn, outcome) -> events.signIn(tenant.appId(), "webauthn", outcome));
  }

  private SignedIn authenticate(TenantId tenant, String optionsId, SubmittedCredential credential) {
    String appId = tenant.appId();
    String userId =
        storage.inTransaction(
            tx -> {
              WebAuthnStore store = tx.webAuthn();
              Options options =
                  store
                      .lockOptionsInApp(appId, optionsId)
                      .orElseThrow(() -> new StatusException(Status.OPTIONS_NOT_FOUND_ERROR));
              credential.check();
              Credential stored =
                  store
                      .lockCredential(appId, options.rpId(), credential.id())
                      .filter(c -> c.userId() != null)
                      .orElseThrow(() -> new StatusException(Status.CREDENTIAL_NOT_FOUND_ERROR));
              checkNotExpired(options);
              long counter = CeremonyVerifier.signIn(options, stored, credential.json());
              store.updateCounter(appId, stored.rpId(), stored.id(), counter, clock.millis());
              store.deleteOptionsInApp(appId, optionsId);
              return stored.userId();
            });
    AuthUser user = active(appId, userId);
    String shown =
        user.loginMethods().stream()
            .filter(m -> m.recipeUserId().equals(userId))
            .map(UserView::shownId)
            .findFirst()
            .orElse(userId);
    return new SignedIn(user, shown);
  }

  /** A credential added to a user, and the options it was registered with. */
  public record Added(String credentialId, Options options) {}

  /**
   * Adds a passkey to the WebAuthn user {@code userId} (a SuperTokens or external id).
   *
   * @throws StatusException {@code OPTIONS_NOT_FOUND_ERROR}, {@code INVALID_CREDENTIALS_ERROR},
   *     {@code INVALID_OPTIONS_ERROR}, {@code INVALID_AUTHENTICATOR_ERROR}, {@code
   *     UNKNOWN_USER_ID_ERROR} or {@code CREDENTIAL_ALREADY_EXISTS_ERROR}
   */
  public Added register(
      TenantId tenant, String userId, String optionsId, SubmittedCredential credential) {
    Options options = options(tenant, optionsId);
    Registered key = verifyRegistration(options, credential);
    String appId = tenant.appId();
    String superTokensId = users.superTokensId(appId, userId).orElse(userId);
    try {
      storage
          .webAuthn()
          .insertCredential(
              appId, credential(credential, options, key, superTokensId, clock.millis()));
    } catch (StorageException e) {
      Violation v = e.violation().orElseThrow(() -> e);
      if (v.is(Kind.UNIQUE, WebAuthnStore.CREDENTIAL_KEY)) {
        throw new StatusException(Status.CREDENTIAL_ALREADY_EXISTS_ERROR);
      }
      if (v.is(Kind.FOREIGN_KEY, WebAuthnStore.CREDENTIAL_USER_KEY)) {
        throw new StatusException(Status.UNKNOWN_USER_ID_ERROR);
      }
      throw e;
    }
    return new Added(credential.id(), options);
  }

  /** The group of the recipe user who just signed up or in, now counted as active. */
  private AuthUser active(String appId, String recipeUserId) {
    AuthUser user =
        storage
            .users()
            .find(appId, recipeUserId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    activeUsers.markActive(appId, user.id());
    return user;
  }

  private Options options(TenantId tenant, String optionsId) {
    return storage
        .webAuthn()
        .optionsInApp(tenant.appId(), optionsId)
        .orElseThrow(() -> new StatusException(Status.OPTIONS_NOT_FOUND_ERROR));
  }

  private Registered verifyRegistration(Options options, SubmittedCredential credential) {
    credential.check();
    checkNotExpired(options);
    Registered key = CeremonyVerifier.register(options, credential.json());
    if (!fits(credential.id())) {
      throw CeremonyVerifier.authenticator(
          "credentialId exceeds the " + MAX_CREDENTIAL_ID + " characters it is stored in");
    }
    return key;
  }

  private static boolean fits(String credentialId) {
    return credentialId.length() <= MAX_CREDENTIAL_ID;
  }

  private void checkNotExpired(Options options) {
    if (options.expiresAt() < clock.millis()) {
      throw OptionRules.invalid("Options expired");
    }
  }

  private static Credential credential(
      SubmittedCredential submitted, Options options, Registered key, String userId, long now) {
    return new Credential(
        submitted.id(),
        options.rpId(),
        userId,
        key.counter(),
        key.attestedData(),
        key.transports(),
        now,
        now);
  }
}
