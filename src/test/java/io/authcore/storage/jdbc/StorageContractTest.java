package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authcore.storage.KeyValueStore.KeyValue;
import io.authcore.storage.StorageException;
import io.authcore.storage.Violation;
import io.authcore.storage.Violation.Kind;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import io.authcore.tenancy.TenantId;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every recipe relies on, on both engines. One database per backend for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageContractTest {
  private static final TenantId BASE = TenantId.BASE;

  private final Map<Backend, JdbcStorage> storages = new EnumMap<>(Backend.class);

  private JdbcStorage storage(Backend backend) {
    return storages.computeIfAbsent(
        backend, b -> JdbcStorage.open(Databases.config(TestDatabases.fresh(b), Map.of())));
  }

  @AfterAll
  void close() {
    storages.values().forEach(JdbcStorage::close);
  }

  private Sql sql(Backend backend) {
    JdbcStorage s = storage(backend);
    return new Sql(ConnectionSource.pool(s.dataSource()), s.tables());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void keyValueRoundTrip(Backend backend) {
    var kv = storage(backend).keyValue();
    assertEquals(Optional.empty(), kv.get(BASE, "round-trip"));

    kv.set(BASE, "round-trip", new KeyValue("first", 1));
    assertEquals(Optional.of(new KeyValue("first", 1)), kv.get(BASE, "round-trip"));

    kv.set(BASE, "round-trip", new KeyValue(null, 2));
    assertEquals(Optional.of(new KeyValue(null, 2)), kv.get(BASE, "round-trip"));

    assertTrue(kv.delete(BASE, "round-trip"));
    assertFalse(kv.delete(BASE, "round-trip"));
    assertEquals(Optional.empty(), kv.get(BASE, "round-trip"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void keysAreSeparatePerTenant(Backend backend) {
    var kv = storage(backend).keyValue();
    kv.set(BASE, "per-tenant", new KeyValue("base", 1));
    // The connection-URI domain is not part of the key, as in the original.
    assertEquals(
        "base",
        kv.get(new TenantId("example.com", "public", "public"), "per-tenant")
            .orElseThrow()
            .value());
    assertEquals(Optional.empty(), kv.get(TenantId.of("public", "other"), "per-tenant"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aMissingTenantIsAForeignKeyViolation(Backend backend) {
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                storage(backend)
                    .keyValue()
                    .set(TenantId.of("nope", "public"), "k", new KeyValue("v", 1)));
    assertEquals(
        Optional.of(new Violation(Kind.FOREIGN_KEY, "key_value_tenant_id_fkey")), e.violation());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void primaryKeysAndUniqueKeysAreUniqueViolations(Backend backend) {
    Sql sql = sql(backend);
    StorageException pkey =
        assertThrows(
            StorageException.class,
            () -> sql.update("INSERT INTO apps (app_id) VALUES ('public')"));
    assertEquals(Optional.of(new Violation(Kind.UNIQUE, "apps_pkey")), pkey.violation());

    String insert =
        "INSERT INTO dashboard_users (app_id, user_id, email, password_hash, time_joined)"
            + " VALUES ('public', ?, 'same@example.com', 'h', 1)";
    sql.update(insert, "user-1");
    StorageException unique =
        assertThrows(StorageException.class, () -> sql.update(insert, "user-2"));
    assertTrue(unique.violation().orElseThrow().is(Kind.UNIQUE, "dashboard_users_email_key"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void otherErrorsAreNotViolations(Backend backend) {
    StorageException e =
        assertThrows(StorageException.class, () -> sql(backend).update("SELECT * FROM nowhere"));
    assertEquals(Optional.empty(), e.violation());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aTransactionCommitsAllItsWrites(Backend backend) {
    JdbcStorage s = storage(backend);
    String result =
        s.inTransaction(
            tx -> {
              tx.keyValue().set(BASE, "tx-a", new KeyValue("a", 1));
              tx.keyValue().set(BASE, "tx-b", new KeyValue("b", 1));
              return tx.keyValue().get(BASE, "tx-a").orElseThrow().value();
            });
    assertEquals("a", result);
    assertEquals("b", s.keyValue().get(BASE, "tx-b").orElseThrow().value());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFailingUnitOfWorkLeavesNoWrites(Backend backend) {
    JdbcStorage s = storage(backend);
    IllegalStateException thrown = new IllegalStateException("business rule");
    IllegalStateException caught =
        assertThrows(
            IllegalStateException.class,
            () ->
                s.runInTransaction(
                    tx -> {
                      tx.keyValue().set(BASE, "rolled-back", new KeyValue("x", 1));
                      throw thrown;
                    }));
    assertSame(thrown, caught);
    assertEquals(Optional.empty(), s.keyValue().get(BASE, "rolled-back"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aViolationInsideATransactionRollsBackEarlierWrites(Backend backend) {
    JdbcStorage s = storage(backend);
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                s.runInTransaction(
                    tx -> {
                      tx.keyValue().set(BASE, "before-violation", new KeyValue("x", 1));
                      tx.keyValue().set(TenantId.of("nope", "public"), "k", new KeyValue("v", 1));
                    }));
    assertEquals(Kind.FOREIGN_KEY, e.violation().orElseThrow().kind());
    assertEquals(Optional.empty(), s.keyValue().get(BASE, "before-violation"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aSerializationFailureRunsTheWholeUnitAgain(Backend backend) {
    JdbcStorage s = storage(backend);
    AtomicInteger runs = new AtomicInteger();
    String result =
        s.inTransaction(
            tx -> {
              if (runs.incrementAndGet() == 1) {
                tx.keyValue().set(BASE, "first-attempt", new KeyValue("x", 1));
                throw new StorageException(
                    "conflict", new SQLException("could not serialize access", "40001"));
              }
              tx.keyValue().set(BASE, "second-attempt", new KeyValue("y", 1));
              return "done";
            });
    assertEquals("done", result);
    assertEquals(2, runs.get());
    assertEquals(Optional.empty(), s.keyValue().get(BASE, "first-attempt"));
    assertTrue(s.keyValue().get(BASE, "second-attempt").isPresent());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void thePublicAppAndTenantExistAfterStart(Backend backend) {
    JdbcStorage s = storage(backend);
    assertTrue(s.tenants().all().contains(BASE));
    assertTrue(s.tenants().appExists(TenantId.of("public", "other")));
    assertTrue(s.tenants().tenantExists(BASE));
    assertFalse(s.tenants().tenantExists(TenantId.of("public", "other")));
    assertFalse(s.tenants().appExists(TenantId.of("other", "public")));
    assertFalse(s.tenants().tenantExists(new TenantId("example.com", "public", "public")));

    Sql sql = sql(backend);
    assertEquals(List.of("public"), sql.list("SELECT app_id FROM apps", rs -> rs.getString(1)));
    assertEquals(
        List.of("public/public"),
        sql.list("SELECT app_id || '/' || tenant_id FROM tenants", rs -> rs.getString(1)));
    assertEquals(
        List.of("|public|public|{}|true|true|true|true"),
        sql.list(
            "SELECT connection_uri_domain, app_id, tenant_id, core_config, email_password_enabled,"
                + " passwordless_enabled, third_party_enabled, is_first_factors_null"
                + " FROM tenant_configs",
            rs -> {
              StringBuilder row = new StringBuilder();
              for (int i = 1; i <= 8; i++) {
                row.append(i == 1 ? "" : "|").append(rs.getObject(i));
              }
              return row.toString();
            }));
    assertTrue(sql.one("SELECT count(*) FROM key_value", rs -> rs.getLong(1)).orElseThrow() >= 1);
    assertEquals("2", s.keyValue().get(BASE, Schema.VERSION_KEY).orElseThrow().value());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void bothEnginesHoldTheDeploymentDocumentsTables(Backend backend) {
    List<String> tables =
        sql(backend)
            .list(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_name <> 'authcore_schema_history' ORDER BY table_name",
                rs -> rs.getString(1));
    assertEquals(SchemaScript.baseline().tables().stream().sorted().toList(), tables);
    assertEquals(41, tables.size());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void pingAnswersWhileTheDatabaseDoes(Backend backend) {
    storage(backend).ping();
  }
}
