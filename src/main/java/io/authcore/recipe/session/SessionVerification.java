package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Hashes;
import io.authcore.crypto.Secrets;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.session.AccessTokens.Claims;
import io.authcore.recipe.session.AccessTokens.Refused;
import io.authcore.recipe.session.AccessTokens.Verified;
import io.authcore.recipe.session.SessionService.TokenInfo;
import io.authcore.recipe.session.SessionService.Verification;
import io.authcore.storage.SessionStore;
import io.authcore.storage.SessionStore.SessionRow;
import io.authcore.storage.Storage;
import java.util.Map;
import java.util.Optional;

/**
 * Verifying access tokens, and regenerating them with a new payload.
 *
 * <p>Up to CDI 5.5 a refresh hands out a child token pair without writing, and the child's first
 * verification promotes it in the database and mints a clean token. From CDI 5.6 refresh rotates by
 * itself, and verification is stateless: it reads at most, and only reports that the stored payload
 * changed.
 */
final class SessionVerification {
  private final Storage storage;
  private final SessionTokens tokens;

  SessionVerification(Storage storage, SessionTokens tokens) {
    this.storage = storage;
    this.tokens = tokens;
  }

  /**
   * Verifies an access token of any version. With {@code memoryOnly}, throws {@link StorageNeeded},
   * before any change, when the answer needs the database. A {@code stateless} verification never
   * writes or mints; otherwise the first use of a refreshed token promotes it.
   */
  Verification verify(
      String appId,
      String accessToken,
      String antiCsrfToken,
      boolean doAntiCsrfCheck,
      boolean enableAntiCsrf,
      boolean checkDatabase,
      boolean memoryOnly,
      boolean stateless) {
    if (checkDatabase && memoryOnly) {
      throw StorageNeeded.INSTANCE;
    }
    long now = tokens.now();
    Verified verified;
    try {
      verified = tokens.accessTokens.verify(appId, accessToken, memoryOnly);
    } catch (Refused e) {
      throw new StatusException(
          e.tryRefresh ? Status.TRY_REFRESH_TOKEN : Status.UNAUTHORISED,
          Map.of("message", e.getMessage()));
    }
    Claims token = verified.claims();
    if (token.expiresAt() <= now) {
      throw SessionTokens.tryRefresh("Access token expired");
    }
    if (doAntiCsrfCheck && enableAntiCsrf) {
      if (token.antiCsrf() == null) {
        throw SessionTokens.tryRefresh(
            "Access token does not contain all the information. Maybe the structure has changed?");
      }
      if (antiCsrfToken == null || !Secrets.equal(antiCsrfToken, token.antiCsrf())) {
        throw SessionTokens.tryRefresh("anti-csrf check failed");
      }
    }
    SessionRow row = null;
    if (checkDatabase) {
      Optional<SessionRow> found = storage.sessions().find(appId, token.tenantId(), token.handle());
      if (found.isEmpty() || found.get().expiresAt() < now) {
        throw SessionTokens.unauthorised("Either the session has ended or has been blacklisted");
      }
      row = found.get();
    }
    boolean payloadChanged =
        row != null && !SessionTokens.object(row.jwtUserPayload()).equals(token.userData());
    if (stateless) {
      if (row == null) {
        return new Verification(SessionTokens.view(token), null);
      }
      if (!onLineage(token, row)) {
        throw SessionTokens.unauthorised("rotated-out token branch; refresh required");
      }
      return new Verification(SessionTokens.view(token), null, payloadChanged);
    }
    if (token.parentRefreshTokenHash1() == null && !payloadChanged) {
      return new Verification(SessionTokens.view(token), null);
    }
    if (memoryOnly) {
      throw StorageNeeded.INSTANCE; // the first use of a refreshed token promotes it
    }
    SessionRow current = storage.inTransaction(tx -> promote(tx.sessions(), appId, token));
    boolean renew =
        payloadChanged
            || Secrets.equal(
                Hashes.sha256Hex(token.refreshTokenHash1()), current.refreshTokenHash2());
    if (!renew) {
      return new Verification(SessionTokens.view(token), null); // a stale branch: nothing to renew
    }
    ObjectNode payload = SessionTokens.object(current.jwtUserPayload());
    // A clean token (no parent) with the stored payload and a full lifetime, in the token's
    // version; the payload is checked against that version's claims as it is minted.
    Claims renewed =
        token.renewed(
            null,
            payload,
            SessionTokens.stamp(token.version(), now),
            SessionTokens.stamp(token.version(), now + tokens.accessTokenValidityMs(appId)));
    TokenInfo minted = tokens.mint(appId, renewed, !current.useStaticKey());
    return new Verification(SessionTokens.view(renewed), minted);
  }

