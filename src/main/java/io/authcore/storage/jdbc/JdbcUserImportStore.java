package io.authcore.storage.jdbc;

import static io.authcore.storage.jdbc.ValueRows.chunks;
import static io.authcore.storage.jdbc.ValueRows.values;

import io.authcore.storage.UserImportStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Batched inserts of the rows the stores of each recipe write one user at a time. */
final class JdbcUserImportStore implements UserImportStore {
  private final Sql sql;
  private final String ids;
  private final String allUsers;
  private final String epUsers;
  private final String epToTenant;
  private final String tpUsers;
  private final String tpToTenant;
  private final String plUsers;
  private final String plToTenant;
  private final String waToTenant;
  private final WebAuthnImportRows webAuthn;
  private final String mappings;
  private final String markVerified;
  private final String totpUsers;
  private final String totpDevice;
  private final String metadata;
  private final String metadataTable;
  private final String roles;

  JdbcUserImportStore(Sql sql, Dialect dialect, Tables tables) {
    this.sql = sql;
    this.ids = tables.name("app_id_to_user_id");
    this.allUsers = tables.name("all_auth_recipe_users");
    this.epUsers = tables.name("emailpassword_users");
    this.epToTenant = tables.name("emailpassword_user_to_tenant");
    this.tpUsers = tables.name("thirdparty_users");
    this.tpToTenant = tables.name("thirdparty_user_to_tenant");
    this.plUsers = tables.name("passwordless_users");
    this.plToTenant = tables.name("passwordless_user_to_tenant");
    this.waToTenant = tables.name("webauthn_user_to_tenant");
    this.webAuthn = new WebAuthnImportRows(sql, tables);
    this.mappings = tables.name("userid_mapping");
    this.markVerified =
        dialect.upsert(
            tables.name("emailverification_verified_emails"),
            List.of("app_id", "user_id", "email"),
            List.of());
    this.totpUsers = tables.name("totp_users");
    this.totpDevice =
        dialect.upsert(
            tables.name("totp_user_devices"),
            List.of("app_id", "user_id", "device_name"),
            List.of("secret_key", "period", "skew", "verified", "created_at"));
    this.metadata =
        dialect.upsert(
            tables.name("user_metadata"), List.of("app_id", "user_id"), List.of("user_metadata"));
    this.metadataTable = tables.name("user_metadata");
    this.roles = tables.name("user_roles");
  }

