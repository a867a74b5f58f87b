package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.authcore.support.Backend;
import io.authcore.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later Authcore with a version 3 upgrades each kind of database in place. */
class MigrationTest {
  @TempDir Path later;

  /** Version 3 of a hypothetical later build, written with the placeholders. */
  private List<String> version3() throws IOException {
    Files.writeString(
        later.resolve("V3__add_a_column.sql"),
        "ALTER TABLE ${t}key_value ADD COLUMN note TEXT;\n"
            + "CREATE INDEX ${p}key_value_note_index ON ${t}key_value (note);\n");
    return List.of("filesystem:" + later);
  }

  private static String upgrade(Map<String, String> db, String prefix, List<String> locations) {
    var config = Databases.config(db, Map.of("postgresql_table_names_prefix", prefix));
    PostgresSettings settings = PostgresSettings.from(config);
    Tables tables = Tables.of(settings.schema(), settings.tablePrefix());
    try (HikariDataSource pool = new HikariDataSource(Pools.postgres(config, settings))) {
      return Schema.prepare(pool, new PostgresDialect(), tables, locations);
    }
  }

  private static List<String> history(DataSource ds, String prefix) {
    return Databases.column(
        ds, "SELECT version FROM " + prefix + Schema.HISTORY + " ORDER BY installed_rank");
  }

  @Test
  void aDatabaseThisBuildCreatedGetsVersion3() throws IOException {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    assertEquals("2", upgrade(db, "pre", List.of()));
    assertEquals("3", upgrade(db, "pre", version3()));

    DataSource ds = TestDatabases.dataSource(db);
    assertEquals(List.of("1", "2", "3"), history(ds, "pre_"));
    assertEquals(
        List.of("pre_key_value_note_index"),
        Databases.column(
            ds, "SELECT indexname FROM pg_indexes WHERE indexname = 'pre_key_value_note_index'"));
    assertEquals("3", upgrade(db, "pre", version3()), "a second start changed something");
  }

  @Test
  void anAdoptedDatabaseGetsAHistoryOnlyWhenThereIsSomethingToApply() throws IOException {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    DataSource ds = TestDatabases.dataSource(db);
    Databases.run(ds, DeploymentDocument.statements());

    assertEquals("2", upgrade(db, "", List.of()), "its tables have version 2's columns");
    assertEquals(
        0L,
        Databases.count(
            ds, "SELECT count(*) FROM pg_tables WHERE tablename = '" + Schema.HISTORY + "'"));

    assertEquals("3", upgrade(db, "", version3()));
    assertEquals(List.of("0", "1", "2", "3"), history(ds, ""));
    assertEquals(
        List.of("note"),
        Databases.column(
            ds,
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'key_value' AND column_name = 'note'"));
  }

  private static java.util.Optional<String> upToDate(Map<String, String> db, String prefix) {
    var config = Databases.config(db, Map.of("postgresql_table_names_prefix", prefix));
    PostgresSettings settings = PostgresSettings.from(config);
    Tables tables = Tables.of(settings.schema(), settings.tablePrefix());
    PostgresDialect dialect = new PostgresDialect();
    try (HikariDataSource pool = new HikariDataSource(Pools.postgres(config, settings))) {
      return Schema.upToDate(pool, dialect, tables, Schema.existing(pool, dialect, tables));
    }
  }

  @Test
  void aRestartAtThisBuildsVersionNeedsNoFlywayUnlessAStepFailed() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    assertEquals(java.util.Optional.empty(), upToDate(db, "r"), "an empty database needs work");
    assertEquals("2", upgrade(db, "r", List.of()));
    assertEquals(java.util.Optional.of("2"), upToDate(db, "r"));

    DataSource ds = TestDatabases.dataSource(db);
    Databases.run(
        ds, List.of("UPDATE r_" + Schema.HISTORY + " SET success = FALSE WHERE version = '2'"));
    assertEquals(java.util.Optional.empty(), upToDate(db, "r"), "a failed step goes to Flyway");
  }

  @Test
  void theOriginalsDatabaseIsUpToDateWithoutAHistory() {
    Map<String, String> db = TestDatabases.fresh(Backend.POSTGRES);
    DataSource ds = TestDatabases.dataSource(db);
    Databases.run(ds, DeploymentDocument.statements());
    assertEquals(java.util.Optional.of("2"), upToDate(db, ""));

    Databases.run(ds, List.of("ALTER TABLE session_info DROP COLUMN refresh_token_rotated_at"));
    assertEquals(java.util.Optional.empty(), upToDate(db, ""), "version 2's column is missing");
  }
}
