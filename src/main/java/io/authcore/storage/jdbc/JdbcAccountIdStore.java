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

  JdbcAccountIdStore(Sql sql, Tables tables, UserIdMappingStore mappings) {
    this.sql = sql;
    this.users = tables.name("app_id_to_user_id");
    this.mappings = mappings;
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
