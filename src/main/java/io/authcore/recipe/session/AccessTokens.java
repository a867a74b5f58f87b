package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Jwt;
import io.authcore.crypto.LegacyJwt;
import io.authcore.crypto.MalformedJwtException;
import io.authcore.crypto.ParsedJwt;
import io.authcore.recipe.session.SigningKeys.Key;
import io.authcore.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Access tokens of every {@link TokenVersion}: RS256 JWTs whose claims are the session's (in the
 * original's order) followed by the user payload at the top level, or, for versions 1 and 2, the
 * legacy format with the payload nested.
 */
final class AccessTokens {
  private static final String INCOMPLETE =
      "Access token does not contain all the information. Maybe the structure has changed?";

  private static final Set<String> TIMES = Set.of("exp", "iat", "expiryTime", "timeCreated");

  private final SigningKeys keys;

  AccessTokens(SigningKeys keys) {
    this.keys = keys;
  }

  /**
   * The claims of one access token. Times are in milliseconds, whole seconds from version 3. {@code
   * userId} is the primary user, {@code recipeUserId} the session's own.
   */
  record Claims(
      TokenVersion version,
      String userId,
      String recipeUserId,
      String tenantId,
      String handle,
      String refreshTokenHash1,
      String parentRefreshTokenHash1,
      String antiCsrf,
      ObjectNode userData,
      long createdAt,
      long expiresAt) {

    /** The same token with another payload, parent and lifetime: a re-mint. */
    Claims renewed(String parentHash1, ObjectNode payload, long created, long expires) {
      return new Claims(
          version,
          userId,
          recipeUserId,
          tenantId,
          handle,
          refreshTokenHash1,
          parentHash1,
          antiCsrf,
          payload,
          created,
          expires);
    }
  }

  /** A signed token and whether its key was a dynamic one. */
  record Verified(Claims claims, boolean dynamicKey) {}

  /** Why a token was refused, and whether a refresh may help. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean tryRefresh;

    Refused(boolean tryRefresh, String message) {
      super(message, null, false, false);
      this.tryRefresh = tryRefresh;
    }
  }

  /**
   * Signs the claims; throws {@link SessionInputException} when the payload uses a claim of the
   * token's version. A version 1 token is always signed by the current dynamic key, as the original
   * did.
   */
  String sign(String appId, Claims claims, boolean dynamicKey) {
    TokenVersion version = claims.version();
    if (version.collides(claims.userData())) {
      throw SessionInputException.protectedField();
    }
    Key key = keys.signingKey(appId, dynamicKey || version == TokenVersion.V1);
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    if (version.legacy()) {
      payload.put("userId", claims.userId());
      payload.put("expiryTime", claims.expiresAt());
      payload.put("timeCreated", claims.createdAt());
      payload.put("sessionHandle", claims.handle());
      payload.put("refreshTokenHash1", claims.refreshTokenHash1());
      if (claims.parentRefreshTokenHash1() != null) {
        payload.put("parentRefreshTokenHash1", claims.parentRefreshTokenHash1());
      }
      if (claims.antiCsrf() != null) {
        payload.put("antiCsrfToken", claims.antiCsrf());
      }
      payload.set("userData", claims.userData());
      return LegacyJwt.sign(version.header(), payload, key.pair().getPrivate());
    }
    // The order the original's tokens show on the wire (its own notes list sub first).
    payload.put("iat", claims.createdAt() / 1000);
    payload.put("exp", claims.expiresAt() / 1000);
    payload.put("sub", claims.userId());
    if (version != TokenVersion.V3) {
      payload.put("tId", claims.tenantId());
    }
    if (version == TokenVersion.V5) {
      payload.put("rsub", claims.recipeUserId());
    }
    payload.put("sessionHandle", claims.handle());
    payload.put("refreshTokenHash1", claims.refreshTokenHash1());
    payload.put("parentRefreshTokenHash1", claims.parentRefreshTokenHash1());
    payload.put("antiCsrfToken", claims.antiCsrf());
    payload.setAll(claims.userData());
    return Jwt.sign(
        Jwt.accessTokenHeader(key.kid(), version.header()), payload, key.pair().getPrivate());
  }

  /** Parses the token and checks its signature; expiry is the caller's decision. */
  Verified verify(String appId, String token) throws Refused {
    return verify(appId, token, false);
  }

