package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Jwt;
import io.authcore.crypto.MalformedJwtException;
import io.authcore.crypto.ParsedJwt;
import io.authcore.recipe.session.SigningKeys.Key;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Version 5 access tokens: RS256 JWTs whose claims are the session's (in the original's order)
 * followed by the user payload at the top level.
 */
final class AccessTokens {
  static final String VERSION = "5";

  /** Claims the user payload may not use, because the session's own claims have these names. */
  static final Set<String> PROTECTED =
      Set.of(
          "sub",
          "exp",
          "iat",
          "sessionHandle",
          "refreshTokenHash1",
          "parentRefreshTokenHash1",
          "antiCsrfToken",
          "tId",
          "rsub");

  private static final List<String> SESSION_CLAIMS =
      List.of(
          "iat",
          "exp",
          "sub",
          "tId",
          "rsub",
          "sessionHandle",
          "refreshTokenHash1",
          "parentRefreshTokenHash1",
          "antiCsrfToken");

  private final SigningKeys keys;

  AccessTokens(SigningKeys keys) {
    this.keys = keys;
  }

  /** The claims of one access token. Times are in milliseconds, whole seconds. */
  record Claims(
      String userId,
      String recipeUserId,
      String tenantId,
      String handle,
      String refreshTokenHash1,
      String parentRefreshTokenHash1,
      String antiCsrf,
      ObjectNode userData,
      long createdAt,
      long expiresAt) {}

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

  static boolean hasProtectedClaim(ObjectNode userData) {
    for (Iterator<String> names = userData.fieldNames(); names.hasNext(); ) {
      if (PROTECTED.contains(names.next())) {
        return true;
      }
    }
    return false;
  }

  String sign(String appId, Claims claims, boolean dynamicKey) {
    Key key = keys.signingKey(appId, dynamicKey);
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    // The order the original's tokens show on the wire (its own notes list sub first).
    payload.put("iat", claims.createdAt() / 1000);
    payload.put("exp", claims.expiresAt() / 1000);
    payload.put("sub", claims.userId());
    payload.put("tId", claims.tenantId());
    payload.put("rsub", claims.recipeUserId());
    payload.put("sessionHandle", claims.handle());
    payload.put("refreshTokenHash1", claims.refreshTokenHash1());
    payload.put("parentRefreshTokenHash1", claims.parentRefreshTokenHash1());
    payload.put("antiCsrfToken", claims.antiCsrf());
    payload.setAll(claims.userData());
    return Jwt.sign(Jwt.accessTokenHeader(key.kid(), VERSION), payload, key.pair().getPrivate());
  }

  /** Parses the token and checks its signature; expiry is the caller's decision. */
  Verified verify(String appId, String token) throws Refused {
    return verify(appId, token, false);
  }

  /** As above; with {@code memoryOnly}, throws {@link StorageNeeded} rather than read keys. */
  Verified verify(String appId, String token, boolean memoryOnly) throws Refused {
    ParsedJwt jwt = parse(token);
    Optional<Key> key = keys.verificationKey(appId, jwt.kid(), memoryOnly);
    if (key.isEmpty() || !Jwt.verify(jwt, key.get().publicKey())) {
      throw new Refused(true, "Invalid JWT");
    }
    return new Verified(claims(jwt), jwt.kid().startsWith("d-"));
  }

  /** The claims without checking the signature: only for tokens the caller got from us. */
  Verified read(String token) throws Refused {
    ParsedJwt jwt = parse(token);
    return new Verified(claims(jwt), jwt.kid().startsWith("d-"));
  }

  private static ParsedJwt parse(String token) throws Refused {
    try {
      ParsedJwt jwt = Jwt.parse(token);
      if (jwt.version() != null && !jwt.version().equals(VERSION)) {
        // Older versions are minted only for older CDI versions, which Authcore does not speak.
        throw new Refused(false, "Access token version not supported");
      }
      return jwt;
    } catch (MalformedJwtException e) {
      throw new Refused(false, "Invalid access token: " + e.getMessage());
    }
  }

  private static Claims claims(ParsedJwt jwt) throws Refused {
    ObjectNode payload = jwt.payload();
    String sub = text(payload, "sub");
    String rsub = text(payload, "rsub");
    String tId = text(payload, "tId");
    String handle = text(payload, "sessionHandle");
    String hash1 = text(payload, "refreshTokenHash1");
    JsonNode exp = payload.get("exp");
    JsonNode iat = payload.get("iat");
    if (sub == null
        || rsub == null
        || tId == null
        || handle == null
        || hash1 == null
        || exp == null
        || !exp.canConvertToLong()
        || iat == null
        || !iat.canConvertToLong()) {
      throw new Refused(
          true,
          "Access token does not contain all the information. Maybe the structure has changed?");
    }
    String parentHash1 = text(payload, "parentRefreshTokenHash1");
    String antiCsrf = text(payload, "antiCsrfToken");
    long issuedAt = iat.asLong() * 1000;
    long expiresAt = exp.asLong() * 1000;
    payload.remove(SESSION_CLAIMS); // the parsed tree is ours: what is left is the user's data
    return new Claims(
        sub, rsub, tId, handle, hash1, parentHash1, antiCsrf, payload, issuedAt, expiresAt);
  }

  private static String text(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
