package io.authcore.storage.jdbc;

import io.authcore.storage.UserListStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

final class JdbcUserListStore implements UserListStore {
  /** What the original caps each recipe table's share of a search at. */
  private static final int SEARCH_LIMIT_PER_TABLE = 1000;

  private static final String GROUP = "a.primary_or_recipe_user_id";
  private static final String GROUP_TIME = "a.primary_or_recipe_user_time_joined";

  private final Sql sql;
  private final Tables tables;
  private final String allUsers;

  JdbcUserListStore(Sql sql, Tables tables) {
    this.sql = sql;
    this.tables = tables;
    this.allUsers = tables.name("all_auth_recipe_users");
  }

  @Override
  public List<Entry> page(
      String appId,
      String tenantId,
      int limit,
      boolean ascending,
      Collection<String> recipeIds,
      Entry from) {
    List<Object> params = new ArrayList<>(List.of(appId, tenantId));
    StringBuilder query =
        new StringBuilder("SELECT DISTINCT ")
            .append(GROUP)
            .append(", ")
            .append(GROUP_TIME)
            .append(" FROM ")
            .append(allUsers)
            .append(" a WHERE a.app_id = ? AND a.tenant_id = ?");
    recipeFilter(query, params, recipeIds);
    if (from != null) {
      query
          .append(" AND (")
          .append(GROUP_TIME)
          .append(ascending ? " > ?" : " < ?")
          .append(" OR (")
          .append(GROUP_TIME)
          .append(" = ? AND ")
          .append(GROUP)
          .append(" <= ?))");
      params.addAll(List.of(from.timeJoined(), from.timeJoined(), from.primaryUserId()));
    }
    query.append(order(ascending)).append(" LIMIT ?");
    params.add(limit);
    return sql.list(
        query.toString(), rs -> new Entry(rs.getString(1).trim(), rs.getLong(2)), params.toArray());
  }

  @Override
  public List<String> search(
      String appId,
      String tenantId,
      List<String> emails,
      List<String> phones,
      List<String> providers,
      boolean ascending) {
    boolean onlyEmails = emails != null && phones == null && providers == null;
    List<Object> params = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    if (onlyEmails) {
      parts.add(part("emailpassword_user_to_tenant", null, appId, tenantId, params, emails, null));
      parts.add(part("webauthn_user_to_tenant", null, appId, tenantId, params, emails, null));
    }
    if (phones == null && (emails != null || providers != null)) {
      parts.add(
          part("thirdparty_user_to_tenant", "tp", appId, tenantId, params, emails, providers));
    }
    if (providers == null && (emails != null || phones != null)) {
      parts.add(part("passwordless_user_to_tenant", "pl", appId, tenantId, params, emails, phones));
    }
    if (parts.isEmpty()) {
      return List.of();
    }
    StringBuilder query = new StringBuilder("SELECT DISTINCT g, t FROM (");
    for (int i = 0; i < parts.size(); i++) {
      query.append(i == 0 ? "" : " UNION ").append("SELECT * FROM (").append(parts.get(i));
      query.append(" LIMIT ").append(SEARCH_LIMIT_PER_TABLE).append(") AS r").append(i);
    }
    query.append(") AS found ORDER BY t ").append(ascending ? "ASC" : "DESC").append(", g DESC");
    return sql.list(query.toString(), rs -> rs.getString(1).trim(), params.toArray());
  }

  /**
   * One recipe table's matches. {@code kind} says which second tag its rows carry: {@code tp}
   * matches {@code others} against the provider, {@code pl} against the phone number.
   */
  private String part(
      String toTenant,
      String kind,
      String appId,
      String tenantId,
      List<Object> params,
      List<String> emails,
      List<String> others) {
    String emailColumn = "x.email";
    StringBuilder q =
        new StringBuilder("SELECT ")
            .append(GROUP)
            .append(" AS g, ")
            .append(GROUP_TIME)
            .append(" AS t FROM ")
            .append(allUsers)
            .append(" a JOIN ")
            .append(tables.name(toTenant))
            .append(" x ON a.app_id = x.app_id AND a.tenant_id = x.tenant_id")
            .append(" AND a.user_id = x.user_id");
    if ("tp".equals(kind)) {
      q.append(" JOIN ")
          .append(tables.name("thirdparty_users"))
          .append(" u ON u.app_id = x.app_id AND u.user_id = x.user_id");
      emailColumn = "u.email";
    }
    q.append(" WHERE x.app_id = ? AND x.tenant_id = ?");
    params.add(appId);
    params.add(tenantId);
    if (emails != null) {
      q.append(" AND (");
      for (int i = 0; i < emails.size(); i++) {
        q.append(i == 0 ? "" : " OR ").append(like(emailColumn)).append(" OR ");
        q.append(like(emailColumn));
        params.add(escape(emails.get(i)) + "%");
        params.add("%@" + escape(emails.get(i)) + "%");
      }
      q.append(")");
    }
    if (others != null) {
      String column = "tp".equals(kind) ? "x.third_party_id" : "x.phone_number";
      q.append(" AND (");
      for (int i = 0; i < others.size(); i++) {
        q.append(i == 0 ? "" : " OR ").append(like(column));
        params.add(escape(others.get(i)) + "%");
      }
      q.append(")");
    }
    return q.toString();
  }

