package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.RandomTokens;
import io.authcore.http.CdiVersion;
import io.authcore.http.Json;
import io.authcore.recipe.session.SessionRegistry.SessionInfo;
import io.authcore.recipe.session.SessionService.NewSession;
import io.authcore.recipe.session.SessionService.SessionView;
import io.authcore.recipe.session.SessionService.TokenInfo;
import io.authcore.recipe.session.SessionService.Verification;
import io.authcore.recipe.session.SigningKeys.LegacyKey;
import io.authcore.recipe.session.SigningKeys.LegacyKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session answers in the shape each CDI version has: the tenant from 3.0, the recipe user from
 * 4.0, and below 2.21 the legacy extras (an {@code idRefreshToken}, the signing keys).
 */
final class SessionReplies {
  private SessionReplies() {}

  /** The access-token version a client of this CDI version is given. */
  static TokenVersion tokenVersion(CdiVersion cdi) {
    if (cdi.atLeast(CdiVersion.V4_0)) {
      return TokenVersion.V5;
    }
    if (cdi.atLeast(CdiVersion.V3_0)) {
      return TokenVersion.V4;
    }
    return cdi.atLeast(CdiVersion.V2_21) ? TokenVersion.V3 : TokenVersion.V2;
  }

  /** Clients below 2.21 verify tokens themselves, with keys the core hands them. */
  static boolean legacy(CdiVersion cdi) {
    return cdi.below(CdiVersion.V2_21);
  }

  /**
   * After create or refresh. Below 2.21 an {@code idRefreshToken} too: a random value those clients
   * keep in a cookie beside the refresh token, with its lifetime.
   */
  static ObjectNode newSession(NewSession created, CdiVersion cdi) {
    ObjectNode out = Json.object();
    out.set("session", session(created.session(), cdi));
    out.set("accessToken", token(created.accessToken()));
    out.set("refreshToken", token(created.refreshToken()));
    if (legacy(cdi)) {
      TokenInfo refresh = created.refreshToken();
      out.set(
          "idRefreshToken",
          token(new TokenInfo(RandomTokens.uuid(), refresh.expiry(), refresh.createdTime())));
    }
    if (created.antiCsrfToken() != null) {
      out.put("antiCsrfToken", created.antiCsrfToken());
    }
    out.put("status", "OK");
    return out;
  }

  static ObjectNode verification(Verification result, CdiVersion cdi) {
    ObjectNode out = Json.object();
    out.set("session", session(result.session(), cdi));
    if (result.newAccessToken() != null) {
      out.set("accessToken", token(result.newAccessToken()));
    }
    if (result.payloadUpdateAvailable() != null) {
      out.put("payloadUpdateAvailable", result.payloadUpdateAvailable());
    }
    out.put("status", "OK");
    return out;
  }

  static ObjectNode session(SessionView view, CdiVersion cdi) {
    ObjectNode out = Json.object();
    out.put("handle", view.handle());
    out.put("userId", view.userId());
    if (cdi.atLeast(CdiVersion.V4_0)) {
      out.put("recipeUserId", view.recipeUserId());
    }
    out.set("userDataInJWT", view.userDataInJWT());
    if (cdi.atLeast(CdiVersion.V3_0)) {
      out.put("tenantId", view.tenantId());
    }
    return out;
  }

  /** {@code GET /recipe/session}. */
  static ObjectNode info(SessionInfo info, CdiVersion cdi) {
    ObjectNode out = Json.object();
    out.put("sessionHandle", info.handle());
    out.put("userId", info.userId());
    if (cdi.atLeast(CdiVersion.V4_0)) {
      out.put("recipeUserId", info.recipeUserId());
    }
    out.set("userDataInDatabase", info.userDataInDatabase());
    out.put("expiry", info.expiry());
    out.set("userDataInJWT", info.userDataInJWT());
    out.put("timeCreated", info.timeCreated());
    out.put("status", "OK");
    if (cdi.atLeast(CdiVersion.V3_0)) {
      out.put("tenantId", info.tenantId());
    }
    return out;
  }

  static ObjectNode token(TokenInfo token) {
    ObjectNode out = Json.object();
    out.put("token", token.token());
    out.put("expiry", token.expiry());
    out.put("createdTime", token.createdTime());
    return out;
  }

  /** The signing keys as clients below 2.21 read them; the list from 2.9. */
  static Map<String, Object> legacyKeys(LegacyKeys keys, CdiVersion cdi) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("jwtSigningPublicKey", keys.publicKey());
    out.put("jwtSigningPublicKeyExpiryTime", keys.expiryTime());
    if (cdi.atLeast(CdiVersion.V2_9)) {
      ArrayNode list = Json.MAPPER.createArrayNode();
      for (LegacyKey key : keys.keys()) {
        ObjectNode item = list.addObject();
        item.put("publicKey", key.publicKey());
        item.put("expiryTime", key.expiryTime());
        item.put("createdAt", key.createdAt());
      }
      out.put("jwtSigningPublicKeyList", list);
    }
    return out;
  }

  static ObjectNode withLegacyKeys(ObjectNode out, LegacyKeys keys, CdiVersion cdi) {
    legacyKeys(keys, cdi).forEach((name, value) -> out.set(name, Json.MAPPER.valueToTree(value)));
    return out;
  }
}
