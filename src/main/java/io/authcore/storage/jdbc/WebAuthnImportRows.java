package io.authcore.storage.jdbc;

import static io.authcore.storage.jdbc.ValueRows.chunks;
import static io.authcore.storage.jdbc.ValueRows.values;

import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserImportStore.WebAuthnUser;
import io.authcore.storage.WebAuthnStore.Credential;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imported WebAuthn users in the rows {@link JdbcWebAuthnStore} writes one at a time: {@code
 * webauthn_users}, {@code webauthn_user_to_tenant} and {@code webauthn_credentials}, batched.
 */
final class WebAuthnImportRows {
  private final Sql sql;
  private final String users;
  private final String toTenant;
  private final String credentials;

  WebAuthnImportRows(Sql sql, Tables tables) {
    this.sql = sql;
    this.users = tables.name("webauthn_users");
    this.toTenant = tables.name("webauthn_user_to_tenant");
    this.credentials = tables.name("webauthn_credentials");
  }

  void insert(String appId, List<WebAuthnUser> imported) {
    List<Object[]> userRows = new ArrayList<>();
    List<Object[]> tenantRows = new ArrayList<>();
    List<Object[]> credentialRows = new ArrayList<>();
    for (WebAuthnUser u : imported) {
      userRows.add(new Object[] {appId, u.userId(), u.email(), u.rpId(), u.timeJoined()});
      for (String tenantId : u.tenantIds()) {
        tenantRows.add(new Object[] {appId, tenantId, u.userId(), u.email()});
      }
      for (Credential c : u.credentials()) {
        credentialRows.add(JdbcWebAuthnStore.credentialRow(appId, c));
      }
    }
    sql.batch(
        "INSERT INTO "
            + users
            + " (app_id, user_id, email, rp_id, time_joined) VALUES (?, ?, ?, ?, ?)",
        userRows);
    sql.batch(
        "INSERT INTO " + toTenant + " (app_id, tenant_id, user_id, email) VALUES (?, ?, ?, ?)",
        tenantRows);
    sql.batch(JdbcWebAuthnStore.insertCredential(credentials), credentialRows);
  }

  /** Those of the credentials ({@link UserImportStore#credentialKey}) the app has. */
  Set<String> credentials(String appId, Collection<String> keys) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : chunks(keys)) {
      List<Object> params = ValueRows.pairs(chunk);
      params.add(appId);
      found.addAll(
          sql.list(
              "SELECT c.rp_id, c.id FROM "
                  + credentials
                  + " c JOIN "
                  + values(chunk.size(), "VARCHAR(256)", "VARCHAR(256)")
                  + " v(r, i) ON c.rp_id = v.r AND c.id = v.i WHERE c.app_id = ?",
              rs -> UserImportStore.credentialKey(rs.getString(1), rs.getString(2)),
              params.toArray()));
    }
    return found;
  }
}
