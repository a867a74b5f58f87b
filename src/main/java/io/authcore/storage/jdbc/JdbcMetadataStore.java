package io.authcore.storage.jdbc;

import io.authcore.storage.MetadataStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcMetadataStore implements MetadataStore {
  private final Sql sql;
  private final String table;
  private final String select;
  private final String insertEmpty;
  private final String replace;
  private final String delete;

  JdbcMetadataStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.table = tables.name("user_metadata");
    this.select = "SELECT user_metadata FROM " + table + " WHERE app_id = ? AND user_id = ?";
    this.insertEmpty =
        "INSERT INTO "
            + table
            + " (app_id, user_id, user_metadata) VALUES (?, ?, '{}') ON CONFLICT DO NOTHING";
    this.replace = "UPDATE " + table + " SET user_metadata = ? WHERE app_id = ? AND user_id = ?";
    this.delete = "DELETE FROM " + table + " WHERE app_id = ? AND user_id = ?";
  }

  @Override
  public Optional<String> find(String appId, String userId) {
    return sql.one(select, rs -> rs.getString(1), appId, userId);
  }

  @Override
  public Map<String, String> findAll(String appId, Collection<String> userIds) {
    Map<String, String> found = new HashMap<>();
    if (userIds.isEmpty()) {
      return found;
    }
    Object[] params = new Object[userIds.size() + 1];
    params[0] = appId;
    int i = 1;
    for (String userId : userIds) {
      params[i++] = userId;
    }
    List<String[]> rows =
        sql.list(
            "SELECT user_id, user_metadata FROM "
                + table
                + " WHERE app_id = ? AND user_id IN ("
                + "?, ".repeat(userIds.size() - 1)
                + "?)",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            params);
    rows.forEach(row -> found.put(row[0], row[1]));
    return found;
  }

  @Override
  public String lock(String appId, String userId) {
    // Creating the row first gives a concurrent first update something to wait on. The loop covers
    // a deletion that commits between the insert (which found the row) and the lock.
    while (true) {
      sql.update(insertEmpty, appId, userId);
      Optional<String> locked =
          sql.one(select + " FOR UPDATE", rs -> rs.getString(1), appId, userId);
      if (locked.isPresent()) {
        return locked.get();
      }
    }
  }

  @Override
  public void replace(String appId, String userId, String metadata) {
    sql.update(replace, metadata, appId, userId);
  }

  @Override
  public boolean delete(String appId, String userId) {
    return sql.update(delete, appId, userId) > 0;
  }
}
