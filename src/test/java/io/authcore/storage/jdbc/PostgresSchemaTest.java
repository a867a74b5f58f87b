package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.Authcore;
import io.authcore.storage.AccountIdStore.Identity;
import io.authcore.storage.KeyValueStore.KeyValue;
import io.authcore.storage.SessionStore.Identified;
import io.authcore.storage.StorageException;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import io.authcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The schema on PostgreSQL: exactly the deployment document's, where the options put it. */
class PostgresSchemaTest {

  private static Map<String, String> freshDatabase() {
    return TestDatabases.fresh(Backend.POSTGRES);
  }

  /** A database whose tables an operator created by hand from the deployment document. */
  private static Map<String, String> handMadeDatabase() {
    Map<String, String> db = freshDatabase();
    Databases.run(TestDatabases.dataSource(db), DeploymentDocument.statements());
    return db;
  }

  private static void open(Map<String, String> db, Map<String, String> more) {
    JdbcStorage.open(Databases.config(db, more)).close();
  }

  @Test
  void createsExactlyTheDeploymentDocumentsSchema() {
    Map<String, String> ours = freshDatabase();
    open(ours, Map.of());

    Catalog expected = Catalog.of(TestDatabases.dataSource(handMadeDatabase()), "public");
    Catalog actual = Catalog.of(TestDatabases.dataSource(ours), "public").withoutHistory("");
    assertEquals(expected.relations(), actual.relations());
    assertEquals(expected.columns(), actual.columns());
    assertEquals(expected.constraints(), actual.constraints());
    assertEquals(expected.indexes(), actual.indexes());
    assertEquals(41, expected.relations().stream().filter(r -> r.startsWith("r ")).count());
  }

  @Test
  void prefixAndSchemaNameEveryTableConstraintAndIndex() {
    Map<String, String> db = freshDatabase();
    Map<String, String> options =
        Map.of(
            "postgresql_table_names_prefix", "st",
            "postgresql_table_schema", "myschema");
    try (Authcore core = Authcore.start(Databases.config(db, options))) {
      assertEquals(200, Hello.status(core.port()));
    }
    DataSource ds = TestDatabases.dataSource(db);

    Catalog document = Catalog.of(TestDatabases.dataSource(handMadeDatabase()), "public");
    Catalog prefixed =
        Catalog.of(ds, "myschema")
            .withoutHistory("st_")
            // Undo the naming so the rest must equal the document's catalog.
            .filter(
                line ->
                    line.replaceAll("\\bst_", "")
                        .replace(" ON myschema.", " ON public.")
                        .replace("myschema.", ""));
    assertEquals(document.relations(), prefixed.relations());
    assertEquals(document.columns(), prefixed.columns());
    assertEquals(document.constraints(), prefixed.constraints());
    assertEquals(document.indexes(), prefixed.indexes());
    assertTrue(
        Catalog.of(ds, "myschema").constraints().stream()
            .anyMatch(c -> c.startsWith("st_key_value st_key_value_tenant_id_fkey f")));
    assertTrue(
        Catalog.of(ds, "myschema").indexes().stream()
            .anyMatch(i -> i.startsWith("st_tenants st_tenants_app_id_index ")));
    assertEquals(Set.of(), Catalog.of(ds, "public").relations());

    assertEquals(List.of("public"), Databases.column(ds, "SELECT app_id FROM myschema.st_apps"));
    assertTrue(Databases.count(ds, "SELECT count(*) FROM myschema.st_key_value") >= 1);

    // The one statement that embeds another store's query (identify) names its tables too.
    try (JdbcStorage storage = JdbcStorage.open(Databases.config(db, options))) {
      assertEquals(
          new Identified(new Identity("u1", null, null), true),
          storage.sessions().insertIdentified(UserStoresTest.session("h1", "u1")));
    }
    assertEquals(
        List.of("u1"), Databases.column(ds, "SELECT user_id FROM myschema.st_session_info"));
  }

