package io.authcore.storage;

import io.authcore.storage.AccountIdStore.Identity;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code session_info} table. Handles are unique per app and tenant. */
public interface SessionStore {
  void insert(SessionRow row);

  /**
   * Identifies {@code row.userId()} as {@link AccountIdStore#identify} does, and inserts the row
   * only if that id is already the one the user's sessions are stored under ({@link
   * Identity#sessionUserId}). On PostgreSQL both happen in one statement.
   */
  Identified insertIdentified(SessionRow row);

  /** Who a new session's user is, and whether its row was written. */
  record Identified(Identity identity, boolean inserted) {}

  Optional<SessionRow> find(String appId, String tenantId, String handle);

  /** As {@link #find}, locking the row until the transaction ends; use inside a transaction. */
  Optional<SessionRow> findForUpdate(String appId, String tenantId, String handle);

  /**
   * Moves a session to a new refresh token: its hash, the hash it replaces (accepted for a grace
   * period by newer clients) and when, the expiry and the key type. Null {@code rotatedAt} is
   * stored as null.
   */
  void updateRotation(
      String appId,
      String tenantId,
      String handle,
      String refreshTokenHash2,
      String prevRefreshTokenHash2,
      Long rotatedAt,
      long expiresAt,
      boolean useStaticKey);

  void updateUseStaticKey(String appId, String tenantId, String handle, boolean useStaticKey);

  /** Returns false when no such session exists. */
  boolean updateSessionData(String appId, String tenantId, String handle, String sessionData);

  /** Returns false when no such session exists. */
  boolean updateJwtPayload(String appId, String tenantId, String handle, String jwtUserPayload);

  /**
   * Replaces the payload of the session if it expires after {@code now}; returns the row as
   * written, or empty when there is no such session.
   */
  Optional<SessionRow> updateLiveJwtPayload(
      String appId, String tenantId, String handle, String jwtUserPayload, long now);

  /**
   * Handles of the unexpired sessions of these users, in one tenant, or in every tenant of the app
   * when {@code tenantId} is null.
   */
  List<String> handlesOfUsers(
      String appId, String tenantId, Collection<String> userIds, long expiresAfter);

  /** Deletes these sessions of one tenant and returns the handles that existed. */
  List<String> delete(String appId, String tenantId, Collection<String> handles);

  /** Deletes sessions whose refresh token expired; returns how many. */
  int deleteExpired(long now);

  /** One session row, as the original stores it. */
  record SessionRow(
      String appId,
      String tenantId,
      String handle,
      String userId,
      String refreshTokenHash2,
      String sessionData,
      long expiresAt,
      long createdAt,
      String jwtUserPayload,
      boolean useStaticKey,
      String prevRefreshTokenHash2,
      Long refreshTokenRotatedAt) {

    /** A new session: no refresh token rotated yet. */
    public SessionRow(
        String appId,
        String tenantId,
        String handle,
        String userId,
        String refreshTokenHash2,
        String sessionData,
        long expiresAt,
        long createdAt,
        String jwtUserPayload,
        boolean useStaticKey) {
      this(
          appId,
          tenantId,
          handle,
          userId,
          refreshTokenHash2,
          sessionData,
          expiresAt,
          createdAt,
          jwtUserPayload,
          useStaticKey,
          null,
          null);
    }
  }
}
