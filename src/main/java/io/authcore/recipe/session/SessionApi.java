package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.http.Api;
import io.authcore.http.Call;
import io.authcore.http.CdiVersion;
import io.authcore.http.HttpError;
import io.authcore.http.Json;
import io.authcore.http.JsonBody;
import io.authcore.http.Routes;
import io.authcore.http.Scope;
import io.authcore.recipe.MaxLength;
import io.authcore.recipe.Status;
import io.authcore.recipe.StatusException;
import io.authcore.recipe.session.SessionService.LegacySettings;
import io.authcore.recipe.session.SessionService.NewSession;
import io.authcore.recipe.session.SessionService.Rotation;
import io.authcore.recipe.session.SessionService.Verification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The session endpoints that make and check tokens: create, verify, refresh, regenerate, and the
 * handshake of clients below CDI 2.21. Each reads its request as the client's CDI version has it
 * and hands the service a token version and flags; the stored-session endpoints are {@link
 * StoredSessionApi}'s.
 */
public final class SessionApi implements Api {
  private final SessionService sessions;
  private final StoredSessionApi stored;

  public SessionApi(SessionService sessions, SessionRegistry registry) {
    this.sessions = sessions;
    this.stored = new StoredSessionApi(registry);
  }

  @Override
  public void routes(Routes r) {
    r.post("/recipe/session", this::create);
    // The hot path: answered on the I/O thread unless it needs the database. From 5.6 it may be
    // called only for the public tenant, as every app-wide API.
    r.post("/recipe/session/verify", this::verify)
        .scope(Scope.APP_PUBLIC_TENANT)
        .publicTenantSince(CdiVersion.V5_6)
        .inline();
    r.post("/recipe/session/refresh", this::refresh).scope(Scope.APP);
    r.post("/recipe/session/regenerate", this::regenerate).scope(Scope.APP);
    r.post("/recipe/handshake", this::handshake);
    stored.routes(r);
  }

  private Object create(Call call) {
    CdiVersion cdi = call.cdi();
    JsonBody in = call.body();
    String userId = in.string("userId");
    boolean enableAntiCsrf = in.bool("enableAntiCsrf");
    ObjectNode userDataInJWT = in.object("userDataInJWT");
    ObjectNode userDataInDatabase = in.object("userDataInDatabase");
    Long validity = cdi.atLeast(CdiVersion.V5_6) ? optionalLong(in, "accessTokenValidity") : null;
    // Below 2.21 the app's access_token_signing_key_dynamic decides; from it, only an explicit
    // false chooses the static key.
    Boolean useDynamicKey =
        cdi.atLeast(CdiVersion.V2_21) ? in.optionalBool("useDynamicSigningKey").orElse(true) : null;
    MaxLength.USER_ID.check("userId", userId);
    NewSession created =
        refusingBadInput(
            () ->
                sessions
                    .creation()
                    .create(
                        call.tenant(),
                        userId,
                        userDataInJWT,
                        userDataInDatabase,
                        enableAntiCsrf,
                        useDynamicKey,
                        SessionReplies.tokenVersion(cdi),
                        validity));
    ObjectNode out = SessionReplies.newSession(created, cdi);
    if (SessionReplies.legacy(cdi)) {
      SessionReplies.withLegacyKeys(out, sessions.legacyKeys(call.tenant().appId()), cdi);
    }
    return out;
  }

