package io.authcore.storage.jdbc;

/**
 * The rows every new recipe user gets before its recipe's own: {@code app_id_to_user_id} and its
 * first tenant in {@code all_auth_recipe_users}, as its own primary-or-recipe user.
 */
final class RecipeUserRows {
  private final Sql sql;
  private final String ids;
  private final String allUsers;

  RecipeUserRows(Sql sql, Tables tables) {
    this.sql = sql;
    this.ids = tables.name("app_id_to_user_id");
    this.allUsers = tables.name("all_auth_recipe_users");
  }

  void insert(String appId, String tenantId, String userId, String recipeId, long timeJoined) {
    sql.update(
        "INSERT INTO "
            + ids
            + " (app_id, user_id, primary_or_recipe_user_id, recipe_id)"
            + " VALUES (?, ?, ?, ?)",
        appId,
        userId,
        userId,
        recipeId);
    sql.update(
        "INSERT INTO "
            + allUsers
            + " (app_id, tenant_id, user_id, primary_or_recipe_user_id, recipe_id, time_joined,"
            + " primary_or_recipe_user_time_joined) VALUES (?, ?, ?, ?, ?, ?, ?)",
        appId,
        tenantId,
        userId,
        userId,
        recipeId,
        timeJoined,
        timeJoined);
  }
}