  private static String like(String column) {
    return "LOWER(" + column + ") LIKE ? ESCAPE '\\'";
  }

  /** Search text is matched literally: LIKE's wildcards in it are escaped. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  public long count(String appId, String tenantId, Collection<String> recipeIds) {
    List<Object> params = new ArrayList<>(List.of(appId));
    StringBuilder query =
        new StringBuilder("SELECT COUNT(DISTINCT ")
            .append(GROUP)
            .append(") FROM ")
            .append(allUsers)
            .append(" a WHERE a.app_id = ?");
    if (tenantId != null) {
      query.append(" AND a.tenant_id = ?");
      params.add(tenantId);
    }
    recipeFilter(query, params, recipeIds);
    return sql.one(query.toString(), rs -> rs.getLong(1), params.toArray()).orElse(0L);
  }

  @Override
  public long countJoinedAfter(String appId, String tenantId, long t) {
    String query =
        "SELECT COUNT(DISTINCT "
            + GROUP
            + ") FROM "
            + allUsers
            + " a WHERE a.app_id = ? AND a.tenant_id = ? AND "
            + GROUP_TIME
            + " > ?";
    return sql.one(query, rs -> rs.getLong(1), appId, tenantId, t).orElse(0L);
  }

  @Override
  public Set<String> primaryIdsWithEmail(String appId, String tenantId, String email) {
    Set<String> ids = new LinkedHashSet<>();
    for (String toTenant :
        List.of(
            "emailpassword_user_to_tenant",
            "passwordless_user_to_tenant",
            "webauthn_user_to_tenant")) {
      ids.addAll(groupsOf(toTenant, "", "x.email = ?", appId, tenantId, email));
    }
    ids.addAll(
        groupsOf(
            "thirdparty_user_to_tenant",
            " JOIN "
                + tables.name("thirdparty_users")
                + " u ON u.app_id = x.app_id AND u.user_id = x.user_id",
            "u.email = ?",
            appId,
            tenantId,
            email));
    return ids;
  }

  @Override
  public Set<String> primaryIdsWithPhoneNumber(String appId, String tenantId, String phoneNumber) {
    return new LinkedHashSet<>(
        groupsOf(
            "passwordless_user_to_tenant", "", "x.phone_number = ?", appId, tenantId, phoneNumber));
  }

  @Override
  public Set<String> primaryIdsWithThirdParty(
      String appId, String tenantId, String thirdPartyId, String thirdPartyUserId) {
    return new LinkedHashSet<>(
        groupsOf(
            "thirdparty_user_to_tenant",
            "",
            "x.third_party_id = ? AND x.third_party_user_id = ?",
            appId,
            tenantId,
            thirdPartyId,
            thirdPartyUserId));
  }

  @Override
  public Set<String> primaryIdsWithWebauthnCredential(String appId, String credentialId) {
    return new LinkedHashSet<>(
        sql.list(
            "SELECT DISTINCT i.primary_or_recipe_user_id FROM "
                + tables.name("webauthn_credentials")
                + " c JOIN "
                + tables.name("app_id_to_user_id")
                + " i ON i.app_id = c.app_id AND i.user_id = c.user_id"
                + " WHERE c.app_id = ? AND c.id = ?",
            rs -> rs.getString(1).trim(),
            appId,
            credentialId));
  }

  /** Groups of the recipe users of one tenant table that match {@code condition}. */
  private List<String> groupsOf(
      String toTenant,
      String join,
      String condition,
      String appId,
      String tenantId,
      Object... values) {
    Object[] params = new Object[values.length + 2];
    params[0] = appId;
    params[1] = tenantId;
    System.arraycopy(values, 0, params, 2, values.length);
    return sql.list(
        "SELECT DISTINCT "
            + GROUP
            + " FROM "
            + tables.name(toTenant)
            + " x JOIN "
            + allUsers
            + " a ON a.app_id = x.app_id AND a.tenant_id = x.tenant_id AND a.user_id = x.user_id"
            + join
            + " WHERE x.app_id = ? AND x.tenant_id = ? AND "
            + condition,
        rs -> rs.getString(1).trim(),
        params);
  }

  private static void recipeFilter(
      StringBuilder query, List<Object> params, Collection<String> recipeIds) {
    if (!recipeIds.isEmpty()) {
      query.append(" AND a.recipe_id IN ").append(JdbcUserStore.in(recipeIds.size()));
      params.addAll(recipeIds);
    }
  }

  private static String order(boolean ascending) {
    return " ORDER BY " + GROUP_TIME + (ascending ? " ASC" : " DESC") + ", " + GROUP + " DESC";
  }
}
