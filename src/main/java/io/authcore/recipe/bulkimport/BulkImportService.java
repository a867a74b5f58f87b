package io.authcore.recipe.bulkimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.RandomTokens;
import io.authcore.recipe.bulkimport.UserImporter.Outcome;
import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.BulkImportStore;
import io.authcore.storage.BulkImportStore.Entry;
import io.authcore.storage.BulkImportStore.NewEntry;
import io.authcore.storage.BulkImportStore.Status;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.UserStore.AuthUser;
import io.authcore.storage.Violation.Kind;
import io.authcore.tenancy.TenantConfigs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import as the original offers it: users are checked and queued (all of a request or none),
 * listed, counted and removed from the queue, which {@link QueueDrain} empties in the background;
 * or one user is imported at once. Every feature is on: several login methods (account linking),
 * other tenants (multitenancy) and TOTP devices (MFA) need no licence.
 */
public final class BulkImportService {
  /** The most users one request may queue. */
  public static final int MAX_USERS_TO_ADD = 10000;

  /** The most users one page of the queue shows, and how many when not told. */
  public static final int MAX_PAGE = 500;

  public static final int DEFAULT_PAGE = 100;

  /** The most ids one removal may name. */
  public static final int MAX_REMOVE = 500;

  /** A random id colliding with a queued one is (almost) impossible; retry a little. */
  private static final int ID_ATTEMPTS = 3;

  private final Storage storage;
  private final AppRules rules;
  private final UserImporter importer;
  private final Clock clock;
  private final Runnable queued;

  /**
   * @param queued told after users were queued, so that the queue is drained soon
   */
  public BulkImportService(
      Storage storage,
      TenantConfigs configs,
      AppPasswords passwords,
      Clock clock,
      Runnable queued) {
    this.storage = storage;
    this.rules = new AppRules(storage, configs, passwords, clock);
    this.importer = new UserImporter(storage, passwords, clock);
    this.clock = clock;
    this.queued = queued;
  }

  /** The drain of this app's queue, for the background job. */
  public QueueDrain drain() {
    return new QueueDrain(storage, rules, importer, clock);
  }

  /** The queued users as the answer shows them, or the errors of each refused user by index. */
  public record Added(List<ObjectNode> users, Map<Integer, List<String>> errors) {}

  /** Checks every user; queues them all if none has an error, else none. */
  public Added add(String appId, List<JsonNode> users) {
    ImportedUserReader reader = new ImportedUserReader(rules.of(appId, false));
    List<ImportedUser> valid = new ArrayList<>();
    Map<Integer, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      ImportedUserReader.Result result = reader.read(users.get(i));
      if (result.user() != null) {
        valid.add(result.user());
      } else {
        errors.put(i, result.errors());
      }
    }
    if (!errors.isEmpty()) {
      return new Added(List.of(), errors);
    }
    List<ImportedUser> stored = insert(appId, valid);
    queued.run();
    return new Added(stored.stream().map(RawData::queued).toList(), Map.of());
  }

  private List<ImportedUser> insert(String appId, List<ImportedUser> users) {
    List<ImportedUser> current = users;
    for (int attempt = 1; ; attempt++) {
      List<NewEntry> entries =
          current.stream().map(u -> new NewEntry(u.id(), RawData.of(u))).toList();
      try {
        storage.runInTransaction(tx -> tx.bulkImport().insert(appId, entries, clock.millis()));
        return current;
      } catch (StorageException e) {
        boolean taken =
            e.violation().map(v -> v.is(Kind.UNIQUE, BulkImportStore.ID_KEY)).orElse(false);
        if (!taken || attempt >= ID_ATTEMPTS) {
          throw e;
        }
        // As the original: every user of the request gets a new queue id.
        current = current.stream().map(u -> u.withId(RandomTokens.uuid())).toList();
      }
    }
  }

  /** A page of the queue and where the next one starts (null after the last). */
  public record Page(List<ObjectNode> users, String nextPaginationToken) {}

  /**
   * @throws IllegalArgumentException for a pagination token that cannot be read
   */
  public Page page(String appId, Status status, String paginationToken, int limit) {
    PaginationToken from = paginationToken == null ? null : PaginationToken.decode(paginationToken);
    List<Entry> entries =
        storage
            .bulkImport()
            .page(
                appId,
                status,
                from == null ? null : from.id(),
                from == null ? null : from.createdAt(),
                limit + 1);
    String next = null;
    if (entries.size() > limit) {
      Entry first = entries.get(limit);
      next = new PaginationToken(first.id(), first.createdAt()).encode();
      entries = entries.subList(0, limit);
    }
    return new Page(entries.stream().map(RawData::listed).toList(), next);
  }

  public long count(String appId, Status status) {
    return storage.bulkImport().count(appId, status);
  }

  /** Removes queued users; returns the ids that were queued. */
  public Set<String> remove(String appId, List<String> ids) {
    return storage.inTransaction(tx -> tx.bulkImport().delete(appId, ids));
  }

  /** What importing one user at once gave: the user, or the errors that refused it. */
  public record ImportedNow(AuthUser user, List<String> errors) {}

  /** Checks and imports one user at once, without the queue. */
  public ImportedNow importNow(String appId, JsonNode json) {
    ImportedUserReader.Result read = new ImportedUserReader(rules.of(appId, false)).read(json);
    if (read.user() == null) {
      return new ImportedNow(null, read.errors());
    }
    ImportedUser user = importer.prepare(appId, read.user());
    Outcome outcome = importer.importUsers(appId, List.of(user));
    if (!outcome.refused().isEmpty()) {
      return new ImportedNow(null, List.copyOf(outcome.refused().values()));
    }
    AuthUser imported =
        storage
            .users()
            .find(appId, user.primary().superTokensUserId())
            .orElseThrow(() -> new IllegalStateException("an imported user is gone"));
    return new ImportedNow(imported, List.of());
  }
}
