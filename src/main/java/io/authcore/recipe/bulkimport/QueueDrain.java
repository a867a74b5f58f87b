package io.authcore.recipe.bulkimport;

import io.authcore.storage.BulkImportStore.Entry;
import io.authcore.storage.BulkImportStore.Status;
import io.authcore.storage.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One run over an app's queue, as the original's {@code ProcessBulkImportUsers} does it: as many
 * users as wait when it starts are claimed {@code batchSize} at a time (marked PROCESSING), each
 * claim split among the workers; each user is checked again (the app may have changed since it was
 * queued: a refused one is FAILED with the original's {@code [errors]}), then imported by {@link
 * UserImporter} in transactions of {@link #USERS_PER_TRANSACTION}.
 *
 * <p>When the database fails (not a refused user), the run stops; the users it claimed stay
 * PROCESSING and the next run, of this core or another on the same database, takes them again.
 */
public final class QueueDrain {
  /** Users per import transaction: large enough to amortise a commit, small enough to retry. */
  static final int USERS_PER_TRANSACTION = 500;

  private final Storage storage;
  private final AppRules rules;
  private final UserImporter importer;
  private final Clock clock;

  QueueDrain(Storage storage, AppRules rules, UserImporter importer, Clock clock) {
    this.storage = storage;
    this.rules = rules;
    this.importer = importer;
    this.clock = clock;
  }

  /** How a run went. */
  public record Run(int imported, int failed) {}

  /**
   * Drains what waits in the app's queue now, with {@code workers} (as many threads as chunks).
   *
   * @throws io.authcore.storage.StorageException when the database fails
   */
  public Run drain(String appId, int batchSize, int chunks, ExecutorService workers)
      throws InterruptedException {
    long waiting =
        storage.bulkImport().count(appId, Status.NEW)
            + storage.bulkImport().count(appId, Status.PROCESSING);
    long processed = 0;
    int imported = 0;
    int failed = 0;
    while (processed < waiting) {
      List<Entry> claimed =
          storage.inTransaction(tx -> tx.bulkImport().claim(appId, batchSize, clock.millis()));
      if (claimed.isEmpty()) {
        break;
      }
      ImportRules now = rules.of(appId, true);
      List<Future<Run>> tasks = new ArrayList<>();
      for (List<Entry> chunk : chunks(claimed, chunks)) {
        tasks.add(workers.submit(() -> importChunk(appId, chunk, now)));
      }
      for (Future<Run> task : tasks) {
        try {
          Run run = task.get();
          imported += run.imported();
          failed += run.failed();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
      processed += claimed.size();
    }
    return new Run(imported, failed);
  }

  private Run importChunk(String appId, List<Entry> entries, ImportRules now) {
    ImportedUserReader reader = new ImportedUserReader(now);
    Map<String, String> invalid = new LinkedHashMap<>();
    List<ImportedUser> users = new ArrayList<>();
    for (Entry entry : entries) {
      ImportedUserReader.Result read = reader.read(RawData.read(entry.rawData()));
      if (read.user() == null) {
        // The original's words: the list of errors as Java prints it.
        invalid.put(entry.id(), read.errors().toString());
      } else {
        users.add(read.user().withId(entry.id()));
      }
    }
    if (!invalid.isEmpty()) {
      storage.runInTransaction(tx -> tx.bulkImport().markFailed(appId, invalid, clock.millis()));
    }
    int imported = 0;
    int failed = invalid.size();
    for (int i = 0; i < users.size(); i += USERS_PER_TRANSACTION) {
      List<ImportedUser> batch = new ArrayList<>();
      for (ImportedUser u : users.subList(i, Math.min(users.size(), i + USERS_PER_TRANSACTION))) {
        batch.add(importer.prepare(appId, u));
      }
      UserImporter.Outcome outcome = importer.importQueued(appId, batch);
      imported += outcome.imported().size();
      failed += outcome.refused().size();
    }
    return new Run(imported, failed);
  }

  /** At most {@code n} contiguous chunks of nearly equal size. */
  private static List<List<Entry>> chunks(List<Entry> entries, int n) {
    List<List<Entry>> chunks = new ArrayList<>();
    int size = (entries.size() + n - 1) / n;
    for (int i = 0; i < entries.size(); i += size) {
      chunks.add(entries.subList(i, Math.min(entries.size(), i + size)));
    }
    return chunks;
  }
}
