package io.authcore.storage.jdbc;

import io.authcore.storage.BulkImportStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

final class JdbcBulkImportStore implements BulkImportStore {
  private static final String COLUMNS =
      "id, raw_data, status, primary_user_id, error_msg, created_at, updated_at";

  private final Sql sql;
  private final String table;

  JdbcBulkImportStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.table = tables.name("bulk_import_users");
  }

  @Override
  public void insert(String appId, List<NewEntry> entries, long now) {
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (NewEntry e : entries) {
      rows.add(new Object[] {e.id(), appId, e.rawData(), now, now});
    }
    sql.batch(
        "INSERT INTO "
            + table
            + " (id, app_id, raw_data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        rows);
  }

  @Override
  public List<Entry> page(
      String appId, Status status, String fromId, Long fromCreatedAt, int limit) {
    StringBuilder query =
        new StringBuilder("SELECT " + COLUMNS + " FROM " + table + " WHERE app_id = ?");
    List<Object> params = new ArrayList<>(List.of(appId));
    if (status != null) {
      query.append(" AND status = ?");
      params.add(status.name());
    }
    if (fromId != null && fromCreatedAt != null) {
      query.append(" AND (created_at < ? OR (created_at = ? AND id <= ?))");
      params.add(fromCreatedAt);
      params.add(fromCreatedAt);
      params.add(fromId);
    }
    query.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
    params.add(limit);
    return sql.list(query.toString(), JdbcBulkImportStore::entry, params.toArray());
  }

  @Override
  public long count(String appId, Status status) {
    if (status == null) {
      return sql.one(
              "SELECT COUNT(*) FROM " + table + " WHERE app_id = ?", rs -> rs.getLong(1), appId)
          .orElse(0L);
    }
    return sql.one(
            "SELECT COUNT(*) FROM " + table + " WHERE app_id = ? AND status = ?",
            rs -> rs.getLong(1),
            appId,
            status.name())
        .orElse(0L);
  }

  @Override
  public Set<String> delete(String appId, Collection<String> ids) {
    // One statement per id, batched: on the whole key, which H2 looks up by index where it would
    // scan the app's rows for an IN list on the key's second column.
    List<String> list = new ArrayList<>(ids);
    int[] counts =
        sql.batch("DELETE FROM " + table + " WHERE app_id = ? AND id = ?", rows(appId, list));
    return changed(list, counts);
  }

  @Override
  public List<Entry> claim(String appId, int limit, long now) {
    List<Entry> claimed =
        sql.list(
            "SELECT "
                + COLUMNS
                + " FROM "
                + table
                + " WHERE app_id = ? AND status IN ('NEW', 'PROCESSING')"
                + " ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
            JdbcBulkImportStore::entry,
            appId,
            limit);
    List<Object[]> rows = new ArrayList<>(claimed.size());
    List<Entry> processing = new ArrayList<>(claimed.size());
    for (Entry e : claimed) {
      rows.add(new Object[] {now, appId, e.id()});
      processing.add(
          new Entry(
              e.id(),
              e.rawData(),
              Status.PROCESSING,
              e.primaryUserId(),
              e.errorMessage(),
              e.createdAt(),
              now));
    }
    sql.batch(
        "UPDATE "
            + table
            + " SET status = 'PROCESSING', updated_at = ? WHERE app_id = ? AND id = ?",
        rows);
    return processing;
  }

  @Override
  public Set<String> lockWaiting(String appId, Collection<String> ids) {
    // An update locks the row; one another transaction holds is waited for (it is then gone or
    // FAILED, and not counted). In one order, so that two such transactions cannot deadlock.
    List<String> list = new ArrayList<>(new TreeSet<>(ids));
    int[] counts =
        sql.batch(
            "UPDATE "
                + table
                + " SET updated_at = updated_at WHERE app_id = ? AND id = ?"
                + " AND status IN ('NEW', 'PROCESSING')",
            rows(appId, list));
    return changed(list, counts);
  }

  private static List<Object[]> rows(String appId, List<String> ids) {
    List<Object[]> rows = new ArrayList<>(ids.size());
    for (String id : ids) {
      rows.add(new Object[] {appId, id});
    }
    return rows;
  }

  /** Those of the ids whose statement changed a row. */
  private static Set<String> changed(List<String> ids, int[] counts) {
    Set<String> changed = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (counts[i] > 0) {
        changed.add(ids.get(i));
      }
    }
    return changed;
  }

  @Override
  public void markFailed(String appId, Map<String, String> reasonsById, long now) {
    List<Object[]> rows = new ArrayList<>(reasonsById.size());
    reasonsById.forEach((id, reason) -> rows.add(new Object[] {reason, now, appId, id}));
    sql.batch(
        "UPDATE "
            + table
            + " SET status = 'FAILED', error_msg = ?, updated_at = ? WHERE app_id = ? AND id = ?",
        rows);
  }

  private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    String primary = rs.getString("primary_user_id");
    return new Entry(
        rs.getString("id").trim(),
        rs.getString("raw_data"),
        Status.valueOf(rs.getString("status").trim()),
        primary == null ? null : primary.trim(),
        rs.getString("error_msg"),
        rs.getLong("created_at"),
        rs.getLong("updated_at"));
  }
}
