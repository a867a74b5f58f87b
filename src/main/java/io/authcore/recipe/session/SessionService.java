package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Hashes;
import io.authcore.crypto.RandomTokens;
import io.authcore.crypto.Secrets;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.session.AccessTokens.Claims;
import io.authcore.recipe.session.AccessTokens.Refused;
import io.authcore.recipe.session.AccessTokens.Verified;
import io.authcore.recipe.session.RefreshTokens.InvalidRefreshToken;
import io.authcore.recipe.session.RefreshTokens.Payload;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.storage.SessionStore;
import io.authcore.storage.SessionStore.SessionRow;
import io.authcore.storage.Storage;
import io.authcore.storage.Stores;
import io.authcore.tenancy.TenantConfigs;
import io.authcore.tenancy.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sessions with CDI 5.4 rotation semantics: a refresh hands out a child token pair without writing;
 * the first use of the child (verify or refresh) promotes it in the database; a refresh token that
 * is neither the current one nor its unpromoted child means the lineage was forked: token theft.
 */
public final class SessionService {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Storage storage;
  private final ActiveUsers activeUsers;
  private final Clock clock;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final TenantConfigs configs;

  /** Token lifetimes are app settings, read from {@code configs} for each operation. */
  public SessionService(
      Storage storage,
      SigningKeys keys,
      Clock clock,
      TenantConfigs configs,
      ActiveUsers activeUsers) {
    this.storage = storage;
    this.activeUsers = activeUsers;
    this.clock = clock;
    this.accessTokens = new AccessTokens(keys);
    this.refreshTokens = new RefreshTokens(storage, clock);
    this.configs = configs;
  }

  /** Drops what is cached for an app that was removed. */
  public void forgetApp(String appId) {
    refreshTokens.forget(appId);
  }

  /** What the SDK sees of a session. */
  public record SessionView(
      String handle,
      String userId,
      String recipeUserId,
      ObjectNode userDataInJWT,
      String tenantId) {}

  private record Draft(String refreshToken, SessionRow row) {}

  /** A token and its lifetime, in epoch milliseconds. */
  public record TokenInfo(String token, long expiry, long createdTime) {}

  /** A session's tokens after create or refresh; {@code antiCsrfToken} may be null. */
  public record NewSession(
      SessionView session, TokenInfo accessToken, TokenInfo refreshToken, String antiCsrfToken) {}

  /** The session behind a verified or regenerated token, and a new access token if one was made. */
  public record Verification(SessionView session, TokenInfo newAccessToken) {}

  /** True when the payload uses a claim name that belongs to the session. */
  public static boolean hasProtectedClaim(ObjectNode userDataInJWT) {
    return AccessTokens.hasProtectedClaim(userDataInJWT);
  }

