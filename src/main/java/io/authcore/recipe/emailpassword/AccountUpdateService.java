package io.authcore.recipe.emailpassword;

import io.authcore.crypto.password.PasswordHasher;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.accountlinking.PrimaryUserHolders;
import io.authcore.recipe.users.LockedLoginMethod;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.Violation.Kind;
import io.authcore.tenancy.TenantConfigs;
import java.util.Map;

/** {@code PUT /recipe/user} for email-password users: a new email, a new password, or both. */
public final class AccountUpdateService {
  static final String CHANGE_NOT_ALLOWED_REASON =
      "New email is associated with another primary user ID";

  private final Storage storage;
  private final AppPasswords passwords;
  private final UsersService users;

  public AccountUpdateService(
      Storage storage, PasswordHasher hasher, TenantConfigs configs, UsersService users) {
    this.storage = storage;
    this.passwords = new AppPasswords(hasher, configs);
    this.users = users;
  }

  /**
   * Updates the email-password login method {@code recipeUserId} (a SuperTokens or external id).
   * The email arrives normalised; either may be null (unchanged).
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR}, {@code EMAIL_ALREADY_EXISTS_ERROR} or
   *     {@code EMAIL_CHANGE_NOT_ALLOWED_ERROR}
   * @throws io.authcore.crypto.password.PasswordTooLongException for an overlong password
   */
  public void update(String appId, String recipeUserId, String email, String password) {
    String userId =
        users
            .superTokensId(appId, recipeUserId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    String hash = password == null ? null : passwords.hash(appId, password);
    try {
      storage.runInTransaction(
          tx -> {
            if (email != null) {
              // Before the user's row, as every linking change takes them.
              tx.accountLinking().lockApp(appId);
            }
            LockedLoginMethod locked =
                LockedLoginMethod.lock(tx, appId, userId, EmailPasswordService.RECIPE);
            AuthUser group = locked.group();
            LoginMethod method = locked.method();
            if (email != null && !email.equals(method.email())) {
              changeEmail(tx, appId, group, userId, email);
            }
            if (hash != null) {
              tx.emailPassword().updatePasswordHash(appId, userId, hash);
            }
          });
    } catch (StorageException e) {
      // Another user took the email between the check and the write.
      if (e.violation().filter(v -> v.is(Kind.UNIQUE, EmailPasswordService.EMAIL_KEY)).isEmpty()) {
        throw e;
      }
      throw duplicate();
    }
  }

  private void changeEmail(Stores tx, String appId, AuthUser group, String userId, String email) {
    if (group.isPrimaryUser()
        && new PrimaryUserHolders(tx, appId)
            .ofEmail(email, PrimaryUserHolders.tenantsOf(group), group.id())
            .isPresent()) {
      throw notAllowed();
    }
    if (tx.emailPassword().emailTakenInTenantsOf(appId, userId, email)) {
      throw duplicate();
    }
    tx.emailPassword().updateEmail(appId, userId, email);
  }

  /**
   * The email is another email-password user's in one of our tenants: a duplicate, linked or not,
   * as the original 11.4 answers (its 12.x answers a linked user with the account-linking refusal).
   */
  private static StatusException duplicate() {
    return new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
  }

  private static StatusException notAllowed() {
    return new StatusException(
        Status.EMAIL_CHANGE_NOT_ALLOWED_ERROR, Map.of("reason", CHANGE_NOT_ALLOWED_REASON));
  }
}
