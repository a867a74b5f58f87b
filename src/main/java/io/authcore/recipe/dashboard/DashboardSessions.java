package io.authcore.recipe.dashboard;

import io.authcore.recipe.emailpassword.AppPasswords;
import io.authcore.storage.DashboardStore.Admin;
import io.authcore.storage.DashboardStore.AdminSession;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-ins to the dashboard: opaque random session ids that last 30 days, as the original's. An
 * expired session no longer verifies (the original accepts it until its twice-daily clean-up
 * deletes it).
 */
public final class DashboardSessions {
  static final Duration LIFETIME = Duration.ofDays(30);

  private final Storage storage;
  private final AppPasswords passwords;
  private final Clock clock;

  public DashboardSessions(Storage storage, AppPasswords passwords, Clock clock) {
    this.storage = storage;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** A new session id when the email and password match an admin of the app. */
  public Optional<String> signIn(String appId, String email, String password) {
    Optional<Admin> admin = storage.dashboard().adminByEmail(appId, email);
    // An unknown email costs what a wrong password costs, so timing does not tell them apart.
    if (admin.isEmpty()) {
      passwords.verifyAgainstDummy(password);
      return Optional.empty();
    }
    if (!passwords.verify(appId, password, admin.get().passwordHash())) {
      return Optional.empty();
    }
    // UUID.randomUUID draws its 122 random bits from SecureRandom.
    String sessionId = UUID.randomUUID().toString();
    long now = clock.millis();
    AdminSession session =
        new AdminSession(admin.get().userId(), sessionId, now, now + LIFETIME.toMillis());
    try {
      storage.dashboard().insertSession(appId, session);
    } catch (StorageException e) {
      // The admin was deleted meanwhile.
      if (e.violation().isPresent()) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(sessionId);
  }

  /** The signed-in admin's email, when the session exists, has not expired and its admin does. */
  public Optional<String> verify(String appId, String sessionId) {
    return storage
        .dashboard()
        .session(appId, sessionId)
        .filter(session -> session.expiry() >= clock.millis())
        .flatMap(session -> storage.dashboard().adminById(appId, session.userId()))
        .map(Admin::email);
  }

  public void signOut(String appId, String sessionId) {
    storage.dashboard().deleteSession(appId, sessionId);
  }

  public List<AdminSession> sessionsOf(String appId, String userId) {
    return storage.dashboard().sessions(appId, userId);
  }

  /** The original's DeleteExpiredDashboardSessions: every app's expired sessions go. */
  public int purgeExpired() {
    return storage.dashboard().deleteSessionsExpiredBefore(clock.millis());
  }
}