  @Override
  public void insertRecipeUsers(String appId, List<RecipeUser> users) {
    List<Object[]> idRows = new ArrayList<>();
    List<Object[]> tenantRows = new ArrayList<>();
    // Primary users first: a linked user's row refers to its primary user's.
    List<RecipeUser> ordered = new ArrayList<>(users);
    ordered.sort((a, b) -> Boolean.compare(!isOwnGroup(a), !isOwnGroup(b)));
    for (RecipeUser u : ordered) {
      idRows.add(
          new Object[] {
            appId, u.userId(), u.recipeId(), u.primaryOrRecipeUserId(), u.linkedOrPrimary()
          });
      for (String tenantId : u.tenantIds()) {
        tenantRows.add(
            new Object[] {
              appId,
              tenantId,
              u.userId(),
              u.primaryOrRecipeUserId(),
              u.linkedOrPrimary(),
              u.recipeId(),
              u.timeJoined(),
              u.groupTimeJoined()
            });
      }
    }
    sql.batch(
        "INSERT INTO "
            + ids
            + " (app_id, user_id, recipe_id, primary_or_recipe_user_id,"
            + " is_linked_or_is_a_primary_user) VALUES (?, ?, ?, ?, ?)",
        idRows);
    sql.batch(
        "INSERT INTO "
            + allUsers
            + " (app_id, tenant_id, user_id, primary_or_recipe_user_id,"
            + " is_linked_or_is_a_primary_user, recipe_id, time_joined,"
            + " primary_or_recipe_user_time_joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        tenantRows);
  }

  private static boolean isOwnGroup(RecipeUser u) {
    return u.userId().equals(u.primaryOrRecipeUserId());
  }

  @Override
  public void insertEmailPasswordUsers(String appId, List<EmailPasswordUser> users) {
    List<Object[]> userRows = new ArrayList<>();
    List<Object[]> tenantRows = new ArrayList<>();
    for (EmailPasswordUser u : users) {
      userRows.add(new Object[] {appId, u.userId(), u.email(), u.passwordHash(), u.timeJoined()});
      for (String tenantId : u.tenantIds()) {
        tenantRows.add(new Object[] {appId, tenantId, u.userId(), u.email()});
      }
    }
    sql.batch(
        "INSERT INTO "
            + epUsers
            + " (app_id, user_id, email, password_hash, time_joined) VALUES (?, ?, ?, ?, ?)",
        userRows);
    sql.batch(
        "INSERT INTO " + epToTenant + " (app_id, tenant_id, user_id, email) VALUES (?, ?, ?, ?)",
        tenantRows);
  }

  @Override
  public void insertThirdPartyUsers(String appId, List<ThirdPartyUser> users) {
    List<Object[]> userRows = new ArrayList<>();
    List<Object[]> tenantRows = new ArrayList<>();
    for (ThirdPartyUser u : users) {
      userRows.add(
          new Object[] {
            appId, u.thirdPartyId(), u.thirdPartyUserId(), u.userId(), u.email(), u.timeJoined()
          });
      for (String tenantId : u.tenantIds()) {
        tenantRows.add(
            new Object[] {appId, tenantId, u.userId(), u.thirdPartyId(), u.thirdPartyUserId()});
      }
    }
    sql.batch(
        "INSERT INTO "
            + tpUsers
            + " (app_id, third_party_id, third_party_user_id, user_id, email, time_joined)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        userRows);
    sql.batch(
        "INSERT INTO "
            + tpToTenant
            + " (app_id, tenant_id, user_id, third_party_id, third_party_user_id)"
            + " VALUES (?, ?, ?, ?, ?)",
        tenantRows);
  }

  @Override
  public void insertPasswordlessUsers(String appId, List<PasswordlessUser> users) {
    List<Object[]> userRows = new ArrayList<>();
    List<Object[]> tenantRows = new ArrayList<>();
    for (PasswordlessUser u : users) {
      userRows.add(new Object[] {appId, u.userId(), u.email(), u.phoneNumber(), u.timeJoined()});
      for (String tenantId : u.tenantIds()) {
        tenantRows.add(new Object[] {appId, tenantId, u.userId(), u.email(), u.phoneNumber()});
      }
    }
    sql.batch(
        "INSERT INTO "
            + plUsers
            + " (app_id, user_id, email, phone_number, time_joined) VALUES (?, ?, ?, ?, ?)",
        userRows);
    sql.batch(
        "INSERT INTO "
            + plToTenant
            + " (app_id, tenant_id, user_id, email, phone_number) VALUES (?, ?, ?, ?, ?)",
        tenantRows);
  }

  @Override
  public void insertWebAuthnUsers(String appId, List<WebAuthnUser> users) {
    webAuthn.insert(appId, users);
  }

  @Override
  public Set<String> webAuthnEmails(String appId, String tenantId, Collection<String> emails) {
    return inTenant(waToTenant, "email", "VARCHAR(256)", appId, tenantId, emails);
  }

  @Override
  public Set<String> webAuthnCredentials(String appId, Collection<String> keys) {
    return webAuthn.credentials(appId, keys);
  }

  @Override
  public Set<String> emailPasswordEmails(String appId, String tenantId, Collection<String> emails) {
    return inTenant(epToTenant, "email", "VARCHAR(256)", appId, tenantId, emails);
  }

  @Override
  public Set<String> passwordlessEmails(String appId, String tenantId, Collection<String> emails) {
    return inTenant(plToTenant, "email", "VARCHAR(256)", appId, tenantId, emails);
  }

  @Override
  public Set<String> passwordlessPhoneNumbers(
      String appId, String tenantId, Collection<String> phoneNumbers) {
    return inTenant(plToTenant, "phone_number", "VARCHAR(256)", appId, tenantId, phoneNumbers);
  }

  @Override
  public Set<String> thirdPartyIdentities(String appId, String tenantId, Collection<String> keys) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : chunks(keys)) {
      List<Object> params = ValueRows.pairs(chunk);
      params.add(appId);
      params.add(tenantId);
      found.addAll(
          sql.list(
              "SELECT t.third_party_id, t.third_party_user_id FROM "
                  + tpToTenant
                  + " t JOIN "
                  + values(chunk.size(), "VARCHAR(28)", "VARCHAR(256)")
                  + " v(a, b) ON t.third_party_id = v.a AND t.third_party_user_id = v.b"
                  + " WHERE t.app_id = ? AND t.tenant_id = ?",
              rs -> UserImportStore.thirdPartyKey(rs.getString(1), rs.getString(2)),
              params.toArray()));
    }
    return found;
  }

