package io.authcore.storage.jdbc;

import io.authcore.storage.AccountIdStore.Identity;
import io.authcore.storage.SessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcSessionStore implements SessionStore {
  private static final String COLUMNS =
      "app_id, tenant_id, session_handle, user_id, refresh_token_hash_2, session_data,"
          + " expires_at, created_at_time, jwt_user_payload, use_static_key";
  // Added by the original 12.1 (CDI 5.6); a new row leaves them null.
  private static final String ROTATION_COLUMNS =
      ", prev_refresh_token_hash_2, refresh_token_rotated_at";

  private final Sql sql;
  private final String table;
  private final String insert;
  private final String select;
  private final String updateLivePayload;
  private final Dialect dialect;
  private final JdbcAccountIdStore accountIds;
  private final String insertIdentified; // null where the dialect cannot insert inside WITH
  private final String selectMany;
  private final ReadCombiner<Key, SessionRow> reads; // null where a read costs no round trip

  private record Key(String appId, String tenantId, String handle) {}

  /** The most sessions one combined read asks for: more than the server has request threads. */
  private static final int MOST_READ_TOGETHER = 64;

  JdbcSessionStore(Sql sql, Dialect dialect, Tables tables, JdbcAccountIdStore accountIds) {
    this.sql = sql;
    this.table = tables.name("session_info");
    this.insert =
        "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    this.accountIds = accountIds;
    // Creating a session is the hot write: one round trip to PostgreSQL instead of two. The
    // condition is Identity.sessionUserId() = user_id: a mapped id matches only its external form.
    this.insertIdentified =
        dialect.insertsInWith()
            ? "WITH who AS ("
                + accountIds.identifyQuery()
                + "), written AS (INSERT INTO "
                + table
                + " ("
                + COLUMNS
                + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM who"
                + " WHERE who.external_user_id = ?"
                + " OR (who.external_user_id IS NULL AND who.supertokens_user_id IS NULL)"
                + " RETURNING 1)"
                + " SELECT who.*, EXISTS (SELECT 1 FROM written) FROM who"
            : null;
    String ofTenant =
        "SELECT "
            + COLUMNS
            + ROTATION_COLUMNS
            + " FROM "
            + table
            + " WHERE app_id = ? AND tenant_id = ?";
    this.select = ofTenant + " AND session_handle = ?";
    this.selectMany = ofTenant + " AND session_handle = ANY (?)";
    // Verifying with checkDatabase reads one session a request, the hottest read there is. A
    // transaction's stores have one caller, so its reads stay on the transaction's connection.
    this.reads =
        dialect.readsAcrossASocket()
            ? new ReadCombiner<>(this::readOne, this::readMany, MOST_READ_TOGETHER)
            : null;
    // Regenerating and revoking are single writes: one round trip each, not a read and a write.
    this.updateLivePayload =
        dialect.updated(
            "UPDATE "
                + table
                + " SET jwt_user_payload = ?"
                + " WHERE app_id = ? AND tenant_id = ? AND session_handle = ? AND expires_at > ?",
            COLUMNS + ROTATION_COLUMNS);
    this.dialect = dialect;
  }

  @Override
  public void insert(SessionRow row) {
    sql.update(insert, values(row));
  }

  @Override
  public Identified insertIdentified(SessionRow row) {
    if (insertIdentified == null) {
      Identity who = accountIds.identify(row.appId(), row.userId());
      boolean insert = who.sessionUserId().equals(row.userId());
      if (insert) {
        insert(row);
      }
      return new Identified(who, insert);
    }
    List<Object> params =
        new ArrayList<>(
            Arrays.asList(JdbcAccountIdStore.identifyParameters(row.appId(), row.userId())));
    params.addAll(Arrays.asList(values(row)));
    params.add(row.userId());
    return sql.one(
            insertIdentified,
            rs -> new Identified(JdbcAccountIdStore.identity(rs, row.userId()), rs.getBoolean(4)),
            params.toArray())
        .orElseThrow(() -> new IllegalStateException("left joins on one row return one row"));
  }

  private static Object[] values(SessionRow row) {
    return new Object[] {
      row.appId(),
      row.tenantId(),
      row.handle(),
      row.userId(),
      row.refreshTokenHash2(),
      row.sessionData(),
      row.expiresAt(),
      row.createdAt(),
      row.jwtUserPayload(),
      row.useStaticKey()
    };
  }

  @Override
  public Optional<SessionRow> find(String appId, String tenantId, String handle) {
    Key key = new Key(appId, tenantId, handle);
    return Optional.ofNullable(reads == null ? readOne(key) : reads.read(key));
  }

  private SessionRow readOne(Key key) {
    return sql.one(select, JdbcSessionStore::row, key.appId(), key.tenantId(), key.handle())
        .orElse(null);
  }

  private Map<Key, SessionRow> readMany(List<Key> keys) {
    Map<List<String>, List<String>> byTenant = new LinkedHashMap<>();
    for (Key k : keys) {
      byTenant
          .computeIfAbsent(List.of(k.appId(), k.tenantId()), t -> new ArrayList<>())
          .add(k.handle());
    }
    Map<Key, SessionRow> found = new HashMap<>();
    byTenant.forEach(
        (tenant, handles) -> {
          for (SessionRow row :
              sql.list(
                  selectMany,
                  JdbcSessionStore::row,
                  tenant.get(0),
                  tenant.get(1),
                  handles.toArray(String[]::new))) {
            found.put(new Key(row.appId(), row.tenantId(), row.handle()), row);
          }
        });
    return found;
  }

  @Override
  public Optional<SessionRow> findForUpdate(String appId, String tenantId, String handle) {
    return sql.one(select + " FOR UPDATE", JdbcSessionStore::row, appId, tenantId, handle);
  }

  @Override
  public void updateRotation(
      String appId,
      String tenantId,
      String handle,
      String refreshTokenHash2,
      String prevRefreshTokenHash2,
      Long rotatedAt,
      long expiresAt,
      boolean useStaticKey) {
    sql.update(
        "UPDATE "
            + table
            + " SET refresh_token_hash_2 = ?, prev_refresh_token_hash_2 = ?,"
            + " refresh_token_rotated_at = ?, expires_at = ?, use_static_key = ?"
            + " WHERE app_id = ? AND tenant_id = ? AND session_handle = ?",
        refreshTokenHash2,
        prevRefreshTokenHash2,
        rotatedAt,
        expiresAt,
        useStaticKey,
        appId,
        tenantId,
        handle);
  }

  @Override
  public void updateUseStaticKey(
      String appId, String tenantId, String handle, boolean useStaticKey) {
    sql.update(
        "UPDATE "
            + table
            + " SET use_static_key = ? WHERE app_id = ? AND tenant_id = ? AND session_handle = ?",
        useStaticKey,
        appId,
        tenantId,
        handle);
  }

  @Override
  public boolean updateSessionData(
      String appId, String tenantId, String handle, String sessionData) {
    return sql.update(
            "UPDATE "
                + table
                + " SET session_data = ? WHERE app_id = ? AND tenant_id = ? AND session_handle = ?",
            sessionData,
            appId,
            tenantId,
            handle)
        > 0;
  }

  @Override
  public boolean updateJwtPayload(
      String appId, String tenantId, String handle, String jwtUserPayload) {
    return sql.update(
            "UPDATE "
                + table
                + " SET jwt_user_payload = ?"
                + " WHERE app_id = ? AND tenant_id = ? AND session_handle = ?",
            jwtUserPayload,
            appId,
            tenantId,
            handle)
        > 0;
  }

  @Override
  public Optional<SessionRow> updateLiveJwtPayload(
      String appId, String tenantId, String handle, String jwtUserPayload, long now) {
    return sql.one(
        updateLivePayload, JdbcSessionStore::row, jwtUserPayload, appId, tenantId, handle, now);
  }

  @Override
  public List<String> handlesOfUsers(
      String appId, String tenantId, Collection<String> userIds, long expiresAfter) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(appId);
    StringBuilder query =
        new StringBuilder("SELECT session_handle FROM ").append(table).append(" WHERE app_id = ?");
    if (tenantId != null) {
      query.append(" AND tenant_id = ?");
      params.add(tenantId);
    }
    query.append(" AND expires_at >= ? AND user_id IN (");
    params.add(expiresAfter);
    query.append(String.join(", ", Collections.nCopies(userIds.size(), "?"))).append(")");
    params.addAll(userIds);
    return sql.list(query.toString(), rs -> rs.getString(1), params.toArray());
  }

  @Override
  public List<String> delete(String appId, String tenantId, Collection<String> handles) {
    if (handles.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(List.of(appId, tenantId));
    params.addAll(handles);
    String in = String.join(", ", Collections.nCopies(handles.size(), "?"));
    String delete =
        "DELETE FROM " + table + " WHERE app_id = ? AND tenant_id = ? AND session_handle IN (";
    return sql.list(
        dialect.deleted(delete + in + ")", "session_handle"),
        rs -> rs.getString(1),
        params.toArray());
  }

  @Override
  public int deleteExpired(long now) {
    return sql.update("DELETE FROM " + table + " WHERE expires_at <= ?", now);
  }

  private static SessionRow row(ResultSet rs) throws SQLException {
    return new SessionRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getString(9),
        rs.getBoolean(10),
        rs.getString(11),
        rs.getObject(12) == null ? null : rs.getLong(12));
  }
}
