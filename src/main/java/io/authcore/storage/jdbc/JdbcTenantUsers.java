package io.authcore.storage.jdbc;

import io.authcore.storage.TenantStore.Association;
import io.authcore.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of a tenant for {@link JdbcTenantStore}: letting a recipe user sign in to one more
 * tenant (unless the tenant has a user of the same recipe with its email, phone number or
 * third-party login), taking it out, and what other recipes hold for an id.
 */
final class JdbcTenantUsers {
  /** A login recipe's user tables and the columns that must be unique within a tenant. */
  private record Recipe(String users, String userToTenant, List<String> columns) {}

  private static final Map<String, Recipe> RECIPES =
      Map.of(
          "emailpassword",
          new Recipe("emailpassword_users", "emailpassword_user_to_tenant", List.of("email")),
          "thirdparty",
          new Recipe(
              "thirdparty_users",
              "thirdparty_user_to_tenant",
              List.of("third_party_id", "third_party_user_id")),
          "passwordless",
          new Recipe(
              "passwordless_users",
              "passwordless_user_to_tenant",
              List.of("email", "phone_number")),
          "webauthn",
          new Recipe("webauthn_users", "webauthn_user_to_tenant", List.of("email")));

  private final Sql sql;
  private final Tables tables;

  JdbcTenantUsers(Sql sql, Tables tables) {
    this.sql = sql;
    this.tables = tables;
  }

  private record Linking(String recipeId, String primaryUserId, boolean linked) {}

  public Association addUser(TenantId tenant, String recipeUserId) {
    String appId = tenant.appId();
    Optional<Linking> linking =
        sql.one(
            "SELECT recipe_id, primary_or_recipe_user_id, is_linked_or_is_a_primary_user FROM "
                + tables.name("app_id_to_user_id")
                + " WHERE app_id = ? AND user_id = ? FOR UPDATE",
            rs -> new Linking(rs.getString(1), rs.getString(2).trim(), rs.getBoolean(3)),
            appId,
            recipeUserId);
    Recipe recipe = linking.map(l -> RECIPES.get(l.recipeId())).orElse(null);
    if (recipe == null) {
      return Association.UNKNOWN_USER;
    }
    String columns = String.join(", ", recipe.columns());
    Optional<Object[]> user =
        sql.one(
            "SELECT "
                + columns
                + ", time_joined FROM "
                + tables.name(recipe.users())
                + " WHERE app_id = ? AND user_id = ?",
            rs -> {
              Object[] values = new Object[recipe.columns().size() + 1];
              for (int i = 0; i < values.length; i++) {
                values[i] = rs.getObject(i + 1);
              }
              return values;
            },
            appId,
            recipeUserId);
    if (user.isEmpty()) {
      return Association.UNKNOWN_USER;
    }
    Object[] values = user.get();
    String userToTenant = tables.name(recipe.userToTenant());
    if (sql.exists(
        "SELECT 1 FROM " + userToTenant + " WHERE app_id = ? AND tenant_id = ? AND user_id = ?",
        appId,
        tenant.tenantId(),
        recipeUserId)) {
      return Association.ALREADY_ASSOCIATED;
    }
    // Checked before writing: a violated constraint would abort the transaction on PostgreSQL.
    Association conflict = conflict(recipe, userToTenant, tenant, recipeUserId, values);
    if (conflict != null) {
      return conflict;
    }
    long timeJoined = ((Number) values[values.length - 1]).longValue();
    Linking l = linking.get();
    sql.update(
        "INSERT INTO "
            + tables.name("all_auth_recipe_users")
            + " (app_id, tenant_id, user_id, primary_or_recipe_user_id,"
            + " is_linked_or_is_a_primary_user, recipe_id, time_joined,"
            + " primary_or_recipe_user_time_joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        appId,
        tenant.tenantId(),
        recipeUserId,
        l.primaryUserId(),
        l.linked(),
        l.recipeId(),
        timeJoined,
        timeJoined);
    if (l.linked()) {
      sql.update(
          "UPDATE "
              + tables.name("all_auth_recipe_users")
              + " SET primary_or_recipe_user_time_joined = (SELECT MIN(time_joined) FROM "
              + tables.name("all_auth_recipe_users")
              + " WHERE app_id = ? AND primary_or_recipe_user_id = ?)"
              + " WHERE app_id = ? AND primary_or_recipe_user_id = ?",
          appId,
          l.primaryUserId(),
          appId,
          l.primaryUserId());
    }
    Object[] params = new Object[values.length + 2];
    params[0] = appId;
    params[1] = tenant.tenantId();
    params[2] = recipeUserId;
    System.arraycopy(values, 0, params, 3, values.length - 1);
    sql.update(
        "INSERT INTO "
            + userToTenant
            + " (app_id, tenant_id, user_id, "
            + columns
            + ") VALUES (?, ?, ?"
            + ", ?".repeat(recipe.columns().size())
            + ")",
        params);
    return Association.ADDED;
  }