  @Test
  void violationsAreNamedWithoutThePrefixEvenWhenPostgresShortensTheName() {
    Map<String, String> db = freshDatabase();
    try (JdbcStorage storage =
        JdbcStorage.open(
            Databases.config(db, Map.of("postgresql_table_names_prefix", "my_prefix")))) {
      Sql sql = new Sql(ConnectionSource.pool(storage.dataSource()), storage.tables());
      StorageException missingKey =
          assertThrows(
              StorageException.class,
              () ->
                  storage.keyValue().set(TenantId.of("nope", "public"), "k", new KeyValue("v", 1)));
      assertEquals(
          new Violation(Kind.FOREIGN_KEY, "key_value_tenant_id_fkey"),
          missingKey.violation().orElseThrow());

      // my_prefix_tenant_thirdparty_provider_clients_third_party_id_fkey has 64 characters.
      StorageException missingProvider =
          assertThrows(
              StorageException.class,
              () ->
                  sql.update(
                      "INSERT INTO "
                          + storage.tables().name("tenant_thirdparty_provider_clients")
                          + " (third_party_id, client_id) VALUES ('google', 'c')"));
      assertEquals(
          new Violation(Kind.FOREIGN_KEY, "tenant_thirdparty_provider_clients_third_party_id_fkey"),
          missingProvider.violation().orElseThrow());
    }
  }

  @Test
  void aCurrentSchemaAttributeInTheUriChoosesTheSchema() {
    Map<String, String> db = new HashMap<>(freshDatabase());
    db.put(
        "postgresql_connection_uri",
        db.get("postgresql_connection_uri") + "?currentSchema=fromuri");
    open(db, Map.of());
    assertEquals(
        List.of("public"),
        Databases.column(TestDatabases.dataSource(db), "SELECT app_id FROM fromuri.apps"));
  }

  @Test
  void aHandMadeSchemaIsAdoptedAsItIs() {
    Map<String, String> db = handMadeDatabase();
    DataSource ds = TestDatabases.dataSource(db);
    Catalog before = Catalog.of(ds, "public");

    for (int start = 1; start <= 2; start++) {
      try (Authcore core = Authcore.start(Databases.config(db, Map.of()))) {
        assertEquals(200, Hello.status(core.port()));
      }
      assertEquals(before, Catalog.of(ds, "public"), "start " + start + " changed the schema");
    }
    assertEquals(List.of("public"), Databases.column(ds, "SELECT app_id FROM apps"));
    assertEquals(List.of("public"), Databases.column(ds, "SELECT tenant_id FROM tenants"));
    assertEquals(List.of("{}"), Databases.column(ds, "SELECT core_config FROM tenant_configs"));
    assertTrue(Databases.count(ds, "SELECT count(*) FROM key_value") >= 1);
  }

  @Test
  void aUserWithoutCreateRightsWorksOnHandMadeTables() throws SQLException {
    assertAUserWithoutCreateRightsWorks(handMadeDatabase());
  }

  @Test
  void aUserWithoutCreateRightsWorksOnTablesAuthcoreCreated() throws SQLException {
    Map<String, String> db = freshDatabase();
    open(db, Map.of());
    assertAUserWithoutCreateRightsWorks(db);
  }