  /** As above; with {@code memoryOnly}, throws {@link StorageNeeded} rather than read keys. */
  Verified verify(String appId, String token, boolean memoryOnly) throws Refused {
    Optional<LegacyJwt.Parsed> legacy = parseLegacy(token);
    if (legacy.isPresent()) {
      // A legacy token names no key: every key the app verifies with is tried.
      Optional<Key> key =
          keys.findVerifying(appId, k -> LegacyJwt.verify(legacy.get(), k.publicKey()), memoryOnly);
      if (key.isEmpty()) {
        throw new Refused(true, "Invalid JWT");
      }
      return new Verified(legacyClaims(legacy.get()), key.get().kid().startsWith("d-"));
    }
    ParsedJwt jwt = parse(token);
    Optional<Key> key = keys.verificationKey(appId, jwt.kid(), memoryOnly);
    if (key.isEmpty() || !Jwt.verify(jwt, key.get().publicKey())) {
      throw new Refused(true, "Invalid JWT");
    }
    return new Verified(claims(jwt), jwt.kid().startsWith("d-"));
  }

  /** The claims without checking the signature: only for tokens the caller got from us. */
  Claims read(String token) throws Refused {
    Optional<LegacyJwt.Parsed> legacy = parseLegacy(token);
    if (legacy.isPresent()) {
      return legacyClaims(legacy.get());
    }
    return claims(parse(token));
  }

  private static Optional<LegacyJwt.Parsed> parseLegacy(String token) throws Refused {
    try {
      return LegacyJwt.parse(token);
    } catch (MalformedJwtException e) {
      throw new Refused(false, "Invalid access token: " + e.getMessage());
    }
  }

  private static ParsedJwt parse(String token) throws Refused {
    try {
      return Jwt.parse(token);
    } catch (MalformedJwtException e) {
      throw new Refused(false, "Invalid access token: " + e.getMessage());
    }
  }

  private static Claims legacyClaims(LegacyJwt.Parsed token) throws Refused {
    ObjectNode payload = token.payload();
    TokenVersion version = TokenVersion.ofHeader(token.version());
    String userId = text(payload, "userId");
    JsonNode userData = payload.get("userData");
    require(payload, version.claims());
    if (userId == null || !(userData instanceof ObjectNode data)) {
      throw new Refused(true, INCOMPLETE);
    }
    return new Claims(
        version,
        userId,
        userId,
        TenantId.DEFAULT,
        text(payload, "sessionHandle"),
        text(payload, "refreshTokenHash1"),
        text(payload, "parentRefreshTokenHash1"),
        text(payload, "antiCsrfToken"),
        data,
        payload.get("timeCreated").asLong(),
        payload.get("expiryTime").asLong());
  }

  private static Claims claims(ParsedJwt jwt) throws Refused {
    ObjectNode payload = jwt.payload();
    // A JWT without a version is taken for the latest, as the original does.
    TokenVersion version =
        jwt.version() == null ? TokenVersion.V5 : TokenVersion.ofHeader(jwt.version());
    require(payload, version.claims());
    String sub = text(payload, "sub");
    String handle = text(payload, "sessionHandle");
    String hash1 = text(payload, "refreshTokenHash1");
    // A version 3 token comes from before tenants: its tenant is the public one, whatever the
    // payload says; before version 5 the recipe user is the token's subject.
    String tId = version == TokenVersion.V3 ? TenantId.DEFAULT : text(payload, "tId");
    String rsub = version == TokenVersion.V5 ? text(payload, "rsub") : sub;
    if (sub == null || rsub == null || tId == null || handle == null || hash1 == null) {
      throw new Refused(true, INCOMPLETE);
    }
    String parentHash1 = text(payload, "parentRefreshTokenHash1");
    String antiCsrf = text(payload, "antiCsrfToken");
    long issuedAt = payload.get("iat").asLong() * 1000;
    long expiresAt = payload.get("exp").asLong() * 1000;
    payload.remove(version.claims()); // the parsed tree is ours: what is left is the user's data
    return new Claims(
        version,
        sub,
        rsub,
        tId,
        handle,
        hash1,
        parentHash1,
        antiCsrf,
        payload,
        issuedAt,
        expiresAt);
  }

  private static void require(ObjectNode payload, List<String> claims) throws Refused {
    for (String claim : claims) {
      JsonNode value = payload.get(claim);
      boolean time = TIMES.contains(claim);
      boolean optional = claim.equals("parentRefreshTokenHash1") || claim.equals("antiCsrfToken");
      if (optional) {
        continue;
      }
      if (value == null || (time ? !value.canConvertToLong() : !value.isTextual())) {
        throw new Refused(true, INCOMPLETE);
      }
    }
  }

  private static String text(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
