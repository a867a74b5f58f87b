package io.authcore.storage;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code user_metadata} table: one JSON object (as text) per app and user id. The user id is
 * whatever string the caller keys it by; nothing checks that such a user exists.
 */
public interface MetadataStore {
  Optional<String> find(String appId, String userId);

  /** The stored metadata of those of {@code userIds} that have any, by user id. */
  Map<String, String> findAll(String appId, Collection<String> userIds);

  /**
   * Locks this user's row until the transaction ends, first creating it as {@code {}} when there is
   * none, and returns what it holds. Two transactions that lock the same user run one after the
   * other, so a read-modify-write under this lock loses no concurrent update. Only useful inside
   * {@link Storage#inTransaction}.
   */
  String lock(String appId, String userId);

  /** Replaces the metadata of a row that {@link #lock} holds. */
  void replace(String appId, String userId, String metadata);

  /** Returns whether there was a row. */
  boolean delete(String appId, String userId);
}