  private static void assertAUserWithoutCreateRightsWorks(Map<String, String> db)
      throws SQLException {
    String role = "limited_" + Long.toHexString(System.nanoTime());
    TestDatabases.execute(
        db,
        "CREATE ROLE " + role + " LOGIN PASSWORD 'limited-pw'",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        "GRANT USAGE ON SCHEMA public TO " + role,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
    try {
      Map<String, String> limited =
          Map.of("postgresql_connection_uri", TestDatabases.uriAs(db, role, "limited-pw"));
      DataSource asLimited = TestDatabases.dataSource(limited);
      try (Connection c = asLimited.getConnection();
          Statement s = c.createStatement()) {
        SQLException denied =
            assertThrows(SQLException.class, () -> s.execute("CREATE TABLE probe (x INT)"));
        assertEquals("42501", denied.getSQLState());
      }

      try (Authcore core = Authcore.start(Databases.config(limited, Map.of()))) {
        assertEquals(200, Hello.status(core.port()));
      }
      DataSource ds = TestDatabases.dataSource(db);
      assertEquals(List.of("public"), Databases.column(ds, "SELECT app_id FROM apps"));
      assertTrue(Databases.count(ds, "SELECT count(*) FROM key_value") >= 1);
    } finally {
      // Roles belong to the whole server, which may be a shared external one.
      TestDatabases.execute(db, "DROP OWNED BY " + role, "DROP ROLE " + role);
    }
  }

  @Test
  void anOlderOriginalDatabaseGetsOnlyItsMissingTables() {
    Map<String, String> db = freshDatabase();
    DataSource ds = TestDatabases.dataSource(db);
    // As an original core before WebAuthn left it, with a table of a later original and data.
    Databases.run(
        ds, DeploymentDocument.published().stream().filter(s -> !s.contains("webauthn")).toList());
    Databases.run(
        ds,
        List.of(
            "CREATE TABLE oauth_clients (app_id VARCHAR(64), client_id VARCHAR(255))",
            "INSERT INTO apps VALUES ('public', 1)",
            "INSERT INTO tenants VALUES ('public', 'public', 1)",
            "INSERT INTO key_value VALUES ('public', 'public', 'refresh_token_key', 'kept', 7)"));
    Catalog before = Catalog.of(ds, "public");

    open(db, Map.of());

    Catalog after = Catalog.of(ds, "public");
    assertTrue(after.relations().containsAll(before.relations()));
    Set<String> added = new TreeSet<>(after.relations());
    added.removeAll(before.relations());
    assertEquals(
        Set.of(
            "r webauthn_account_recovery_tokens",
            "r webauthn_credentials",
            "r webauthn_generated_options",
            "r webauthn_user_to_tenant",
            "r webauthn_users"),
        added.stream()
            .filter(r -> r.startsWith("r "))
            .filter(r -> !r.contains(Schema.HISTORY))
            .collect(Collectors.toSet()));
    Set<String> addedColumns = new TreeSet<>(onlyTables(after.columns(), before));
    addedColumns.removeAll(before.columns());
    assertEquals(
        List.of("session_info.prev_refresh_token_hash_2", "session_info.refresh_token_rotated_at"),
        addedColumns.stream().map(c -> c.substring(0, c.indexOf(' '))).toList(),
        "and the columns of version 2 (the original 12.1's)");
    Set<String> keptColumns = new TreeSet<>(onlyTables(after.columns(), before));
    keptColumns.removeAll(addedColumns);
    assertEquals(before.columns(), keptColumns);
    assertEquals(
        List.of("kept"),
        Databases.column(ds, "SELECT value FROM key_value WHERE name = 'refresh_token_key'"));
    assertEquals(
        List.of("0", "1", "2"),
        Databases.column(ds, "SELECT version FROM " + Schema.HISTORY + " ORDER BY installed_rank"));
  }

  private static Set<String> onlyTables(Set<String> columns, Catalog before) {
    Set<String> kept = new TreeSet<>();
    for (String column : columns) {
      String table = column.substring(0, column.indexOf('.'));
      if (before.relations().contains("r " + table)) {
        kept.add(column);
      }
    }
    return kept;
  }

  @Test
  void aSecondStartOnItsOwnDatabaseChangesNothing() {
    Map<String, String> db = freshDatabase();
    open(db, Map.of());
    DataSource ds = TestDatabases.dataSource(db);
    Catalog first = Catalog.of(ds, "public");
    assertFalse(first.withoutHistory("").equals(first), "a history table was expected");
    open(db, Map.of());
    assertEquals(first, Catalog.of(ds, "public"));
    assertEquals(
        List.of("1", "2"),
        Databases.column(ds, "SELECT version FROM " + Schema.HISTORY + " ORDER BY installed_rank"));
  }
}
