package io.authcore.recipe.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.events.AuthEvents;
import io.authcore.storage.SessionStore.SessionRow;
import io.authcore.storage.Storage;
import io.authcore.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sessions as stored rows: reading them, changing their data, listing and revoking them. */
public final class SessionRegistry {
  private final Storage storage;
  private final Clock clock;
  private final AuthEvents events;

  public SessionRegistry(Storage storage, Clock clock, AuthEvents events) {
    this.events = events;
    this.storage = storage;
    this.clock = clock;
  }

  /** The stored session, as {@code GET /recipe/session} reports it. */
  public record SessionInfo(
      String handle,
      String userId,
      String recipeUserId,
      ObjectNode userDataInDatabase,
      long expiry,
      ObjectNode userDataInJWT,
      long timeCreated,
      String tenantId) {}

  public SessionInfo info(String appId, String handle) {
    SessionRow row = liveRow(appId, handle);
    SessionUsers.Ids ids = SessionUsers.resolve(storage.accountIds(), appId, row.userId());
    return new SessionInfo(
        row.handle(),
        ids.userId(),
        ids.recipeUserId(),
        SessionTokens.object(row.sessionData()),
        row.expiresAt(),
        SessionTokens.object(row.jwtUserPayload()),
        row.createdAt(),
        row.tenantId());
  }

  public ObjectNode sessionData(String appId, String handle) {
    return SessionTokens.object(liveRow(appId, handle).sessionData());
  }

  public ObjectNode jwtPayload(String appId, String handle) {
    return SessionTokens.object(liveRow(appId, handle).jwtUserPayload());
  }

  public void updateSessionData(String appId, String handle, ObjectNode data) {
    if (!storage.sessions().updateSessionData(appId, tenantOf(handle), handle, data.toString())) {
      throw SessionTokens.unauthorised("Session does not exist.");
    }
  }

  public void updateJwtPayload(String appId, String handle, ObjectNode payload) {
    if (!storage.sessions().updateJwtPayload(appId, tenantOf(handle), handle, payload.toString())) {
      throw SessionTokens.unauthorised("Session does not exist.");
    }
  }

  /** Revokes these sessions of the app; returns the handles that existed. */
  public List<String> revoke(String appId, List<String> handles) {
    Map<String, List<String>> byTenant = new LinkedHashMap<>();
    for (String handle : handles) {
      byTenant.computeIfAbsent(tenantOf(handle), t -> new ArrayList<>()).add(handle);
    }
    // One tenant's sessions go in one statement, which needs no transaction around it.
    List<String> revoked =
        byTenant.size() == 1
            ? storage.sessions().delete(appId, byTenant.keySet().iterator().next(), handles)
            : storage.inTransaction(
                tx -> {
                  List<String> deleted = new ArrayList<>();
                  byTenant.forEach(
                      (tenantId, ofTenant) ->
                          deleted.addAll(tx.sessions().delete(appId, tenantId, ofTenant)));
                  return deleted;
                });
    events.sessions(appId, AuthEvents.SessionEvent.REVOKED, revoked.size());
    return revoked;
  }

  /**
   * Handles of a user's live sessions in {@code tenant}, or in every tenant of its app; with linked
   * accounts, those of every recipe user linked to the same primary user.
   */
  public List<String> handlesOfUser(
      TenantId tenant, String userId, boolean acrossTenants, boolean withLinkedAccounts) {
    Set<String> ids =
        SessionUsers.expand(storage.accountIds(), tenant.appId(), userId, withLinkedAccounts);
    return storage
        .sessions()
        .handlesOfUsers(
            tenant.appId(), acrossTenants ? null : tenant.tenantId(), ids, clock.millis());
  }

  public List<String> revokeForUser(
      TenantId tenant, String userId, boolean acrossTenants, boolean withLinkedAccounts) {
    return revoke(tenant.appId(), handlesOfUser(tenant, userId, acrossTenants, withLinkedAccounts));
  }

  /** Deletes sessions whose refresh tokens expired; the original does this twice a day. */
  public int purgeExpired() {
    return storage.sessions().deleteExpired(clock.millis());
  }

  private SessionRow liveRow(String appId, String handle) {
    return storage
        .sessions()
        .find(appId, tenantOf(handle), handle)
        .filter(r -> r.expiresAt() > clock.millis())
        .orElseThrow(() -> SessionTokens.unauthorised("Session does not exist."));
  }

  /** The tenant a handle belongs to: handles of non-public tenants end in {@code _<tenantId>}. */
  static String tenantOf(String handle) {
    int split = handle.indexOf('_');
    return split < 0 ? TenantId.DEFAULT : handle.substring(split + 1);
  }
}