  public NewSession create(
      TenantId tenant,
      String userId,
      ObjectNode userDataInJWT,
      ObjectNode userDataInDatabase,
      boolean enableAntiCsrf,
      boolean useDynamicKey) {
    String appId = tenant.appId();
    long now = clock.millis();
    String handle =
        tenant.isPublicTenant()
            ? RandomTokens.uuid()
            : RandomTokens.uuid() + "_" + tenant.tenantId();
    String antiCsrf = enableAntiCsrf ? RandomTokens.uuid() : null;
    long refreshExpiry = now + refreshTokenValidityMs(appId);
    String data = userDataInDatabase.toString();
    String payload = userDataInJWT.toString();
    // The refresh token carries the id the row is stored under.
    Function<String, Draft> draftFor =
        storedUserId -> {
          String token =
              refreshTokens.create(
                  appId, new Payload(handle, storedUserId, null, antiCsrf, tenant.tenantId()));
          return new Draft(
              token,
              new SessionRow(
                  appId,
                  tenant.tenantId(),
                  handle,
                  storedUserId,
                  hash2(token),
                  data,
                  refreshExpiry,
                  now,
                  payload,
                  !useDynamicKey));
        };
    // The given id is the stored one unless it is a SuperTokens id with an external id; assuming
    // it is lets identifying the user and writing the row take one round trip, not two.
    Draft draft = draftFor.apply(userId);
    SessionStore.Identified written = storage.sessions().insertIdentified(draft.row());
    SessionUsers.Ids ids = SessionUsers.resolve(storage.accountIds(), appId, written.identity());
    if (!written.inserted()) {
      draft = draftFor.apply(ids.recipeUserId());
      storage.sessions().insert(draft.row());
    }
    String refreshToken = draft.refreshToken();
    activeUsers.markActive(appId, ids.recipeUserId());
    Claims claims =
        new Claims(
            ids.userId(),
            ids.recipeUserId(),
            tenant.tenantId(),
            handle,
            Hashes.sha256Hex(refreshToken),
            null,
            antiCsrf,
            userDataInJWT,
            wholeSeconds(now),
            wholeSeconds(now) + accessTokenValidityMs(appId));
    return new NewSession(
        view(claims),
        mint(appId, claims, useDynamicKey),
        new TokenInfo(refreshToken, refreshExpiry, now),
        antiCsrf);
  }

  /**
   * Verifies an access token. With {@code memoryOnly}, throws {@link StorageNeeded}, before any
   * change, when the answer needs the database.
   */
  Verification verify(
      String appId,
      String accessToken,
      String antiCsrfToken,
      boolean doAntiCsrfCheck,
      boolean enableAntiCsrf,
      boolean checkDatabase,
      boolean memoryOnly) {
    if (checkDatabase && memoryOnly) {
      throw StorageNeeded.INSTANCE;
    }
    long now = clock.millis();
    Verified verified;
    try {
      verified = accessTokens.verify(appId, accessToken, memoryOnly);
    } catch (Refused e) {
      throw new StatusException(
          e.tryRefresh ? Status.TRY_REFRESH_TOKEN : Status.UNAUTHORISED,
          Map.of("message", e.getMessage()));
    }
    Claims token = verified.claims();
    if (token.expiresAt() <= now) {
      throw tryRefresh("Access token expired");
    }
    if (doAntiCsrfCheck && enableAntiCsrf) {
      if (token.antiCsrf() == null) {
        throw tryRefresh(
            "Access token does not contain all the information. Maybe the structure has changed?");
      }
      if (antiCsrfToken == null || !Secrets.equal(antiCsrfToken, token.antiCsrf())) {
        throw tryRefresh("anti-csrf check failed");
      }
    }
    boolean payloadChanged = false;
    if (checkDatabase) {
      Optional<SessionRow> row = storage.sessions().find(appId, token.tenantId(), token.handle());
      if (row.isEmpty() || row.get().expiresAt() < now) {
        throw unauthorised("Either the session has ended or has been blacklisted");
      }
      payloadChanged = !object(row.get().jwtUserPayload()).equals(token.userData());
    }
    if (token.parentRefreshTokenHash1() == null && !payloadChanged) {
      return new Verification(view(token), null);
    }
    if (memoryOnly) {
      throw StorageNeeded.INSTANCE; // the first use of a refreshed token promotes it
    }
    boolean refreshPayload = payloadChanged;
    return storage.inTransaction(tx -> promote(tx, appId, verified, refreshPayload, now));
  }