  private Association conflict(
      Recipe recipe, String userToTenant, TenantId tenant, String userId, Object[] values) {
    if (recipe.users().equals("thirdparty_users")) {
      return sql.exists(
              "SELECT 1 FROM "
                  + userToTenant
                  + " WHERE app_id = ? AND tenant_id = ? AND third_party_id = ?"
                  + " AND third_party_user_id = ? AND user_id <> ?",
              tenant.appId(),
              tenant.tenantId(),
              values[0],
              values[1],
              userId)
          ? Association.THIRD_PARTY_USER_ALREADY_EXISTS
          : null;
    }
    for (int i = 0; i < recipe.columns().size(); i++) {
      String column = recipe.columns().get(i);
      if (values[i] != null
          && sql.exists(
              "SELECT 1 FROM "
                  + userToTenant
                  + " WHERE app_id = ? AND tenant_id = ? AND "
                  + column
                  + " = ? AND user_id <> ?",
              tenant.appId(),
              tenant.tenantId(),
              values[i],
              userId)) {
        return column.equals("phone_number")
            ? Association.PHONE_NUMBER_ALREADY_EXISTS
            : Association.EMAIL_ALREADY_EXISTS;
      }
    }
    return null;
  }

  public boolean removeUser(TenantId tenant, String recipeUserId, String nonAuthUserId) {
    boolean removed = false;
    // What the original removes of a user's non-login data in the tenant, under its own id.
    for (String table :
        List.of("session_info", "emailverification_tokens", "user_roles", "totp_used_codes")) {
      removed |=
          sql.update(
                  "DELETE FROM "
                      + tables.name(table)
                      + " WHERE app_id = ? AND tenant_id = ? AND user_id = ?",
                  tenant.appId(),
                  tenant.tenantId(),
                  nonAuthUserId)
              > 0;
    }
    // The recipe's user_to_tenant row goes with it (ON DELETE CASCADE).
    removed |=
        sql.update(
                "DELETE FROM "
                    + tables.name("all_auth_recipe_users")
                    + " WHERE app_id = ? AND tenant_id = ? AND user_id = ?",
                tenant.appId(),
                tenant.tenantId(),
                recipeUserId)
            > 0;
    return removed;
  }

  public boolean isAuthUser(String appId, String userId) {
    return sql.exists(
        "SELECT 1 FROM " + tables.name("app_id_to_user_id") + " WHERE app_id = ? AND user_id = ?",
        appId,
        userId);
  }

  public boolean usedByNonAuthRecipe(String appId, String userId) {
    for (String table :
        List.of(
            "session_info",
            "user_metadata",
            "user_roles",
            "emailverification_verified_emails",
            "emailverification_tokens",
            "totp_users")) {
      if (sql.exists(
          "SELECT 1 FROM " + tables.name(table) + " WHERE app_id = ? AND user_id = ?",
          appId,
          userId)) {
        return true;
      }
    }
    return false;
  }

  public List<Long> lastActiveTimes(String appId, long since) {
    return sql.list(
        "SELECT last_active_time FROM "
            + tables.name("user_last_active")
            + " WHERE app_id = ? AND last_active_time >= ?",
        rs -> rs.getLong(1),
        appId,
        since);
  }
}
