package io.authcore.recipe.dashboard;

import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.DashboardStore;
import io.authcore.storage.DashboardStore.Admin;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Violation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dashboard's admin accounts of an app. Unlike the original without a licence, any number of
 * admins may be created, and every one of them may sign in: none is ever suspended.
 */
public final class DashboardAdmins {
  private final Storage storage;
  private final AppPasswords passwords;
  private final Clock clock;

  public DashboardAdmins(Storage storage, AppPasswords passwords, Clock clock) {
    this.storage = storage;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * A new admin with a random id, its password hashed with the app's algorithm.
   *
   * @throws StatusException {@code EMAIL_ALREADY_EXISTS_ERROR}
   */
  public Admin create(String appId, String email, String password) {
    if (storage.dashboard().adminByEmail(appId, email).isPresent()) {
      throw new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
    }
    String hash = passwords.hash(appId, password);
    while (true) {
      Admin admin = new Admin(UUID.randomUUID().toString(), email, hash, clock.millis());
      try {
        storage.dashboard().insertAdmin(appId, admin);
        return admin;
      } catch (StorageException e) {
        if (takenEmail(e)) {
          throw new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
        }
        // A colliding random id: draw another, as the original does.
        if (e.violation().filter(v -> v.kind() == Violation.Kind.UNIQUE).isEmpty()) {
          throw e;
        }
      }
    }
  }

  public List<Admin> list(String appId) {
    return storage.dashboard().admins(appId);
  }

  public Optional<Admin> byEmail(String appId, String email) {
    return storage.dashboard().adminByEmail(appId, email);
  }

  /**
   * Changes what is given, then signs the admin out everywhere (the original does so even when
   * nothing is given), and returns the admin as stored.
   *
   * @throws StatusException {@code UNKNOWN_USER_ERROR}, {@code EMAIL_ALREADY_EXISTS_ERROR}
   */
  public Admin update(
      String appId, String userId, Optional<String> newEmail, Optional<String> newPassword) {
    // Hashed before the transaction: it takes a tenth of a second, no connection needs to wait.
    Optional<String> newHash = newPassword.map(p -> passwords.hash(appId, p));
    try {
      return storage.inTransaction(
          tx -> {
            DashboardStore admins = tx.dashboard();
            if (newEmail.isPresent() && !admins.updateEmail(appId, userId, newEmail.get())) {
              throw new StatusException(Status.UNKNOWN_USER_ERROR);
            }
            if (newHash.isPresent() && !admins.updatePasswordHash(appId, userId, newHash.get())) {
              throw new StatusException(Status.UNKNOWN_USER_ERROR);
            }
            admins.deleteSessionsOf(appId, userId);
            // With nothing to change and no such admin the original fails with a 500.
            return admins
                .adminById(appId, userId)
                .orElseThrow(() -> new StatusException(Status.UNKNOWN_USER_ERROR));
          });
    } catch (StorageException e) {
      if (takenEmail(e)) {
        throw new StatusException(Status.EMAIL_ALREADY_EXISTS_ERROR);
      }
      throw e;
    }
  }

  /** Whether an admin was deleted, with its sessions. */
  public boolean delete(String appId, String userId) {
    return storage.dashboard().deleteAdmin(appId, userId);
  }

  public boolean deleteByEmail(String appId, String email) {
    return byEmail(appId, email).map(admin -> delete(appId, admin.userId())).orElse(false);
  }

  private static boolean takenEmail(StorageException e) {
    return e.violation()
        .filter(v -> v.is(Violation.Kind.UNIQUE, DashboardStore.EMAIL_KEY))
        .isPresent();
  }
}