  /** The first use of a child token: make its refresh token the current one, mint a clean token. */
  private Verification promote(
      Stores tx, String appId, Verified verified, boolean payloadChanged, long now) {
    Claims token = verified.claims();
    SessionRow row =
        tx.sessions()
            .findForUpdate(appId, token.tenantId(), token.handle())
            .orElseThrow(() -> unauthorised("Session missing in db"));
    String ownHash2 = Hashes.sha256Hex(token.refreshTokenHash1());
    boolean promote =
        token.parentRefreshTokenHash1() != null
            && Secrets.equal(
                Hashes.sha256Hex(token.parentRefreshTokenHash1()), row.refreshTokenHash2());
    if (promote) {
      tx.sessions()
          .updateRefreshTokenHash(
              appId,
              token.tenantId(),
              token.handle(),
              ownHash2,
              now + refreshTokenValidityMs(appId));
    }
    if (!promote && !payloadChanged && !Secrets.equal(ownHash2, row.refreshTokenHash2())) {
      return new Verification(view(token), null); // a stale branch: valid, but nothing to renew
    }
    Claims renewed =
        new Claims(
            token.userId(),
            token.recipeUserId(),
            token.tenantId(),
            token.handle(),
            token.refreshTokenHash1(),
            null,
            token.antiCsrf(),
            object(row.jwtUserPayload()),
            wholeSeconds(now),
            wholeSeconds(now) + accessTokenValidityMs(appId));
    return new Verification(view(renewed), mint(appId, renewed, verified.dynamicKey()));
  }

  /**
   * @param useDynamicKey null keeps the key type the session was created with
   */
  public NewSession refresh(
      String appId,
      String refreshToken,
      String antiCsrfToken,
      boolean enableAntiCsrf,
      Boolean useDynamicKey) {
    Payload presented;
    try {
      presented = refreshTokens.open(appId, refreshToken);
    } catch (InvalidRefreshToken e) {
      throw unauthorised(e.getMessage());
    }
    if (enableAntiCsrf
        && presented.antiCsrf() != null
        && (antiCsrfToken == null || !Secrets.equal(antiCsrfToken, presented.antiCsrf()))) {
      throw unauthorised("Anti CSRF token missing, or not matching");
    }
    long now = clock.millis();
    // Only the database work holds the row lock and the connection; the tokens are made after.
    Rotated rotated =
        storage.inTransaction(tx -> rotate(tx, appId, refreshToken, presented, useDynamicKey, now));
    activeUsers.markActive(appId, presented.userId());
    SessionRow row = rotated.row();
    String parentHash1 = Hashes.sha256Hex(refreshToken);
    String antiCsrf = enableAntiCsrf ? RandomTokens.uuid() : null;
    String child =
        refreshTokens.create(
            appId, new Payload(row.handle(), row.userId(), parentHash1, antiCsrf, row.tenantId()));
    Claims claims =
        new Claims(
            rotated.ids().userId(),
            rotated.ids().recipeUserId(),
            row.tenantId(),
            row.handle(),
            Hashes.sha256Hex(child),
            parentHash1,
            antiCsrf,
            rotated.payload(),
            wholeSeconds(now),
            wholeSeconds(now) + accessTokenValidityMs(appId));
    return new NewSession(
        view(claims),
        mint(appId, claims, !rotated.useStaticKey()),
        new TokenInfo(child, now + refreshTokenValidityMs(appId), now),
        antiCsrf);
  }

  /** What a refresh found and changed in the database. */
  private record Rotated(
      SessionRow row, SessionUsers.Ids ids, ObjectNode payload, boolean useStaticKey) {}

