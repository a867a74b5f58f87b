package io.authcore.recipe.bulkimport;

import io.authcore.recipe.bulkimport.LoginMethodKind.Claim;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.Stores;
import io.authcore.storage.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports users, many in one transaction, each one whole or not at all: its recipe users, groups,
 * external id, verified emails, TOTP devices, metadata and roles. For queued users the same
 * transaction removes the rows of those imported and marks the refused ones FAILED, after locking
 * the rows: whenever the process stops, a user is either imported and gone from the queue or still
 * waiting there, and two runs (or two cores on one database) never import one user twice.
 *
 * <p>Conflicts are looked for before writing ({@link ImportConflicts}), so a batch normally commits
 * at once. If the database refuses it after all (another writer was faster), the batch is halved
 * until the refused user stands alone and gets its reason.
 */
final class UserImporter {
  private final Storage storage;
  private final AppPasswords passwords;
  private final Clock clock;

  UserImporter(Storage storage, AppPasswords passwords, Clock clock) {
    this.storage = storage;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** The users written and, by user id, the reason each of the others was not. */
  record Outcome(List<ImportedUser> imported, Map<String, String> refused) {
    static Outcome merge(Outcome a, Outcome b) {
      List<ImportedUser> imported = new ArrayList<>(a.imported());
      imported.addAll(b.imported());
      Map<String, String> refused = new LinkedHashMap<>(a.refused());
      refused.putAll(b.refused());
      return new Outcome(imported, refused);
    }
  }

  /** Does what takes time (hashing plain-text passwords) before the user's transaction. */
  ImportedUser prepare(String appId, ImportedUser user) {
    List<ImportedLoginMethod> methods = new ArrayList<>();
    for (ImportedLoginMethod m : user.loginMethods()) {
      methods.add(LoginMethodKinds.of(m).prepare(appId, m, passwords));
    }
    return user.withLoginMethods(methods);
  }

  /** Imports users that were never queued. */
  Outcome importUsers(String appId, List<ImportedUser> users) {
    return importBatch(appId, users, false);
  }

  /**
   * Imports queued users (ids are their queue ids), settling their rows in the same transaction.
   */
  Outcome importQueued(String appId, List<ImportedUser> users) {
    return importBatch(appId, users, true);
  }

  private Outcome importBatch(String appId, List<ImportedUser> users, boolean queued) {
    if (users.isEmpty()) {
      return new Outcome(List.of(), Map.of());
    }
    try {
      return storage.inTransaction(tx -> attempt(tx, appId, users, queued));
    } catch (StorageException e) {
      Optional<Violation> violation = e.violation();
      if (violation.isEmpty()) {
        throw e; // the database is in trouble: the users stay queued for the next run
      }
      if (users.size() > 1) {
        int half = users.size() / 2;
        return Outcome.merge(
            importBatch(appId, users.subList(0, half), queued),
            importBatch(appId, users.subList(half, users.size()), queued));
      }
      ImportedUser user = users.get(0);
      String reason = reason(user, violation.get());
      if (queued) {
        storage.runInTransaction(
            tx -> {
              if (!tx.bulkImport().lockWaiting(appId, List.of(user.id())).isEmpty()) {
                tx.bulkImport().markFailed(appId, Map.of(user.id(), reason), clock.millis());
              }
            });
      }
      return new Outcome(List.of(), Map.of(user.id(), reason));
    }
  }

  private Outcome attempt(Stores tx, String appId, List<ImportedUser> users, boolean queued) {
    List<ImportedUser> waiting = users;
    if (queued) {
      Set<String> locked = tx.bulkImport().lockWaiting(appId, ids(users));
      waiting = users.stream().filter(u -> locked.contains(u.id())).toList();
    }
    if (waiting.stream().anyMatch(ImportedUser::isPrimaryUser)) {
      // As every other change of who holds what among primary users.
      tx.accountLinking().lockApp(appId);
    }
    Map<String, String> refused = new ImportConflicts(tx, appId).find(waiting);
    List<ImportedUser> accepted =
        waiting.stream().filter(u -> !refused.containsKey(u.id())).toList();
    long now = clock.millis();
    new ImportWriter(tx, appId, now).write(accepted);
    if (queued) {
      tx.bulkImport().delete(appId, ids(accepted));
      tx.bulkImport().markFailed(appId, refused, now);
    }
    return new Outcome(accepted, refused);
  }

  /** Why the database refused one user, in the original's words where it has some. */
  private static String reason(ImportedUser user, Violation violation) {
    for (ImportedLoginMethod m : user.loginMethods()) {
      for (Claim c : LoginMethodKinds.of(m).claims(m)) {
        if (c.constraint().equals(violation.constraint())) {
          return c.takenError();
        }
      }
    }
    if (violation.constraint().startsWith("userid_mapping_")) {
      return "E031: A user with externalId " + user.externalUserId() + " already exists";
    }
    if (violation.constraint().equals("app_id_to_user_id_pkey")) {
      return "A user with the id "
          + user.primary().superTokensUserId()
          + " exists already: this user was imported before.";
    }
    return "The database refused the user (" + violation.constraint() + ").";
  }

  private static List<String> ids(List<ImportedUser> users) {
    return users.stream().map(ImportedUser::id).toList();
  }
}
