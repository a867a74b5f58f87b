package io.authcore.storage.jdbc;

import static io.authcore.storage.jdbc.JdbcBulkImportStore.chunks;
import static io.authcore.storage.jdbc.JdbcBulkImportStore.marks;
import static io.authcore.storage.jdbc.JdbcBulkImportStore.params;

import io.authcore.storage.UserImportStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
  private final String mappings;
  private final String markVerified;
  private final String totpUsers;
  private final String totpDevice;
  private final String metadata;
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
  public Set<Held> emailPasswordEmails(String appId, Collection<String> emails) {
    return held(epToTenant, "email", appId, emails);
  }

  @Override
  public Set<Held> passwordlessEmails(String appId, Collection<String> emails) {
    return held(plToTenant, "email", appId, emails);
  }

  @Override
  public Set<Held> passwordlessPhoneNumbers(String appId, Collection<String> phoneNumbers) {
    return held(plToTenant, "phone_number", appId, phoneNumbers);
  }

  private Set<Held> held(String table, String column, String appId, Collection<String> values) {
    Set<Held> held = new HashSet<>();
    for (List<String> chunk : chunks(new LinkedHashSet<>(values))) {
      held.addAll(
          sql.list(
              "SELECT tenant_id, "
                  + column
                  + " FROM "
                  + table
                  + " WHERE app_id = ? AND "
                  + column
                  + " IN ("
                  + marks(chunk)
                  + ")",
              rs -> new Held(rs.getString(1), rs.getString(2)),
              params(appId, chunk)));
    }
    return held;
  }

  @Override
  public Set<Held> thirdPartyIdentities(String appId, Collection<String> keys) {
    Set<String> userIds = new LinkedHashSet<>();
    for (String key : keys) {
      userIds.add(key.substring(key.indexOf('\n') + 1));
    }
    Set<Held> held = new HashSet<>();
    for (List<String> chunk : chunks(userIds)) {
      for (Held h :
          sql.list(
              "SELECT tenant_id, third_party_id, third_party_user_id FROM "
                  + tpToTenant
                  + " WHERE app_id = ? AND third_party_user_id IN ("
                  + marks(chunk)
                  + ")",
              rs ->
                  new Held(
                      rs.getString(1),
                      UserImportStore.thirdPartyKey(rs.getString(2), rs.getString(3))),
              params(appId, chunk))) {
        if (keys.contains(h.value())) {
          held.add(h);
        }
      }
    }
    return held;
  }

  @Override
  public Set<String> existingUserIds(String appId, Collection<String> userIds) {
    return found(
        "SELECT user_id FROM " + ids + " WHERE app_id = ? AND user_id IN (", appId, userIds);
  }

  @Override
  public Set<String> mappedExternalIds(String appId, Collection<String> externalUserIds) {
    return found(
        "SELECT external_user_id FROM " + mappings + " WHERE app_id = ? AND external_user_id IN (",
        appId,
        externalUserIds);
  }

  private Set<String> found(String select, String appId, Collection<String> values) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : chunks(new LinkedHashSet<>(values))) {
      found.addAll(
          sql.list(
              select + marks(chunk) + ")", rs -> rs.getString(1).trim(), params(appId, chunk)));
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
