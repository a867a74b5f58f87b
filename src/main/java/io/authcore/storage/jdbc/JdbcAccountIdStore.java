package io.authcore.storage.jdbc;

import io.authcore.storage.AccountIdStore;
import io.authcore.storage.UserIdMappingStore;
import io.authcore.storage.UserIdMappingStore.Mapping;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Account links from {@code app_id_to_user_id}; mapped ids through the user-id mapping store. */
final class JdbcAccountIdStore implements AccountIdStore {
  private final Sql sql;
  private final String users;
  private final UserIdMappingStore mappings;
  private final String identify;

  JdbcAccountIdStore(Sql sql, Tables tables, UserIdMappingStore mappings) {
    this.sql = sql;
    this.users = tables.name("app_id_to_user_id");
    this.mappings = mappings;
    // One round trip instead of three: creating and refreshing a session both need all of it.
    // Joins, so that the mapping is looked up once (as scalar subqueries PostgreSQL repeated it).
    String mapping = tables.name("userid_mapping");
    this.identify =
        "SELECT g.supertokens_user_id, m.external_user_id, u.primary_or_recipe_user_id"
            + " FROM (SELECT 1 AS one) given"
            + " LEFT JOIN "
            + mapping
            + " g ON g.app_id = ? AND g.external_user_id = ?"
            + " LEFT JOIN "
            + mapping
            + " m ON m.app_id = ? AND m.supertokens_user_id = COALESCE(g.supertokens_user_id, ?)"
            + " LEFT JOIN "
            + users
            + " u ON u.app_id = ? AND u.user_id = COALESCE(g.supertokens_user_id, ?)";
  }

  @Override
  public Identity identify(String appId, String userId) {
    return sql.one(identify, rs -> identity(rs, userId), identifyParameters(appId, userId))
        .orElseThrow(() -> new IllegalStateException("left joins on one row return one row"));
  }

  /**
   * The query behind {@link #identify}, with the columns {@code supertokens_user_id}, {@code
   * external_user_id} and {@code primary_or_recipe_user_id}, for statements that embed it.
   */
  String identifyQuery() {
    return identify;
  }

  static Object[] identifyParameters(String appId, String userId) {
    return new Object[] {appId, userId, appId, userId, appId, userId};
  }

  /** Reads an identity from the first three columns of {@link #identifyQuery}'s row. */
  static Identity identity(ResultSet rs, String userId) throws SQLException {
    String mapped = rs.getString(1);
    String primary = rs.getString(3);
    return new Identity(
        mapped == null ? userId : mapped.trim(),
        rs.getString(2),
        primary == null ? null : primary.trim());
  }

  @Override
  public Optional<String> superTokensIdOf(String appId, String externalUserId) {
    return mappings.byExternalId(appId, externalUserId).map(Mapping::superTokensUserId);
  }

  @Override
  public Optional<String> externalIdOf(String appId, String superTokensUserId) {
    return mappings.bySuperTokensId(appId, superTokensUserId).map(Mapping::externalUserId);
  }

  @Override
  public Optional<String> primaryUserOf(String appId, String recipeUserId) {
    return sql.one(
        "SELECT primary_or_recipe_user_id FROM " + users + " WHERE app_id = ? AND user_id = ?",
        rs -> rs.getString(1).trim(),
        appId,
        recipeUserId);
  }

  @Override
  public List<String> linkedRecipeUsers(String appId, String primaryUserId) {
    return sql.list(
        "SELECT user_id FROM " + users + " WHERE app_id = ? AND primary_or_recipe_user_id = ?",
        rs -> rs.getString(1).trim(),
        appId,
        primaryUserId);
  }
}
