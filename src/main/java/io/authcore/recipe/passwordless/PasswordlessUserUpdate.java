package io.authcore.recipe.passwordless;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.accountlinking.PrimaryUserHolders;
import io.authcore.recipe.users.LockedLoginMethod;
import io.authcore.recipe.users.UsersService;
import io.authcore.storage.PasswordlessStore;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Stores;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.UserStore.LoginMethod;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /recipe/user} for passwordless users: a new email and/or phone number, where an
 * explicit null clears the field. A user keeps at least one of them.
 */
public final class PasswordlessUserUpdate {
  static final String EMAIL_NOT_ALLOWED_REASON =
      "New email is associated with another primary user ID";
  static final String PHONE_NOT_ALLOWED_REASON =
      "New phone number is associated with another primary user ID";

  private final Storage storage;
  private final UsersService users;

  public PasswordlessUserUpdate(Storage storage, UsersService users) {
    this.storage = storage;
    this.users = users;
  }

  /** A requested change of one field: absent (null) keeps it, a present null value clears it. */
  public record FieldUpdate(String newValue) {}

  /** The update named both fields away. */
  public static final class NoContactLeftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoContactLeftException() {
      super("You cannot clear both email and phone number of a user", null, false, false);
    }
  }

  /**
   * Updates the passwordless login method {@code recipeUserId} (a SuperTokens or external id).
   * Values arrive normalised. On a change, the devices for the old and the new value are deleted in
   * the user's tenants.
   *
   * @throws StatusException {@code UNKNOWN_USER_ID_ERROR}, {@code EMAIL_ALREADY_EXISTS_ERROR},
   *     {@code PHONE_NUMBER_ALREADY_EXISTS_ERROR}, {@code EMAIL_CHANGE_NOT_ALLOWED_ERROR} or {@code
   *     PHONE_NUMBER_CHANGE_NOT_ALLOWED_ERROR}
   * @throws NoContactLeftException when neither an email nor a phone number would remain
   */
  public void update(
      String appId, String recipeUserId, FieldUpdate email, FieldUpdate phoneNumber) {
    String userId =
        users
            .superTokensId(appId, recipeUserId)
            .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ID_ERROR));
    try {
      storage.runInTransaction(
          tx -> {
            // Before the user's row, as every linking change takes them.
            tx.accountLinking().lockApp(appId);
            LockedLoginMethod locked =
                LockedLoginMethod.lock(tx, appId, userId, PasswordlessService.RECIPE);
            AuthUser group = locked.group();
            LoginMethod method = locked.method();
            boolean emailLeft = email != null ? email.newValue() != null : method.email() != null;
            boolean phoneLeft =
                phoneNumber != null ? phoneNumber.newValue() != null : method.phoneNumber() != null;
            if (!emailLeft && !phoneLeft) {
              throw new NoContactLeftException();
            }
            if (email != null && !Objects.equals(email.newValue(), method.email())) {
              change(tx, appId, group, userId, Field.EMAIL, method.email(), email.newValue());
            }
            if (phoneNumber != null
                && !Objects.equals(phoneNumber.newValue(), method.phoneNumber())) {
              change(
                  tx,
                  appId,
                  group,
                  userId,
                  Field.PHONE_NUMBER,
                  method.phoneNumber(),
                  phoneNumber.newValue());
            }
          });
    } catch (StorageException e) {
      // Another user took the value between the check and the write.
      Violation v = e.violation().orElseThrow(() -> e);
      if (v.is(Kind.UNIQUE, PasswordlessStore.EMAIL_KEY)) {
        throw new StatusException(Field.EMAIL.exists);
      }
      if (v.is(Kind.UNIQUE, PasswordlessStore.PHONE_NUMBER_KEY)) {
        throw new StatusException(Field.PHONE_NUMBER.exists);
      }
      throw e;
    }
  }

  /** The two fields, with their statuses. */
  private enum Field {
    EMAIL(
        Status.EMAIL_ALREADY_EXISTS_ERROR,
        Status.EMAIL_CHANGE_NOT_ALLOWED_ERROR,
        EMAIL_NOT_ALLOWED_REASON),
    PHONE_NUMBER(
        Status.PHONE_NUMBER_ALREADY_EXISTS_ERROR,
        Status.PHONE_NUMBER_CHANGE_NOT_ALLOWED_ERROR,
        PHONE_NOT_ALLOWED_REASON);

    private final Status exists;
    private final Status notAllowed;
    private final String reason;

    Field(Status exists, Status notAllowed, String reason) {
      this.exists = exists;
      this.notAllowed = notAllowed;
      this.reason = reason;
    }

    StatusException notAllowed() {
      return new StatusException(notAllowed, Map.of("reason", reason));
    }
  }

  private static void change(
      Stores tx,
      String appId,
      AuthUser group,
      String userId,
      Field field,
      String oldValue,
      String newValue) {
    PasswordlessStore store = tx.passwordless();
    boolean linked = group.isPrimaryUser();
    if (newValue != null) {
      if (linked && heldByOtherPrimary(tx, appId, group, field, newValue)) {
        throw field.notAllowed();
      }
      boolean taken =
          field == Field.EMAIL
              ? store.emailTakenInTenantsOf(appId, userId, newValue)
              : store.phoneNumberTakenInTenantsOf(appId, userId, newValue);
      // A linked user too: the original 11.4.7 answers ALREADY_EXISTS, not CHANGE_NOT_ALLOWED.
      if (taken) {
        throw new StatusException(field.exists);
      }
    }
    if (field == Field.EMAIL) {
      store.updateEmail(appId, userId, newValue);
    } else {
      store.updatePhoneNumber(appId, userId, newValue);
    }
    for (String value : new String[] {oldValue, newValue}) {
      if (value != null) {
        if (field == Field.EMAIL) {
          store.deleteUserDevicesByEmail(appId, userId, value);
        } else {
          store.deleteUserDevicesByPhoneNumber(appId, userId, value);
        }
      }
    }
  }

  private static boolean heldByOtherPrimary(
      Stores tx, String appId, AuthUser group, Field field, String value) {
    PrimaryUserHolders holders = new PrimaryUserHolders(tx, appId);
    Set<String> tenants = PrimaryUserHolders.tenantsOf(group);
    Optional<?> holder =
        field == Field.EMAIL
            ? holders.ofEmail(value, tenants, group.id())
            : holders.ofPhoneNumber(value, tenants, group.id());
    return holder.isPresent();
  }
}
