package io.authcore.storage;

import java.util.List;
import java.util.Optional;

/**
 * The user-management dashboard's own admin accounts ({@code dashboard_users}) and their sign-ins
 * ({@code dashboard_user_sessions}), app-scoped, in the original's tables and formats: the password
 * is stored as the hash the original stores ({@code $2a$...} or {@code $argon2id$...}).
 */
public interface DashboardStore {
  /** Violated by a second admin with the same email in one app. */
  String EMAIL_KEY = "dashboard_users_email_key";

  /** One admin account. */
  record Admin(String userId, String email, String passwordHash, long timeJoined) {}

  /** One sign-in of an admin; rows stay until signed out or the clean-up job removes them. */
  record AdminSession(String userId, String sessionId, long timeCreated, long expiry) {}

  /**
   * @throws StorageException with a {@link Violation} of {@link #EMAIL_KEY} for a taken email
   */
  void insertAdmin(String appId, Admin admin);

  Optional<Admin> adminById(String appId, String userId);

  Optional<Admin> adminByEmail(String appId, String email);

  /** The app's admins, oldest first, as the original lists them. */
  List<Admin> admins(String appId);

  /** Whether an admin was deleted; its sessions go with it (by cascade). */
  boolean deleteAdmin(String appId, String userId);

  /**
   * Whether the admin exists (and now has this email).
   *
   * @throws StorageException with a {@link Violation} of {@link #EMAIL_KEY} for a taken email
   */
  boolean updateEmail(String appId, String userId, String email);

  /** Whether the admin exists (and now has this password hash). */
  boolean updatePasswordHash(String appId, String userId, String passwordHash);

  /**
   * @throws StorageException with a foreign-key {@link Violation} when the admin is gone
   */
  void insertSession(String appId, AdminSession session);

  Optional<AdminSession> session(String appId, String sessionId);

  /** The admin's sessions, expired ones too until the clean-up job removes them, oldest first. */
  List<AdminSession> sessions(String appId, String userId);

  /** Whether a session was deleted. */
  boolean deleteSession(String appId, String sessionId);

  /** Signs the admin out everywhere; the number of sessions deleted. */
  int deleteSessionsOf(String appId, String userId);

  /** Deletes the sessions of every app that expired before this time; the number deleted. */
  int deleteSessionsExpiredBefore(long time);
}