  private Rotated rotate(
      Stores tx,
      String appId,
      String refreshToken,
      Payload presented,
      Boolean useDynamicKey,
      long now) {
    String tenantId = presented.tenantId();
    SessionRow row =
        tx.sessions()
            .findForUpdate(appId, tenantId, presented.handle())
            .filter(r -> r.expiresAt() >= now)
            .orElseThrow(() -> unauthorised("Session missing in db or has expired"));
    String presentedHash2 = hash2(refreshToken);
    boolean current = Secrets.equal(presentedHash2, row.refreshTokenHash2());
    boolean unpromotedChild =
        !current
            && presented.parentHash1() != null
            && Secrets.equal(Hashes.sha256Hex(presented.parentHash1()), row.refreshTokenHash2());
    SessionUsers.Ids ids = SessionUsers.resolve(tx.accountIds(), appId, row.userId());
    if (!current && !unpromotedChild) {
      Map<String, Object> session = new LinkedHashMap<>();
      session.put("handle", row.handle());
      session.put("userId", ids.userId());
      session.put("recipeUserId", ids.recipeUserId());
      throw new StatusException(Status.TOKEN_THEFT_DETECTED, Map.of("session", session));
    }
    if (unpromotedChild) {
      tx.sessions()
          .updateRefreshTokenHash(
              appId, tenantId, row.handle(), presentedHash2, now + refreshTokenValidityMs(appId));
    }
    boolean useStaticKey = useDynamicKey == null ? row.useStaticKey() : !useDynamicKey;
    if (useStaticKey != row.useStaticKey()) {
      tx.sessions().updateUseStaticKey(appId, tenantId, row.handle(), useStaticKey);
    }
    ObjectNode payload = object(row.jwtUserPayload());
    if (hasProtectedClaim(payload)) {
      throw unauthorised("The user payload contains protected field");
    }
    return new Rotated(row, ids, payload, useStaticKey);
  }

  /**
   * Replaces the token's payload (or keeps the stored one when {@code newPayload} is null) and
   * re-signs an unexpired token with the same expiry; an expired one is not renewed.
   */
  public Verification regenerate(String appId, String accessToken, ObjectNode newPayload) {
    Verified verified;
    try {
      verified = accessTokens.verify(appId, accessToken);
    } catch (Refused e) {
      throw unauthorised(e.getMessage());
    }
    Claims token = verified.claims();
    SessionRow row =
        storage
            .sessions()
            .find(appId, token.tenantId(), token.handle())
            .orElseThrow(() -> unauthorised("Session does not exist."));
    ObjectNode payload = newPayload != null ? newPayload : object(row.jwtUserPayload());
    if (newPayload != null) {
      storage
          .sessions()
          .updateJwtPayload(appId, token.tenantId(), token.handle(), newPayload.toString());
    }
    long now = clock.millis();
    Claims renewed =
        new Claims(
            token.userId(),
            token.recipeUserId(),
            token.tenantId(),
            token.handle(),
            token.refreshTokenHash1(),
            token.parentRefreshTokenHash1(),
            token.antiCsrf(),
            payload,
            wholeSeconds(now),
            token.expiresAt());
    if (token.expiresAt() <= now) {
      return new Verification(view(renewed), null);
    }
    return new Verification(view(renewed), mint(appId, renewed, verified.dynamicKey()));
  }

  static long wholeSeconds(long millis) {
    return millis - Math.floorMod(millis, 1000L);
  }

  private long accessTokenValidityMs(String appId) {
    return configs.appConfig(appId).longValue("access_token_validity") * 1000;
  }

  private long refreshTokenValidityMs(String appId) {
    return (long) (configs.appConfig(appId).decimal("refresh_token_validity") * 60_000);
  }

  private TokenInfo mint(String appId, Claims claims, boolean dynamicKey) {
    return new TokenInfo(
        accessTokens.sign(appId, claims, dynamicKey), claims.expiresAt(), claims.createdAt());
  }

  private static SessionView view(Claims claims) {
    return new SessionView(
        claims.handle(),
        claims.userId(),
        claims.recipeUserId(),
        claims.userData(),
        claims.tenantId());
  }

  static String hash2(String refreshToken) {
    return Hashes.sha256Hex(Hashes.sha256Hex(refreshToken));
  }

  static ObjectNode object(String json) {
    try {
      return json == null ? MAPPER.createObjectNode() : (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StatusException unauthorised(String message) {
    return StatusException.withMessage(Status.UNAUTHORISED, message);
  }

  private static StatusException tryRefresh(String message) {
    return StatusException.withMessage(Status.TRY_REFRESH_TOKEN, message);
  }
}
