package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.crypto.Hashes;
import io.authcore.crypto.RandomTokens;
import io.authcore.events.AuthEvents;
import io.authcore.recipe.session.AccessTokens.Claims;
import io.authcore.recipe.session.RefreshTokens.Payload;
import io.authcore.recipe.session.SessionService.NewSession;
import io.authcore.recipe.session.SessionService.TokenInfo;
import io.authcore.recipe.users.ActiveUsers;
import io.authcore.storage.SessionStore;
import io.authcore.storage.SessionStore.SessionRow;
import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantId;
import java.util.function.Function;

/** A new session: its row, a refresh token and a first access token. */
final class SessionCreation {
  private final Storage storage;
  private final SessionTokens tokens;
  private final ActiveUsers activeUsers;
  private final AuthEvents events;

  SessionCreation(
      Storage storage, SessionTokens tokens, ActiveUsers activeUsers, AuthEvents events) {
    this.events = events;
    this.storage = storage;
    this.tokens = tokens;
    this.activeUsers = activeUsers;
  }

  private record Draft(String refreshToken, SessionRow row) {}

  /**
   * @param useDynamicKey null: the app's {@code access_token_signing_key_dynamic} decides
   * @param validityMs the access token's lifetime, at most the configured one; null for that
   */
  NewSession create(
      TenantId tenant,
      String userId,
      ObjectNode userDataInJWT,
      ObjectNode userDataInDatabase,
      boolean enableAntiCsrf,
      Boolean useDynamicKey,
      TokenVersion version,
      Long validityMs) {
    String appId = tenant.appId();
    tokens.checkValidity(appId, validityMs);
    if (version.collides(userDataInJWT)) {
      throw SessionInputException.protectedField(); // before anything is stored
    }
    boolean useStaticKey =
        useDynamicKey == null
            ? !tokens.config(appId).bool("access_token_signing_key_dynamic")
            : !useDynamicKey;
    long now = tokens.now();
    String handle =
        tenant.isPublicTenant()
            ? RandomTokens.uuid()
            : RandomTokens.uuid() + "_" + tenant.tenantId();
    String antiCsrf = enableAntiCsrf ? RandomTokens.uuid() : null;
    long refreshExpiry = now + tokens.refreshTokenValidityMs(appId);
    String data = userDataInDatabase.toString();
    String payload = userDataInJWT.toString();
    // The refresh token carries the id the row is stored under.
    Function<String, Draft> draftFor =
        storedUserId -> {
          String token =
              tokens.refreshTokens.create(
                  appId, new Payload(handle, storedUserId, null, antiCsrf, tenant.tenantId()));
          return new Draft(
              token,
              new SessionRow(
                  appId,
                  tenant.tenantId(),
                  handle,
                  storedUserId,
                  SessionTokens.hash2(token),
                  data,
                  refreshExpiry,
                  now,
                  payload,
                  useStaticKey));
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
    activeUsers.markActive(appId, ids.recipeUserId(), written.identity().superTokensId());
    Claims claims =
        new Claims(
            version,
            ids.userId(),
            ids.recipeUserId(),
            tenant.tenantId(),
            handle,
            Hashes.sha256Hex(refreshToken),
            null,
            antiCsrf,
            userDataInJWT,
            SessionTokens.stamp(version, now),
            SessionTokens.stamp(version, tokens.freshExpiry(appId, now, validityMs)));
    TokenInfo accessToken = tokens.mint(appId, claims, !useStaticKey);
    events.sessions(appId, AuthEvents.SessionEvent.CREATED, 1);
    return new NewSession(
        SessionTokens.view(claims),
        accessToken,
        new TokenInfo(refreshToken, refreshExpiry, now),
        antiCsrf);
  }
}
