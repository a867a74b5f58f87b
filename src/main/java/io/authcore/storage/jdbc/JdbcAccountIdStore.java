package io.authcore.storage.jdbc;

import io.authcore.storage.AccountIdStore;
import java.util.List;
import java.util.Optional;

final class JdbcAccountIdStore implements AccountIdStore {
  private final Sql sql;
  private final String mapping;
  private final String users;

  JdbcAccountIdStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.mapping = tables.name("userid_mapping");
    this.users = tables.name("app_id_to_user_id");
  }

  @Override
  public Optional<String> superTokensIdOf(String appId, String externalUserId) {
    return sql.one(
        "SELECT supertokens_user_id FROM " + mapping + " WHERE app_id = ? AND external_user_id = ?",
        rs -> rs.getString(1).trim(),
        appId,
        externalUserId);
  }

  @Override
  public Optional<String> externalIdOf(String appId, String superTokensUserId) {
    return sql.one(
        "SELECT external_user_id FROM " + mapping + " WHERE app_id = ? AND supertokens_user_id = ?",
        rs -> rs.getString(1),
        appId,
        superTokensUserId);
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