  private Set<String> inTenant(
      String table,
      String column,
      String type,
      String appId,
      String tenantId,
      Collection<String> values) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : chunks(values)) {
      List<Object> params = new ArrayList<>(chunk);
      params.add(appId);
      params.add(tenantId);
      found.addAll(
          sql.list(
              "SELECT t."
                  + column
                  + " FROM "
                  + table
                  + " t JOIN "
                  + values(chunk.size(), type)
                  + " v(x) ON t."
                  + column
                  + " = v.x WHERE t.app_id = ? AND t.tenant_id = ?",
              rs -> rs.getString(1),
              params.toArray()));
    }
    return found;
  }

  @Override
  public Set<String> existingUserIds(String appId, Collection<String> userIds) {
    // A user id has 36 characters; a longer value cannot be one (and would be cut by the cast).
    List<String> candidates = userIds.stream().filter(id -> id.length() <= 36).toList();
    return Set.copyOf(keyed(ids, "user_id", "CHAR(36)", appId, candidates, "user_id").keySet());
  }

  @Override
  public Set<String> mappedExternalIds(String appId, Collection<String> externalUserIds) {
    return Set.copyOf(
        keyed(mappings, "external_user_id", "VARCHAR(128)", appId, externalUserIds, "app_id")
            .keySet());
  }

  @Override
  public Map<String, String> metadata(String appId, Collection<String> userIds) {
    return keyed(metadataTable, "user_id", "VARCHAR(128)", appId, userIds, "user_metadata");
  }

  /** {@code valueColumn} of the app's rows whose {@code column} is one of the values, by it. */
  private Map<String, String> keyed(
      String table,
      String column,
      String type,
      String appId,
      Collection<String> values,
      String valueColumn) {
    Map<String, String> found = new HashMap<>();
    for (List<String> chunk : chunks(values)) {
      List<Object> params = new ArrayList<>(chunk);
      params.add(appId);
      for (String[] row :
          sql.list(
              "SELECT t."
                  + column
                  + ", t."
                  + valueColumn
                  + " FROM "
                  + table
                  + " t JOIN "
                  + values(chunk.size(), type)
                  + " v(x) ON t."
                  + column
                  + " = v.x WHERE t.app_id = ?",
              rs -> new String[] {rs.getString(1).trim(), rs.getString(2)},
              params.toArray())) {
        found.put(row[0], row[1]);
      }
    }
    return found;
  }

  @Override
  public void insertMappings(String appId, Map<String, String> externalBySuperTokensId) {
    List<Object[]> rows = new ArrayList<>();
    externalBySuperTokensId.forEach((st, ext) -> rows.add(new Object[] {appId, st, ext}));
    sql.batch(
        "INSERT INTO "
            + mappings
            + " (app_id, supertokens_user_id, external_user_id) VALUES (?, ?, ?)",
        rows);
  }

  @Override
  public void markVerified(String appId, List<VerifiedEmail> emails) {
    List<Object[]> rows = new ArrayList<>();
    for (VerifiedEmail e : emails) {
      rows.add(new Object[] {appId, e.userId(), e.email()});
    }
    sql.batch(markVerified, rows);
  }

  @Override
  public void insertTotpDevices(String appId, List<TotpDevice> devices) {
    List<Object[]> userRows = new ArrayList<>();
    List<Object[]> deviceRows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TotpDevice d : devices) {
      if (seen.add(d.userId())) {
        userRows.add(new Object[] {appId, d.userId()});
      }
      deviceRows.add(
          new Object[] {
            appId, d.userId(), d.name(), d.secretKey(), d.period(), d.skew(), true, d.createdAt()
          });
    }
    sql.batch(
        "INSERT INTO " + totpUsers + " (app_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        userRows);
    sql.batch(totpDevice, deviceRows);
  }

  @Override
  public void writeMetadata(String appId, Map<String, String> metadataByUserId) {
    List<Object[]> rows = new ArrayList<>();
    metadataByUserId.forEach((userId, json) -> rows.add(new Object[] {appId, userId, json}));
    sql.batch(metadata, rows);
  }

  @Override
  public void grantRoles(String appId, List<RoleGrant> grants) {
    List<Object[]> rows = new ArrayList<>();
    for (RoleGrant g : grants) {
      rows.add(new Object[] {appId, g.tenantId(), g.userId(), g.role()});
    }
    sql.batch(
        "INSERT INTO "
            + roles
            + " (app_id, tenant_id, user_id, role) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        rows);
  }
}
