package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.config.CoreConfig;
import io.authcore.crypto.Hashes;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.session.AccessTokens.Claims;
import io.authcore.recipe.session.SessionService.SessionView;
import io.authcore.recipe.session.SessionService.TokenInfo;
import io.authcore.storage.SessionStore;
import io.authcore.storage.SessionStore.SessionRow;
import io.authcore.tenancy.TenantConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What creating, verifying and refreshing sessions share: the clock, the app's token lifetimes,
 * minting, and the shapes of their answers.
 */
final class SessionTokens {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final AccessTokens accessTokens;
  final RefreshTokens refreshTokens;
  private final TenantConfigs configs;
  private final Clock clock;

  SessionTokens(
      AccessTokens accessTokens, RefreshTokens refreshTokens, TenantConfigs configs, Clock clock) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.configs = configs;
    this.clock = clock;
  }

  long now() {
    return clock.millis();
  }

  CoreConfig config(String appId) {
    return configs.appConfig(appId);
  }

  long accessTokenValidityMs(String appId) {
    return config(appId).longValue("access_token_validity") * 1000;
  }

  long refreshTokenValidityMs(String appId) {
    return (long) (config(appId).decimal("refresh_token_validity") * 60_000);
  }

  /** A per-mint validity (null: the configured one) may only shorten the configured one. */
  void checkValidity(String appId, Long validityMs) {
    if (validityMs == null) {
      return;
    }
    long configured = accessTokenValidityMs(appId);
    if (validityMs <= 0 || validityMs > configured) {
      throw new SessionInputException(
          "accessTokenValidity must be greater than 0 and at most the configured"
              + " access_token_validity ("
              + configured
              + " ms)");
    }
  }

  /**
   * When a token minted now at create or refresh expires: {@code now} plus the per-mint validity if
   * one was given, else plus the configured validity shortened by up to {@code
   * access_token_validity_jitter} of itself (never lengthened), so that the tokens of sessions
   * created together do not all expire together.
   */
  long freshExpiry(String appId, long now, Long validityMs) {
    if (validityMs != null) {
      return now + validityMs;
    }
    long validity = accessTokenValidityMs(appId);
    double jitter = config(appId).decimal("access_token_validity_jitter");
    if (jitter <= 0) {
      return now + validity;
    }
    return now + (long) (validity * (1 - ThreadLocalRandom.current().nextDouble() * jitter));
  }

  /** Token times: whole seconds from version 3 (a JWT's), milliseconds before. */
  static long stamp(TokenVersion version, long millis) {
    return version.legacy() ? millis : millis - Math.floorMod(millis, 1000L);
  }

  /**
   * Moves the session to the refresh token whose hash is {@code hash2} now, for the full refresh
   * validity, recording the token it retires and when; returns the row as it is after.
   */
  SessionRow rotate(
      SessionStore sessions, SessionRow row, String hash2, String retired, boolean useStaticKey) {
    long now = now();
    long expiresAt = now + refreshTokenValidityMs(row.appId());
    sessions.updateRotation(
        row.appId(), row.tenantId(), row.handle(), hash2, retired, now, expiresAt, useStaticKey);
    return new SessionRow(
        row.appId(),
        row.tenantId(),
        row.handle(),
        row.userId(),
        hash2,
        row.sessionData(),
        expiresAt,
        row.createdAt(),
        row.jwtUserPayload(),
        useStaticKey,
        retired,
        now);
  }

  TokenInfo mint(String appId, Claims claims, boolean dynamicKey) {
    return new TokenInfo(
        accessTokens.sign(appId, claims, dynamicKey), claims.expiresAt(), claims.createdAt());
  }

  static SessionView view(Claims claims) {
    return view(claims, claims.userData());
  }

  static SessionView view(Claims claims, ObjectNode userData) {
    return new SessionView(
        claims.handle(), claims.userId(), claims.recipeUserId(), userData, claims.tenantId());
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

  static StatusException tryRefresh(String message) {
    return StatusException.withMessage(Status.TRY_REFRESH_TOKEN, message);
  }
}
