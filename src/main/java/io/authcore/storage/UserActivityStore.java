package io.authcore.storage;

/**
 * The {@code user_last_active} table: when each user of an app last signed in or used a session.
 */
public interface UserActivityStore {
  /** Records that the user (a SuperTokens id) was active at {@code at} (epoch milliseconds). */
  void touch(String appId, String userId, long at);

  /** Removes the user's record. */
  void forget(String appId, String userId);

  /** Users of the app last active at {@code since} or later. */
  long countActiveSince(String appId, long since);
}
