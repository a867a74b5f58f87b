package io.authcore.storage.jdbc;

import io.authcore.storage.UserActivityStore;
import java.util.List;

final class JdbcUserActivityStore implements UserActivityStore {
  private final Sql sql;
  private final String upsert;
  private final String countSince;
  private final String forget;

  JdbcUserActivityStore(Sql sql, Dialect dialect, Tables tables) {
    this.sql = sql;
    this.upsert =
        dialect.upsert(
            tables.name("user_last_active"),
            List.of("app_id", "user_id"),
            List.of("last_active_time"));
    this.countSince =
        "SELECT COUNT(*) FROM "
            + tables.name("user_last_active")
            + " WHERE app_id = ? AND last_active_time >= ?";
    this.forget =
        "DELETE FROM " + tables.name("user_last_active") + " WHERE app_id = ? AND user_id = ?";
  }

  @Override
  public void touch(String appId, String userId, long at) {
    sql.update(upsert, appId, userId, at);
  }

  @Override
  public void forget(String appId, String userId) {
    sql.update(forget, appId, userId);
  }

  @Override
  public long countActiveSince(String appId, long since) {
    return sql.one(countSince, rs -> rs.getLong(1), appId, since).orElse(0L);
  }
}
