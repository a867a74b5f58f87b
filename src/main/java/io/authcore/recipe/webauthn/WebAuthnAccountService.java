package io.authcore.recipe.webauthn;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.accountlinking.PrimaryUserHolders;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.Violation.Kind;
import io.authcore.storage.WebAuthnStore;
import io.authcore.storage.WebAuthnStore.Credential;
import java.util.List;

/**
 * What a WebAuthn user holds: its credentials (read, listed, removed by the user they belong to)
 * and its email. User ids in may be SuperTokens or external ids; credentials belong to the app.
 */
public final class WebAuthnAccountService {
  static final String RECIPE = "webauthn";

  private final Storage storage;
  private final UsersService users;

  public WebAuthnAccountService(Storage storage, UsersService users) {
    this.storage = storage;
    this.users = users;
  }

  /**
   * @throws StatusException {@code CREDENTIAL_NOT_FOUND_ERROR} unless the user has this credential
   */
  public Credential credential(String appId, String userId, String credentialId) {
    return storage
        .webAuthn()
        .credentialOfUser(appId, internal(appId, userId), credentialId)
        .orElseThrow(() -> new StatusException(Status.CREDENTIAL_NOT_FOUND_ERROR));
  }

  /** The user's credentials, oldest first; none for an unknown user. */
  public List<Credential> credentials(String appId, String userId) {
    return storage.webAuthn().credentialsOf(appId, internal(appId, userId));
  }

  /**
   * @throws StatusException {@code CREDENTIAL_NOT_FOUND_ERROR} unless the user had this credential
   */
  public void removeCredential(String appId, String userId, String credentialId) {
    if (!storage.webAuthn().deleteCredential(appId, internal(appId, userId), credentialId)) {
      throw new StatusException(Status.CREDENTIAL_NOT_FOUND_ERROR);
    }
  }

  /**
   * Sets the email of the WebAuthn user {@code userId}, as given (the original does not normalise
   * it here). A primary user may not take an email another primary user holds in one of its
   * tenants; no two WebAuthn users of a tenant share an email. The original updates the tenant of
   * the request only; here every tenant of the user follows, so that the user's rows agree.
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR} unless {@code userId} is a WebAuthn login
   *     method, {@code USER_WITH_EMAIL_ALREADY_EXISTS_ERROR} or {@code EMAIL_ALREADY_EXISTS_ERROR}
   */
  public void updateEmail(String appId, String userId, String email) {
    String recipeUserId = internal(appId, userId);
    try {
      change(appId, recipeUserId, email);
    } catch (StorageException e) {
      // A sign-up took the email in one of the tenants meanwhile.
      if (e.violation().map(v -> v.is(Kind.UNIQUE, WebAuthnStore.EMAIL_KEY)).orElse(false)) {
        throw new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
      }
      throw e;
    }
  }

  private void change(String appId, String recipeUserId, String email) {
    storage.runInTransaction(
        tx -> {
          tx.accountLinking().lockApp(appId);
          AuthUser group =
              tx.users()
                  .find(appId, recipeUserId)
                  .filter(
                      g ->
                          g.loginMethods().stream()
                              .anyMatch(
                                  m ->
                                      m.recipeId().equals(RECIPE)
                                          && m.recipeUserId().equals(recipeUserId)))
                  .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
          if (group.isPrimaryUser()
              && new PrimaryUserHolders(tx, appId)
                  .ofEmail(email, PrimaryUserHolders.tenantsOf(group), group.id())
                  .isPresent()) {
            throw new StatusException(Status.USER_WITH_EMAIL_ALREADY_EXISTS_ERROR);
          }
          WebAuthnStore store = tx.webAuthn();
          if (store
              .otherUserWithEmail(appId, store.tenantsOf(appId, recipeUserId), email, recipeUserId)
              .isPresent()) {
            throw new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
          }
          store.updateEmail(appId, recipeUserId, email);
        });
  }

  /** The SuperTokens id an input id names; itself when it names nothing (nothing will be found). */
  private String internal(String appId, String userId) {
    return users.superTokensId(appId, userId).orElse(userId);
  }
}
