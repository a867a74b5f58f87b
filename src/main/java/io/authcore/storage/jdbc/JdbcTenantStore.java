package io.authcore.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.storage.TenantStore;
import io.authcore.tenancy.TenantConfig;
import io.authcore.tenancy.TenantId;
import io.authcore.tenancy.ThirdPartyProvider;
import io.authcore.tenancy.ThirdPartyProvider.Client;
import io.authcore.tenancy.ThirdPartyProvider.Fields;
import io.authcore.tenancy.ThirdPartyProvider.UserInfoMap;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JdbcTenantStore implements TenantStore {
  // In the order both the SELECT's reader and the INSERT's parameters use.
  private static final String PROVIDER_COLUMNS =
      "connection_uri_domain, app_id, tenant_id, third_party_id, name,"
          + " authorization_endpoint, authorization_endpoint_query_params, token_endpoint,"
          + " token_endpoint_body_params, user_info_endpoint, user_info_endpoint_query_params,"
          + " user_info_endpoint_headers, jwks_uri, oidc_discovery_endpoint, require_email,"
          + " user_info_map_from_id_token_payload_user_id,"
          + " user_info_map_from_id_token_payload_email,"
          + " user_info_map_from_id_token_payload_email_verified,"
          + " user_info_map_from_user_info_endpoint_user_id,"
          + " user_info_map_from_user_info_endpoint_email,"
          + " user_info_map_from_user_info_endpoint_email_verified";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String KEY = "connection_uri_domain = ? AND app_id = ? AND tenant_id = ?";

  private final Sql sql;
  private final Tables tables;
  private final JdbcTenantUsers users;
  private final String configs;
  private final String providers;
  private final String clients;
  private final String firstFactors;
  private final String secondaryFactors;

  JdbcTenantStore(Sql sql, Tables tables) {
    this.users = new JdbcTenantUsers(sql, tables);
    this.sql = sql;
    this.tables = tables;
    this.configs = tables.name("tenant_configs");
    this.providers = tables.name("tenant_thirdparty_providers");
    this.clients = tables.name("tenant_thirdparty_provider_clients");
    this.firstFactors = tables.name("tenant_first_factors");
    this.secondaryFactors = tables.name("tenant_required_secondary_factors");
  }

  @Override
  public List<TenantId> all() {
    return sql.list(
        "SELECT connection_uri_domain, app_id, tenant_id FROM " + configs, JdbcTenantStore::id);
  }

  @Override
  public boolean appExists(TenantId app) {
    return tenantExists(app.appLevel());
  }

  @Override
  public boolean tenantExists(TenantId tenant) {
    return sql.exists("SELECT 1 FROM " + configs + " WHERE " + KEY, key(tenant));
  }

  // ---- reading configurations

  private record Row(
      TenantId id,
      String coreConfig,
      boolean emailPassword,
      boolean passwordless,
      boolean thirdParty,
      boolean firstFactorsNull) {}

  @Override
  public List<TenantConfig> configs() {
    List<Row> rows =
        sql.list(
            "SELECT connection_uri_domain, app_id, tenant_id, core_config, email_password_enabled,"
                + " passwordless_enabled, third_party_enabled, is_first_factors_null FROM "
                + configs
                + " ORDER BY connection_uri_domain, app_id, tenant_id",
            rs ->
                new Row(
                    id(rs),
                    rs.getString(4),
                    rs.getBoolean(5),
                    rs.getBoolean(6),
                    rs.getBoolean(7),
                    // Rows from before the column existed allowed every factor.
                    rs.getObject(8) == null || rs.getBoolean(8)));
    Map<TenantId, List<String>> first = factors(firstFactors);
    Map<TenantId, List<String>> secondary = factors(secondaryFactors);
    Map<TenantId, List<ThirdPartyProvider>> providersByTenant = providers();
    List<TenantConfig> result = new ArrayList<>();
    for (Row row : rows) {
      List<String> ff = first.getOrDefault(row.id(), List.of());
      result.add(
          new TenantConfig(
              row.id(),
              row.emailPassword(),
              row.thirdParty(),
              row.passwordless(),
              ff.isEmpty() && row.firstFactorsNull() ? null : ff,
              secondary.get(row.id()),
              providersByTenant.getOrDefault(row.id(), List.of()),
              object(row.coreConfig())));
    }
    return result;
  }

  private Map<TenantId, List<String>> factors(String table) {
    Map<TenantId, List<String>> result = new HashMap<>();
    sql.list(
            "SELECT connection_uri_domain, app_id, tenant_id, factor_id FROM "
                + table
                + " ORDER BY factor_id",
            rs -> Map.entry(id(rs), rs.getString(4)))
        .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return result;
  }

  private record ClientRow(TenantId tenant, String thirdPartyId, Client client) {}

  private Map<TenantId, List<ThirdPartyProvider>> providers() {
    Map<TenantId, Map<String, List<Client>>> clientsOf = new HashMap<>();
    for (ClientRow row :
        sql.list(
            "SELECT connection_uri_domain, app_id, tenant_id, third_party_id, client_type,"
                + " client_id, client_secret, scope, force_pkce, additional_config FROM "
                + clients
                + " ORDER BY client_type",
            rs ->
                new ClientRow(
                    id(rs),
                    rs.getString(4),
                    new Client(
                        rs.getString(5).isEmpty() ? null : rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        strings(rs.getArray(8)),
                        nullableBoolean(rs, 9),
                        object(rs.getString(10)))))) {
      clientsOf
          .computeIfAbsent(row.tenant(), k -> new HashMap<>())
          .computeIfAbsent(row.thirdPartyId(), k -> new ArrayList<>())
          .add(row.client());
    }
    Map<TenantId, List<ThirdPartyProvider>> result = new LinkedHashMap<>();
    sql.list(
            "SELECT " + PROVIDER_COLUMNS + " FROM " + providers + " ORDER BY third_party_id",
            rs -> {
              TenantId tenant = id(rs);
              String thirdPartyId = rs.getString(4);
              return Map.entry(
                  tenant,
                  new ThirdPartyProvider(
                      thirdPartyId,
                      rs.getString(5),
                      clientsOf
                          .getOrDefault(tenant, Map.of())
                          .getOrDefault(thirdPartyId, List.of()),
                      rs.getString(6),
                      object(rs.getString(7)),
                      rs.getString(8),
                      object(rs.getString(9)),
                      rs.getString(10),
                      object(rs.getString(11)),
                      object(rs.getString(12)),
                      rs.getString(13),
                      rs.getString(14),
                      nullableBoolean(rs, 15),
                      new UserInfoMap(
                          new Fields(rs.getString(16), rs.getString(17), rs.getString(18)),
                          new Fields(rs.getString(19), rs.getString(20), rs.getString(21)))));
            })
        .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return result;
  }

  // ---- writing configurations

  @Override
  public boolean save(TenantConfig config, long now) {
    TenantId id = config.id();
    boolean existed =
        sql.exists("SELECT 1 FROM " + configs + " WHERE " + KEY + " FOR UPDATE", key(id));
    if (existed) {
      // The factors and providers go with it (ON DELETE CASCADE) and are written again below.
      sql.update("DELETE FROM " + configs + " WHERE " + KEY, key(id));
    }
    sql.update(
        "INSERT INTO "
            + tables.name("apps")
            + " (app_id, created_at_time) VALUES (?, ?) ON CONFLICT DO NOTHING",
        id.appId(),
        now);
    sql.update(
        "INSERT INTO "
            + tables.name("tenants")
            + " (app_id, tenant_id, created_at_time) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        id.appId(),
        id.tenantId(),
        now);
    sql.update(
        "INSERT INTO "
            + configs
            + " (connection_uri_domain, app_id, tenant_id, core_config, email_password_enabled,"
            + " passwordless_enabled, third_party_enabled, is_first_factors_null)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id.connectionUriDomain(),
        id.appId(),
        id.tenantId(),
        config.coreConfig().toString(),
        config.emailPasswordEnabled(),
        config.passwordlessEnabled(),
        config.thirdPartyEnabled(),
        config.firstFactors() == null);
    for (ThirdPartyProvider p : config.providers()) {
      insertProvider(id, p);
    }
    insertFactors(firstFactors, id, config.firstFactors());
    insertFactors(secondaryFactors, id, config.requiredSecondaryFactors());
    return !existed;
  }

  private void insertFactors(String table, TenantId id, List<String> factors) {
    if (factors == null) {
      return;
    }
    for (String factor : factors.stream().distinct().toList()) {
      sql.update(
          "INSERT INTO "
              + table
              + " (connection_uri_domain, app_id, tenant_id, factor_id) VALUES (?, ?, ?, ?)",
          id.connectionUriDomain(),
          id.appId(),
          id.tenantId(),
          factor);
    }
  }

  private void insertProvider(TenantId id, ThirdPartyProvider p) {
    sql.update(
        "INSERT INTO "
            + providers
            + " ("
            + PROVIDER_COLUMNS
            + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id.connectionUriDomain(),
        id.appId(),
        id.tenantId(),
        p.thirdPartyId(),
        p.name(),
        p.authorizationEndpoint(),
        text(p.authorizationEndpointQueryParams()),
        p.tokenEndpoint(),
        text(p.tokenEndpointBodyParams()),
        p.userInfoEndpoint(),
        text(p.userInfoEndpointQueryParams()),
        text(p.userInfoEndpointHeaders()),
        p.jwksUri(),
        p.oidcDiscoveryEndpoint(),
        p.requireEmail(),
        p.userInfoMap().fromIdTokenPayload().userId(),
        p.userInfoMap().fromIdTokenPayload().email(),
        p.userInfoMap().fromIdTokenPayload().emailVerified(),
        p.userInfoMap().fromUserInfoApi().userId(),
        p.userInfoMap().fromUserInfoApi().email(),
        p.userInfoMap().fromUserInfoApi().emailVerified());
    for (Client c : p.clients()) {
      sql.update(
          "INSERT INTO "
              + clients
              + " (connection_uri_domain, app_id, tenant_id, third_party_id, client_type,"
              + " client_id, client_secret, scope, force_pkce, additional_config)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id.connectionUriDomain(),
          id.appId(),
          id.tenantId(),
          p.thirdPartyId(),
          c.clientType() == null ? "" : c.clientType(),
          c.clientId(),
          c.clientSecret(),
          c.scope() == null ? null : c.scope().toArray(String[]::new),
          c.forcePkce(),
          text(c.additionalConfig()));
    }
  }

  @Override
  public boolean delete(TenantId tenant) {
    boolean existed = sql.update("DELETE FROM " + configs + " WHERE " + KEY, key(tenant)) > 0;
    // Data is keyed by app (and tenant) alone, so domains that name the same ids share it.
    if (tenant.isPublicTenant()) {
      boolean stillNamed =
          sql.exists("SELECT 1 FROM " + configs + " WHERE app_id = ?", tenant.appId());
      if (!stillNamed && !tenant.isPublicApp()) {
        sql.update("DELETE FROM " + tables.name("apps") + " WHERE app_id = ?", tenant.appId());
      }
    } else {
      boolean stillNamed =
          sql.exists(
              "SELECT 1 FROM " + configs + " WHERE app_id = ? AND tenant_id = ?",
              tenant.appId(),
              tenant.tenantId());
      if (!stillNamed) {
        sql.update(
            "DELETE FROM " + tables.name("tenants") + " WHERE app_id = ? AND tenant_id = ?",
            tenant.appId(),
            tenant.tenantId());
      }
    }
    return existed;
  }

  @Override // the users of a tenant: JdbcTenantUsers
  public Association addUser(TenantId tenant, String recipeUserId) {
    return users.addUser(tenant, recipeUserId);
  }

  @Override
  public boolean removeUser(TenantId tenant, String recipeUserId, String nonAuthUserId) {
    return users.removeUser(tenant, recipeUserId, nonAuthUserId);
  }

  @Override
  public boolean isAuthUser(String appId, String userId) {
    return users.isAuthUser(appId, userId);
  }

  @Override
  public boolean usedByNonAuthRecipe(String appId, String userId) {
    return users.usedByNonAuthRecipe(appId, userId);
  }

  @Override
  public List<Long> lastActiveTimes(String appId, long since) {
    return users.lastActiveTimes(appId, since);
  }

  // ---- helpers

  private static TenantId id(ResultSet rs) throws SQLException {
    return new TenantId(rs.getString(1), rs.getString(2), rs.getString(3));
  }

  private static Object[] key(TenantId tenant) {
    return new Object[] {tenant.connectionUriDomain(), tenant.appId(), tenant.tenantId()};
  }

  private static Boolean nullableBoolean(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    try {
      List<String> result = new ArrayList<>();
      for (Object o : (Object[]) array.getArray()) {
        result.add(o == null ? null : o.toString());
      }
      return result;
    } finally {
      array.free();
    }
  }

  /** A stored JSON object, or null; text the original could not have written counts as empty. */
  private static ObjectNode object(String text) {
    if (text == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node instanceof ObjectNode o ? o : MAPPER.createObjectNode();
    } catch (JsonProcessingException e) {
      return MAPPER.createObjectNode();
    }
  }

  private static String text(ObjectNode node) {
    return node == null ? null : node.toString();
  }
}
