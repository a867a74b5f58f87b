package io.authcore.storage.jdbc;

import io.authcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the schema this build expects, then makes sure the public app and tenant
 * exist.
 *
 * <p>Versions are Flyway migrations: version 1 is {@link BaselineMigration}; later ones are SQL
 * files under {@code db/migration/common} (both engines) or {@code db/migration/<engine>}, using
 * the {@code ${t}} and {@code ${p}} placeholders. The history table is {@code
 * <prefix>authcore_schema_history} in the configured schema.
 *
 * <p>A database whose tables all exist but that has no history (the original core made it, or an
 * operator ran the deployment document's DDL) is adopted without any DDL, so a database user
 * without CREATE rights can run Authcore on it. Only when a later version must be applied is the
 * history table created, with version 1 marked as present.
 */
final class Schema {
  static final String HISTORY = "authcore_schema_history";

  /** The key_value row that records the schema version this database was last started with. */
  static final String VERSION_KEY = "authcore_schema_version";

  private static final Logger log = LoggerFactory.getLogger(Schema.class);

  private Schema() {}

  /** Returns the schema version the database is at. */
  static String prepare(DataSource pool, Dialect dialect, Tables tables) {
    return prepare(pool, dialect, tables, List.of());
  }

  /** With further migration locations, for tests of upgrades. */
  static String prepare(
      DataSource pool, Dialect dialect, Tables tables, List<String> moreLocations) {
    Set<String> existing = existing(pool, dialect, tables);
    // A fresh in-memory database dies with the process: no history to keep, so no Flyway.
    if (dialect instanceof H2Dialect && existing.isEmpty() && moreLocations.isEmpty()) {
      return FreshSchema.create(pool, dialect, tables);
    }
    if (moreLocations.isEmpty()) {
      Optional<String> current = upToDate(pool, dialect, tables, existing);
      if (current.isPresent()) {
        return current.get();
      }
    }
    return withFlyway(pool, dialect, tables, moreLocations, existing);
  }

  /**
   * The version of a database that needs nothing from this build, found without Flyway: its
   * history's last version is this build's last, every step having succeeded; or it has no history
   * and every table, with what each later version adds already there (a database the original
   * made). Flyway's set-up and the scan of the jar for migrations cost about half a second of a
   * restart on PostgreSQL, for nothing when there is nothing to do.
   */
  static Optional<String> upToDate(
      DataSource pool, Dialect dialect, Tables tables, Set<String> existing) {
    List<FreshSchema.Migration> migrations = FreshSchema.migrations(dialect.name());
    String latest = migrations.isEmpty() ? "1" : migrations.get(migrations.size() - 1).version();
    if (existing.contains(tables.catalogName(HISTORY))) {
      return latest.equals(historyVersion(pool, tables)) ? Optional.of(latest) : Optional.empty();
    }
    boolean complete = hasEveryTable(tables, existing);
    if (!complete) {
      return Optional.empty();
    }
    for (FreshSchema.Migration migration : migrations) {
      if (!alreadyThere(pool, tables, migration.version())) {
        return Optional.empty();
      }
    }
    log.info("Using the existing tables in schema {}", tables.schema());
    return Optional.of(latest);
  }

  // The last version of a history in which every step succeeded; null otherwise.
  private static String historyVersion(DataSource pool, Tables tables) {
    String sql =
        "SELECT version, success FROM "
            + tables.qualifier()
            + HISTORY
            + " WHERE version IS NOT NULL ORDER BY installed_rank";
    try (Connection c = pool.getConnection();
        Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      String version = null;
      while (rs.next()) {
        if (!rs.getBoolean(2)) {
          return null;
        }
        version = rs.getString(1);
      }
      return version;
    } catch (SQLException e) {
      throw Sql.failure(e, tables);
    }
  }

  /** Through Flyway, as on PostgreSQL and on any database that holds tables already. */
  static String withFlyway(
      DataSource pool,
      Dialect dialect,
      Tables tables,
      List<String> moreLocations,
      Set<String> existing) {
    boolean tracked = existing.contains(tables.catalogName(HISTORY));
    boolean complete = hasEveryTable(tables, existing);

    Flyway flyway = flyway(pool, dialect, tables, moreLocations);
    if (!tracked && complete) {
      MigrationVersion one = MigrationVersion.fromVersion("1");
      boolean newer = false;
      String at = "1";
      for (MigrationInfo pending : flyway.info().pending()) {
        String version = pending.getVersion().getVersion();
        if (!pending.getVersion().isNewerThan(one.getVersion())) {
          continue;
        }
        if (alreadyThere(pool, tables, version)) {
          at = version;
        } else {
          newer = true;
        }
      }
      if (!newer) {
        log.info("Using the existing tables in schema {}", tables.schema());
        return at;
      }
    }
    // On a schema that holds other tables, Flyway first records "version 0" and then runs
    // version 1, which creates only what is missing.
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    return current == null ? "1" : current.getVersion().getVersion();
  }

  /** Whether every table of the deployment document is among {@code existing}. */
  private static boolean hasEveryTable(Tables tables, Set<String> existing) {
    return SchemaScript.baseline().tables().stream()
        .allMatch(t -> existing.contains(tables.catalogName(t)));
  }

  static Set<String> existing(DataSource pool, Dialect dialect, Tables tables) {
    try (Connection c = pool.getConnection()) {
      return dialect.tablesIn(c, tables.schema());
    } catch (SQLException e) {
      throw Sql.failure(e, tables);
    }
  }

  /**
   * A column that a later version adds and that the original core adds itself (12.1 adds these to
   * session_info on start, and its changelog tells operators of hand-made tables to): a database
   * that has it needs no DDL for that version.
   */
  private static final Map<String, String[]> ADDED_BY_THE_ORIGINAL =
      Map.of("2", new String[] {"session_info", "refresh_token_rotated_at"});

  private static boolean alreadyThere(DataSource pool, Tables tables, String version) {
    String[] column = ADDED_BY_THE_ORIGINAL.get(version);
    if (column == null) {
      return false;
    }
    try (Connection c = pool.getConnection();
        ResultSet rs =
            c.getMetaData()
                .getColumns(null, tables.schema(), tables.catalogName(column[0]), column[1])) {
      return rs.next();
    } catch (SQLException e) {
      throw Sql.failure(e, tables);
    }
  }

  private static Flyway flyway(
      DataSource pool, Dialect dialect, Tables tables, List<String> moreLocations) {
    List<String> locations = new ArrayList<>();
    locations.add("classpath:db/migration/common");
    locations.add("classpath:db/migration/" + dialect.name());
    locations.addAll(moreLocations);
    return Flyway.configure(Schema.class.getClassLoader())
        .dataSource(pool)
        .schemas(tables.schema())
        .defaultSchema(tables.schema())
        .table(tables.prefix() + HISTORY)
        .locations(locations.toArray(String[]::new))
        .javaMigrations(new BaselineMigration(dialect, tables))
        .placeholders(Map.of("t", tables.qualifier(), "p", tables.prefix()))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("tables present before Authcore")
        .loggers("slf4j")
        .load();
  }

  /**
   * What the original core writes on its first start: the public app, its public tenant, and that
   * tenant's configuration with every login method enabled. Also records the schema version in
   * {@code key_value}, so that table is never empty after a start.
   */
  static void seed(DataSource pool, Dialect dialect, Tables tables, String version, long now) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      Sql sql = new Sql(ConnectionSource.transaction(c), tables);
      try {
        sql.update(
            "INSERT INTO "
                + tables.name("apps")
                + " (app_id, created_at_time) VALUES (?, ?) ON CONFLICT DO NOTHING",
            TenantId.DEFAULT,
            now);
        sql.update(
            "INSERT INTO "
                + tables.name("tenants")
                + " (app_id, tenant_id, created_at_time) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            TenantId.DEFAULT,
            TenantId.DEFAULT,
            now);
        sql.update(
            "INSERT INTO "
                + tables.name("tenant_configs")
                + " (connection_uri_domain, app_id, tenant_id, core_config, email_password_enabled,"
                + " passwordless_enabled, third_party_enabled, is_first_factors_null)"
                + " VALUES ('', ?, ?, '{}', TRUE, TRUE, TRUE, TRUE) ON CONFLICT DO NOTHING",
            TenantId.DEFAULT,
            TenantId.DEFAULT);
        sql.update(
            dialect.upsert(
                tables.name("key_value"),
                List.of("app_id", "tenant_id", "name"),
                List.of("value", "created_at_time")),
            TenantId.DEFAULT,
            TenantId.DEFAULT,
            VERSION_KEY,
            version,
            now);
        c.commit();
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Sql.failure(e, tables);
    }
  }
}