  private Object verify(Call call) {
    CdiVersion cdi = call.cdi();
    boolean legacy = SessionReplies.legacy(cdi);
    if (legacy && call.onIoThread()) {
      throw call.leaveIoThread(); // old clients are few; their answers read keys and settings
    }
    String appId = call.tenant().appId();
    JsonBody in = call.body();
    String accessToken = in.string("accessToken");
    String antiCsrfToken = in.stringOrNull("antiCsrfToken").orElse(null);
    boolean doAntiCsrfCheck = in.bool("doAntiCsrfCheck");
    boolean enableAntiCsrf = in.bool("enableAntiCsrf");
    // Clients below 2.21 do not say; the deprecated access_token_blacklisting decides for them.
    boolean checkDatabase =
        legacy
            ? sessions.legacySettings(appId).accessTokenBlacklisting()
            : in.bool("checkDatabase");
    Verification result;
    try {
      result =
          refusingBadInput(
              () ->
                  sessions
                      .verification()
                      .verify(
                          appId,
                          accessToken,
                          antiCsrfToken,
                          doAntiCsrfCheck,
                          enableAntiCsrf,
                          checkDatabase,
                          call.onIoThread(),
                          cdi.atLeast(CdiVersion.V5_6)));
    } catch (StorageNeeded e) {
      throw call.leaveIoThread();
    } catch (StatusException e) {
      if (legacy && e.status() == Status.TRY_REFRESH_TOKEN) {
        // Old clients verify by themselves: a refusal brings the keys they should have used.
        Map<String, Object> extras =
            new LinkedHashMap<>(SessionReplies.legacyKeys(sessions.legacyKeys(appId), cdi));
        extras.putAll(e.extras());
        throw new StatusException(e.status(), extras);
      }
      throw e;
    }
    ObjectNode out = SessionReplies.verification(result, cdi);
    if (legacy) {
      SessionReplies.withLegacyKeys(out, sessions.legacyKeys(appId), cdi);
    }
    return out;
  }

  private Object refresh(Call call) {
    CdiVersion cdi = call.cdi();
    JsonBody in = call.body();
    String refreshToken = in.string("refreshToken");
    String antiCsrf = in.stringOrNull("antiCsrfToken").orElse(null);
    boolean enableAntiCsrf = in.bool("enableAntiCsrf");
    // Ignored below 3.0, optional in 3.x, required from 5.0; absent keeps the session's key type.
    Boolean useDynamicKey = null;
    if (cdi.atLeast(CdiVersion.V5_0)) {
      useDynamicKey = in.bool("useDynamicSigningKey");
    } else if (cdi.atLeast(CdiVersion.V3_0)) {
      useDynamicKey = in.optionalBool("useDynamicSigningKey").orElse(null);
    }
    boolean v56 = cdi.atLeast(CdiVersion.V5_6);
    Long validity = v56 ? optionalLong(in, "accessTokenValidity") : null;
    Boolean dynamic = useDynamicKey;
    NewSession refreshed =
        refusingBadInput(
            () ->
                sessions
                    .refreshing()
                    .refresh(
                        call.tenant().appId(),
                        refreshToken,
                        antiCsrf,
                        enableAntiCsrf,
                        dynamic,
                        SessionReplies.tokenVersion(cdi),
                        v56 ? Rotation.AT_ONCE : Rotation.ON_FIRST_USE,
                        validity));
    return SessionReplies.newSession(refreshed, cdi);
  }

  private Object regenerate(Call call) {
    CdiVersion cdi = call.cdi();
    JsonBody in = call.body();
    String accessToken = in.string("accessToken");
    ObjectNode payload = in.optionalObject("userDataInJWT").orElse(null);
    Verification result =
        refusingBadInput(
            () ->
                sessions
                    .verification()
                    .regenerate(
                        call.tenant().appId(),
                        accessToken,
                        payload,
                        cdi.atLeast(CdiVersion.V2_21)));
    return SessionReplies.verification(result, cdi);
  }

  /** Below 2.21 only: what a client needs to verify tokens by itself. */
  private Object handshake(Call call) {
    CdiVersion cdi = call.cdi();
    if (!SessionReplies.legacy(cdi)) {
      throw HttpError.notFound();
    }
    String appId = call.tenant().appId();
    ObjectNode out = Json.ok();
    SessionReplies.withLegacyKeys(out, sessions.legacyKeys(appId), cdi);
    LegacySettings settings = sessions.legacySettings(appId);
    out.put("accessTokenBlacklistingEnabled", settings.accessTokenBlacklisting());
    out.put("accessTokenValidity", settings.accessTokenValidityMs());
    out.put("refreshTokenValidity", settings.refreshTokenValidityMs());
    return out;
  }

  private static Long optionalLong(JsonBody in, String field) {
    return in.optionalLong(field).orElse(null);
  }

  /** Runs a service call, answering the input it refuses with the original's 400 text. */
  static <T> T refusingBadInput(Supplier<T> work) {
    try {
      return work.get();
    } catch (SessionInputException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }
}
