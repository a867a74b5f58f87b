package io.authcore.storage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue of users waiting to be imported: the original's {@code bulk_import_users} table, one
 * row per user with its JSON ({@code raw_data}), a status and, once it failed, the reason. Rows
 * queued by the original are read here and the other way round.
 */
public interface BulkImportStore {
  /** The key that keeps a queued user's id unique within an app. */
  String ID_KEY = "bulk_import_users_pkey";

  /** Where a queued user stands, as the original spells it in the {@code status} column. */
  enum Status {
    NEW,
    PROCESSING,
    FAILED
  }

  /** A queued user as stored. */
  record Entry(
      String id,
      String rawData,
      Status status,
      String primaryUserId,
      String errorMessage,
      long createdAt,
      long updatedAt) {}

  /** A user to queue: its id and its JSON. */
  record NewEntry(String id, String rawData) {}

  /**
   * Queues users with status NEW, created and updated at {@code now}.
   *
   * @throws StorageException with the violation {@link #ID_KEY} when one of the ids is taken
   */
  void insert(String appId, List<NewEntry> entries, long now);

  /**
   * A page, newest first ({@code created_at} then {@code id}, both descending), optionally of one
   * status and starting at the entry ({@code fromId}, {@code fromCreatedAt}) of a pagination token.
   */
  List<Entry> page(String appId, Status status, String fromId, Long fromCreatedAt, int limit);

  /** How many users are queued, optionally of one status. */
  long count(String appId, Status status);

  /** Removes the users with these ids; returns the ids that were there. */
  Set<String> delete(String appId, Collection<String> ids);

  /**
   * Takes up to {@code limit} users that wait (NEW, or PROCESSING since a run that did not finish)
   * and marks them PROCESSING; rows another transaction holds are skipped.
   */
  List<Entry> claim(String appId, int limit, long now);

  /**
   * Inside the transaction that imports them: locks those of these users that still wait (not
   * FAILED, not removed, not held by another transaction) until it ends, and returns their ids.
   */
  Set<String> lockWaiting(String appId, Collection<String> ids);

  /** Marks users FAILED with their reasons. */
  void markFailed(String appId, Map<String, String> reasonsById, long now);
}