  /**
   * The first use of a child token: makes its refresh token the current one, recording the one it
   * replaces as a CDI 5.6 rotation would, so a session may move between client generations. Returns
   * the row as it is now, unchanged when the token is not such a child.
   */
  private SessionRow promote(SessionStore sessions, String appId, Claims token) {
    SessionRow row =
        sessions
            .findForUpdate(appId, token.tenantId(), token.handle())
            .orElseThrow(() -> SessionTokens.unauthorised("Session missing in db"));
    boolean child =
        token.parentRefreshTokenHash1() != null
            && Secrets.equal(
                Hashes.sha256Hex(token.parentRefreshTokenHash1()), row.refreshTokenHash2());
    if (!child) {
      return row;
    }
    String ownHash2 = Hashes.sha256Hex(token.refreshTokenHash1());
    return tokens.rotate(sessions, row, ownHash2, row.refreshTokenHash2(), row.useStaticKey());
  }

  /**
   * Whether the token's refresh token, or the one it was refreshed from, is the session's current
   * or previous one: a token of a branch that rotation left behind must be refreshed.
   */
  private static boolean onLineage(Claims token, SessionRow row) {
    if (matches(Hashes.sha256Hex(token.refreshTokenHash1()), row)) {
      return true;
    }
    return token.parentRefreshTokenHash1() != null
        && matches(Hashes.sha256Hex(token.parentRefreshTokenHash1()), row);
  }

  private static boolean matches(String hash2, SessionRow row) {
    return Secrets.equal(hash2, row.refreshTokenHash2())
        || (row.prevRefreshTokenHash2() != null
            && Secrets.equal(hash2, row.prevRefreshTokenHash2()));
  }

  /**
   * Replaces the token's payload (the stored one when {@code newPayload} is null) and re-signs an
   * unexpired token with the same expiry; an expired one is not renewed. With {@code checkClaims},
   * a payload using a claim of the token's version is refused before it is stored.
   */
  Verification regenerate(
      String appId, String accessToken, ObjectNode newPayload, boolean checkClaims) {
    Claims token;
    try {
      token = tokens.accessTokens.verify(appId, accessToken).claims();
    } catch (Refused e) {
      throw SessionTokens.unauthorised(e.getMessage());
    }
    long now = tokens.now();
    ObjectNode payload = newPayload;
    SessionRow row;
    if (newPayload == null) {
      row = liveSession(appId, token, now);
      payload = SessionTokens.object(row.jwtUserPayload());
      if (checkClaims && token.version().reserves(payload)) {
        throw SessionInputException.protectedField();
      }
    } else if (checkClaims && token.version().reserves(newPayload)) {
      liveSession(appId, token, now); // as the original, a missing session is the answer first
      throw SessionInputException.protectedField();
    } else {
      row =
          storage
              .sessions()
              .updateLiveJwtPayload(
                  appId, token.tenantId(), token.handle(), newPayload.toString(), now)
              .orElseThrow(() -> SessionTokens.unauthorised("Session does not exist."));
    }
    if (token.expiresAt() < now) {
      return new Verification(SessionTokens.view(token, payload), null);
    }
    // Older clients could store a payload the token's version cannot carry: minting refuses it.
    Claims renewed =
        token.renewed(
            token.parentRefreshTokenHash1(),
            payload,
            SessionTokens.stamp(token.version(), now),
            token.expiresAt());
    return new Verification(
        SessionTokens.view(renewed), tokens.mint(appId, renewed, !row.useStaticKey()));
  }

  private SessionRow liveSession(String appId, Claims token, long now) {
    return storage
        .sessions()
        .find(appId, token.tenantId(), token.handle())
        .filter(r -> r.expiresAt() > now)
        .orElseThrow(() -> SessionTokens.unauthorised("Session does not exist."));
  }
}
