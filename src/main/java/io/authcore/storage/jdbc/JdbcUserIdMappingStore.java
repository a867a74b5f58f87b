package io.authcore.storage.jdbc;

import io.authcore.storage.UserIdMappingStore;
import java.util.List;
import java.util.Optional;

final class JdbcUserIdMappingStore implements UserIdMappingStore {
  private final Sql sql;
  private final String table;
  private final String select;

  JdbcUserIdMappingStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.table = tables.name("userid_mapping");
    this.select =
        "SELECT app_id, supertokens_user_id, external_user_id, external_user_id_info FROM "
            + table
            + " WHERE app_id = ? AND ";
  }

  private static Mapping row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Mapping(rs.getString(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4));
  }

  @Override
  public void insert(Mapping m) {
    sql.update(
        "INSERT INTO "
            + table
            + " (app_id, supertokens_user_id, external_user_id, external_user_id_info)"
            + " VALUES (?, ?, ?, ?)",
        m.appId(),
        m.superTokensUserId(),
        m.externalUserId(),
        m.externalUserIdInfo());
  }

  @Override
  public Optional<Mapping> bySuperTokensId(String appId, String superTokensUserId) {
    return sql.one(
        select + "supertokens_user_id = ?", JdbcUserIdMappingStore::row, appId, superTokensUserId);
  }

  @Override
  public Optional<Mapping> byExternalId(String appId, String externalUserId) {
    return sql.one(
        select + "external_user_id = ?", JdbcUserIdMappingStore::row, appId, externalUserId);
  }

  @Override
  public List<Mapping> byEitherId(String appId, String userId) {
    return sql.list(
        select + "(supertokens_user_id = ? OR external_user_id = ?)",
        JdbcUserIdMappingStore::row,
        appId,
        userId,
        userId);
  }

  @Override
  public boolean deleteBySuperTokensId(String appId, String superTokensUserId) {
    return sql.update(
            "DELETE FROM " + table + " WHERE app_id = ? AND supertokens_user_id = ?",
            appId,
            superTokensUserId)
        > 0;
  }

  @Override
  public boolean deleteByExternalId(String appId, String externalUserId) {
    return sql.update(
            "DELETE FROM " + table + " WHERE app_id = ? AND external_user_id = ?",
            appId,
            externalUserId)
        > 0;
  }

  @Override
  public boolean updateInfoBySuperTokensId(String appId, String superTokensUserId, String info) {
    return sql.update(
            "UPDATE "
                + table
                + " SET external_user_id_info = ? WHERE app_id = ? AND supertokens_user_id = ?",
            info,
            appId,
            superTokensUserId)
        > 0;
  }

  @Override
  public boolean updateInfoByExternalId(String appId, String externalUserId, String info) {
    return sql.update(
            "UPDATE "
                + table
                + " SET external_user_id_info = ? WHERE app_id = ? AND external_user_id = ?",
            info,
            appId,
            externalUserId)
        > 0;
  }
}
