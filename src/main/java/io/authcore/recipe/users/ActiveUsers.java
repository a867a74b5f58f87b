package io.authcore.recipe.users;

import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records when users were last active (sign-in, sign-up, session creation and refresh), as the
 * original does for its monthly-active-user figures. A user is written at most once per five
 * minutes per instance, so the hot session paths rarely pay for it, and a failure to record never
 * fails the request that caused it.
 */
public final class ActiveUsers {
  private static final Logger log = LoggerFactory.getLogger(ActiveUsers.class);
  private static final long THROTTLE_MS = 5 * 60 * 1000L;
  private static final int MAX_ENTRIES = 200_000;

  private final Storage storage;
  private final Clock clock;
  private final Map<String, Long> recentlyWritten = new ConcurrentHashMap<>();

  public ActiveUsers(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Records the user as active now. {@code userId} may be an external (mapped) id, as sessions
   * store it; the row is written under the SuperTokens id, as the original writes it.
   */
  public void markActive(String appId, String userId) {
    markActive(
        appId, userId, () -> storage.accountIds().superTokensIdOf(appId, userId).orElse(userId));
  }

  /** As above, for a user whose SuperTokens id the caller has already read: one look-up fewer. */
  public void markActive(String appId, String userId, String superTokensId) {
    markActive(appId, userId, () -> superTokensId);
  }

  private void markActive(String appId, String userId, Supplier<String> superTokensId) {
    long now = clock.millis();
    String key = key(appId, userId);
    Long last = recentlyWritten.get(key);
    if (last != null && now - last < THROTTLE_MS) {
      return;
    }
    try {
      storage.userActivity().touch(appId, superTokensId.get(), now);
    } catch (StorageException e) {
      log.debug("app {}: could not record user activity: {}", appId, e.getMessage());
      return;
    }
    if (recentlyWritten.size() >= MAX_ENTRIES) {
      recentlyWritten.clear(); // forgetting only costs a few more writes
    }
    recentlyWritten.put(key, now);
  }

  /**
   * After a link the recipe user is counted as its primary user, as in the original: its own record
   * goes and the primary user is active now.
   */
  public void moveAfterLinking(String appId, String primaryUserId, String recipeUserId) {
    try {
      storage.userActivity().forget(appId, recipeUserId);
    } catch (StorageException e) {
      log.debug("app {}: could not move user activity: {}", appId, e.getMessage());
    }
    recentlyWritten.remove(key(appId, recipeUserId));
    markActive(appId, primaryUserId);
  }

  private static String key(String appId, String userId) {
    return appId + "\u0000" + userId;
  }

  /** Users of the app active at {@code since} (epoch milliseconds) or later. */
  public long countSince(String appId, long since) {
    return storage.userActivity().countActiveSince(appId, since);
  }
}
