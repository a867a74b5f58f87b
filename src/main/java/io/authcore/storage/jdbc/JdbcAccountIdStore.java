package io.authcore.storage.jdbc;

import io.authcore.storage.AccountIdStore;
import io.authcore.storage.UserIdMappingStore;
import io.authcore.storage.UserIdMappingStore.Mapping;
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
    String mapping = tables.name("userid_mapping");
    this.identify =
        "SELECT given.mapped, (SELECT m.external_user_id FROM "
            + mapping
            + " m WHERE m.app_id = ? AND m.supertokens_user_id = COALESCE(given.mapped, ?)),"
            + " (SELECT u.primary_or_recipe_user_id FROM "
            + users
            + " u WHERE u.app_id = ? AND u.user_id = COALESCE(given.mapped, ?))"
            + " FROM (SELECT (SELECT supertokens_user_id FROM "
            + mapping
            + " WHERE app_id = ? AND external_user_id = ?) AS mapped) given";
  }

  @Override
  public Identity identify(String appId, String userId) {
    return sql.one(
            identify,
            rs -> {
              String mapped = rs.getString(1);
              String primary = rs.getString(3);
              return new Identity(
                  mapped == null ? userId : mapped.trim(),
                  rs.getString(2),
                  primary == null ? null : primary.trim());
            },
            appId,
            userId,
            appId,
            userId,
            appId,
            userId)
        .orElseThrow(() -> new IllegalStateException("a SELECT without FROM returns one row"));
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
