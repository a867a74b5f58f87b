package io.authcore.recipe.session;

import io.authcore.crypto.Hashes;
import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.Secrets;
import io.authcore.events.AuthEvents;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.session.AccessTokens.Claims;
import io.authcore.recipe.session.RefreshTokens.InvalidRefreshToken;
import io.authcore.recipe.session.RefreshTokens.Payload;
import io.authcore.recipe.session.SessionService.NewSession;
import io.authcore.recipe.session.SessionService.Rotation;
import io.authcore.recipe.session.SessionService.TokenInfo;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.storage.SessionStore;
import io.authcore.storage.SessionStore.SessionRow;
import io.authcore.storage.Storage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refreshing a session: a new refresh token and access token for the one presented, or, when the
 * presented token is not one the session may still be refreshed with, token theft.
 *
 * <p>{@link Rotation#ON_FIRST_USE}: the current token or its unpromoted child gives a child pair
 * whose first use promotes it; the core does not revoke on theft (the SDK does). {@link
 * Rotation#AT_ONCE}: the session moves to the new token at once and keeps the one it replaced for
 * {@code refresh_token_rotation_grace_period} seconds, in which presenting it again rotates again
 * (a retry after a lost answer); any other reuse revokes the session and says which kind it was.
 */
final class SessionRefresh {
  private final Storage storage;
  private final SessionTokens tokens;
  private final ActiveUsers activeUsers;
  private final AuthEvents events;

  SessionRefresh(
      Storage storage, SessionTokens tokens, ActiveUsers activeUsers, AuthEvents events) {
    this.events = events;
    this.storage = storage;
    this.tokens = tokens;
    this.activeUsers = activeUsers;
  }

  /** How a reused refresh token relates to the session, as CDI 5.6 reports it. */
  enum ReuseKind {
    /** The token the last rotation replaced, after its grace period. */
    RECENT_PREV,
    /** A child of that token: a rotation within the grace period displaced it. */
    ORPHANED_BRANCH,
    /** Anything older. */
    STALE_LINEAGE
  }

  /**
   * What the transaction decided: the row, the user ids, the key type, and the new refresh token
   * when it was written already (a rotation at once), or the kind of reuse that revoked the
   * session.
   */
  private record Outcome(
      SessionRow row,
      SessionUsers.Ids ids,
      boolean useStaticKey,
      String rotatedTo,
      String antiCsrf,
      ReuseKind reuse) {}

  /**
   * @param useDynamicKey null keeps the key type the session was created with
   * @param validityMs as for {@link SessionCreation#create}; only {@link Rotation#AT_ONCE} takes it
   */
  NewSession refresh(
      String appId,
      String refreshToken,
      String antiCsrfToken,
      boolean enableAntiCsrf,
      Boolean useDynamicKey,
      TokenVersion version,
      Rotation rotation,
      Long validityMs) {
    NewSession refreshed;
    try {
      refreshed =
          rotate(
              appId,
              refreshToken,
              antiCsrfToken,
              enableAntiCsrf,
              useDynamicKey,
              version,
              rotation,
              validityMs);
    } catch (StatusException e) {
      if (e.status() == Status.TOKEN_THEFT_DETECTED) {
        events.sessions(appId, AuthEvents.SessionEvent.TOKEN_THEFT_DETECTED, 1);
      }
      throw e;
    }
    events.sessions(appId, AuthEvents.SessionEvent.REFRESHED, 1);
    return refreshed;
  }

  private NewSession rotate(
      String appId,
      String refreshToken,
      String antiCsrfToken,
      boolean enableAntiCsrf,
      Boolean useDynamicKey,
      TokenVersion version,
      Rotation rotation,
      Long validityMs) {
    Payload presented;
    try {
      presented = tokens.refreshTokens.open(appId, refreshToken);
    } catch (InvalidRefreshToken e) {
      throw SessionTokens.unauthorised(e.getMessage());
    }
    if (enableAntiCsrf
        && presented.antiCsrf() != null
        && (antiCsrfToken == null || !Secrets.equal(antiCsrfToken, presented.antiCsrf()))) {
      throw SessionTokens.unauthorised("Anti CSRF token missing, or not matching");
    }
    tokens.checkValidity(appId, validityMs);
    long now = tokens.now();
    // Only the database work holds the row lock and the connection; the access token is made after.
    Outcome outcome =
        storage.inTransaction(
            tx -> {
              SessionStore sessions = tx.sessions();
              SessionRow row =
                  sessions
                      .findForUpdate(appId, presented.tenantId(), presented.handle())
                      .filter(r -> r.expiresAt() >= now)
                      .orElseThrow(
                          () -> SessionTokens.unauthorised("Session missing in db or has expired"));
              boolean useStaticKey = useDynamicKey == null ? row.useStaticKey() : !useDynamicKey;
              SessionUsers.Ids ids = SessionUsers.resolve(tx.accountIds(), appId, row.userId());
              return rotation == Rotation.AT_ONCE
                  ? rotateAtOnce(
                      sessions,
                      appId,
                      row,
                      ids,
                      refreshToken,
                      presented,
                      useStaticKey,
                      enableAntiCsrf)
                  : rotateOnFirstUse(
                      sessions, appId, row, ids, refreshToken, presented, useStaticKey);
            });
    SessionRow row = outcome.row();
    if (outcome.reuse() != null) {
      throw reused(row, outcome.ids(), outcome.reuse());
    }
    activeUsers.markActive(appId, presented.userId());
    String parentHash1 = Hashes.sha256Hex(refreshToken);
    String child = outcome.rotatedTo();
    String antiCsrf = outcome.antiCsrf();
    if (child == null) {
      antiCsrf = enableAntiCsrf ? RandomTokens.uuid() : null;
      child = newRefreshToken(appId, row, parentHash1, antiCsrf);
    }
    Claims claims =
        new Claims(
            version,
            outcome.ids().userId(),
            outcome.ids().recipeUserId(),
            row.tenantId(),
            row.handle(),
            Hashes.sha256Hex(child),
            // After a rotation at once there is nothing left to promote.
            rotation == Rotation.AT_ONCE ? null : parentHash1,
            antiCsrf,
            SessionTokens.object(row.jwtUserPayload()),
            SessionTokens.stamp(version, now),
            SessionTokens.stamp(
                version,
                tokens.freshExpiry(appId, now, rotation == Rotation.AT_ONCE ? validityMs : null)));
    TokenInfo accessToken;
    try {
      accessToken = tokens.mint(appId, claims, !outcome.useStaticKey());
    } catch (SessionInputException e) {
      // A payload stored by an older client that this token version cannot carry.
      throw SessionTokens.unauthorised(e.getMessage());
    }
    return new NewSession(
        SessionTokens.view(claims),
        accessToken,
        new TokenInfo(child, now + tokens.refreshTokenValidityMs(appId), now),
        antiCsrf);
  }

  private String newRefreshToken(String appId, SessionRow row, String parentHash1, String anti) {
    return tokens.refreshTokens.create(
        appId, new Payload(row.handle(), row.userId(), parentHash1, anti, row.tenantId()));
  }

  private Outcome rotateOnFirstUse(
      SessionStore sessions,
      String appId,
      SessionRow row,
      SessionUsers.Ids ids,
      String refreshToken,
      Payload presented,
      boolean useStaticKey) {
    String presentedHash2 = SessionTokens.hash2(refreshToken);
    if (Secrets.equal(presentedHash2, row.refreshTokenHash2())) {
      if (useStaticKey != row.useStaticKey()) {
        sessions.updateUseStaticKey(appId, row.tenantId(), row.handle(), useStaticKey);
      }
      return new Outcome(row, ids, useStaticKey, null, null, null);
    }
    if (childOf(presented, row.refreshTokenHash2())) {
      // Its first use promotes it, recording the token it replaces as a rotation would.
      tokens.rotate(sessions, row, presentedHash2, row.refreshTokenHash2(), useStaticKey);
      return new Outcome(row, ids, useStaticKey, null, null, null);
    }
    throw theft(row, ids, null);
  }

  private Outcome rotateAtOnce(
      SessionStore sessions,
      String appId,
      SessionRow row,
      SessionUsers.Ids ids,
      String refreshToken,
      Payload presented,
      boolean useStaticKey,
      boolean enableAntiCsrf) {
    long now = tokens.now();
    String presentedHash2 = SessionTokens.hash2(refreshToken);
    String prev = row.prevRefreshTokenHash2();
    Long rotatedAt = row.refreshTokenRotatedAt();
    boolean current =
        Secrets.equal(presentedHash2, row.refreshTokenHash2())
            || childOf(presented, row.refreshTokenHash2());
    boolean withinGrace =
        !current
            && prev != null
            && rotatedAt != null
            && Secrets.equal(presentedHash2, prev)
            && now <= rotatedAt + gracePeriodMs(appId);
    if (current || withinGrace) {
      String antiCsrf = enableAntiCsrf ? RandomTokens.uuid() : null;
      String next = newRefreshToken(appId, row, Hashes.sha256Hex(refreshToken), antiCsrf);
      if (current) {
        tokens.rotate(sessions, row, SessionTokens.hash2(next), presentedHash2, useStaticKey);
      } else {
        // Again from the token the grace period keeps: what it displaced is dead, and the grace
        // period and expiry stay as the rotation set them.
        sessions.updateRotation(
            appId,
            row.tenantId(),
            row.handle(),
            SessionTokens.hash2(next),
            prev,
            rotatedAt,
            row.expiresAt(),
            useStaticKey);
      }
      return new Outcome(row, ids, useStaticKey, next, antiCsrf, null);
    }
    ReuseKind kind;
    if (prev != null && Secrets.equal(presentedHash2, prev)) {
      kind = ReuseKind.RECENT_PREV;
    } else if (prev != null && childOf(presented, prev)) {
      kind = ReuseKind.ORPHANED_BRANCH;
    } else {
      kind = ReuseKind.STALE_LINEAGE;
    }
    sessions.delete(appId, row.tenantId(), List.of(row.handle()));
    return new Outcome(row, ids, useStaticKey, null, null, kind);
  }

  private long gracePeriodMs(String appId) {
    return tokens.config(appId).integer("refresh_token_rotation_grace_period") * 1000L;
  }

  /** Whether the presented token was refreshed from the one whose hash is {@code parentHash2}. */
  private static boolean childOf(Payload presented, String parentHash2) {
    return presented.parentHash1() != null
        && Secrets.equal(Hashes.sha256Hex(presented.parentHash1()), parentHash2);
  }

  private StatusException reused(SessionRow row, SessionUsers.Ids ids, ReuseKind kind) {
    boolean reportUnauthorised =
        kind != ReuseKind.STALE_LINEAGE
            && "UNAUTHORISED"
                .equals(tokens.config(row.appId()).string("recent_token_reuse_behaviour"));
    if (reportUnauthorised) {
      Map<String, Object> extras = new LinkedHashMap<>();
      extras.put("message", "refresh token reuse detected");
      extras.put("recentTokenReuseSubtype", kind.name());
      return new StatusException(Status.UNAUTHORISED, extras);
    }
    return theft(row, ids, kind);
  }

  private static StatusException theft(SessionRow row, SessionUsers.Ids ids, ReuseKind kind) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("handle", row.handle());
    session.put("userId", ids.userId());
    session.put("recipeUserId", ids.recipeUserId());
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("session", session);
    if (kind != null) {
      extras.put("recentTokenReuseSubtype", kind.name());
    }
    return new StatusException(Status.TOKEN_THEFT_DETECTED, extras);
  }
}
