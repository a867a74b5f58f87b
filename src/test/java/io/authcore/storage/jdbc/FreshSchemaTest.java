package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The in-memory database's schema made without Flyway is the one Flyway makes. */
class FreshSchemaTest {
  private static final Tables TABLES = Tables.of("public", "");

  /** Every line of H2's INFORMATION_SCHEMA about the public schema, history table left out. */
  private static final List<String> CATALOG =
      List.of(
          "SELECT table_name || ' ' || table_type FROM information_schema.tables"
              + " WHERE table_schema = 'public'",
          "SELECT table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type"
              + " || ' ' || coalesce(character_maximum_length, -1) || ' ' || coalesce("
              + "numeric_precision, -1) || ' default ' || coalesce(column_default, '-')"
              + " || ' null ' || is_nullable FROM information_schema.columns"
              + " WHERE table_schema = 'public'",
          "SELECT table_name || ' ' || constraint_name || ' ' || constraint_type"
              + " FROM information_schema.table_constraints WHERE table_schema = 'public'",
          "SELECT table_name || ' ' || constraint_name || ' ' || column_name || ' #'"
              + " || ordinal_position FROM information_schema.key_column_usage"
              + " WHERE table_schema = 'public'",
          "SELECT constraint_name || ' -> ' || unique_constraint_name || ' ' || update_rule"
              + " || ' ' || delete_rule FROM information_schema.referential_constraints"
              + " WHERE constraint_schema = 'public'",
          "SELECT constraint_name || ' ' || check_clause FROM information_schema.check_constraints"
              + " WHERE constraint_schema = 'public'",
          "SELECT table_name || ' ' || index_name || ' ' || index_type_name"
              + " FROM information_schema.indexes WHERE table_schema = 'public'",
          "SELECT table_name || ' ' || index_name || ' ' || column_name || ' #' || ordinal_position"
              + " || ' ' || ordering_specification FROM information_schema.index_columns"
              + " WHERE table_schema = 'public'");

  /**
   * Names H2 makes up for a primary key's index and for the index behind a constraint: they carry
   * an object id, which differs once Flyway's history table has taken some.
   */
  private static final Pattern GENERATED = Pattern.compile("(PRIMARY_KEY_|_INDEX_)[0-9A-F]+\\b");

  private static HikariDataSource h2() {
    return new HikariDataSource(Pools.h2(Databases.config(Map.of(), Map.of())));
  }

  private static Set<String> catalog(DataSource db) throws SQLException {
    Set<String> lines = new TreeSet<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : CATALOG) {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            String line = rs.getString(1);
            if (!line.toLowerCase().contains(Schema.HISTORY)) {
              lines.add(GENERATED.matcher(line).replaceAll("$1*"));
            }
          }
        }
      }
    }
    return lines;
  }

  @Test
  void theSchemaIsTheOneFlywayMakes() throws SQLException {
    try (HikariDataSource direct = h2();
        HikariDataSource flyway = h2()) {
      String version = Schema.prepare(direct, new H2Dialect(), TABLES);
      String flywayVersion =
          Schema.withFlyway(flyway, new H2Dialect(), TABLES, List.of(), Set.of());
      assertEquals(flywayVersion, version);
      assertEquals("2", version);

      Set<String> made = catalog(direct);
      assertTrue(made.size() > 200, "the catalog query found little: " + made);
      Set<String> expected = catalog(flyway);
      assertEquals(expected, made, () -> "differences: " + difference(expected, made));
      assertFalse(
          Schema.existing(direct, new H2Dialect(), TABLES).contains(Schema.HISTORY),
          "Flyway ran on the fresh database");
      assertTrue(Schema.existing(flyway, new H2Dialect(), TABLES).contains(Schema.HISTORY));

      // Its second look at the database (tables there now) goes through Flyway and changes nothing.
      assertEquals(version, Schema.prepare(direct, new H2Dialect(), TABLES));
      assertEquals(made, catalog(direct));
    }
  }

  private static String difference(Set<String> expected, Set<String> made) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(made);
    Set<String> extra = new TreeSet<>(made);
    extra.removeAll(expected);
    return "missing " + missing + ", extra " + extra;
  }

  @Test
  void theIndexListsEveryMigrationFile() throws IOException {
    Path root = Path.of("src/main/resources/db/migration");
    Set<String> files = new TreeSet<>();
    for (String folder : List.of("common", "h2", "postgresql")) {
      try (Stream<Path> listing = Files.list(root.resolve(folder))) {
        listing
            .map(p -> p.getFileName().toString())
            .filter(name -> !name.equals("README.md"))
            .forEach(name -> files.add("db/migration/" + folder + "/" + name));
      }
    }
    Set<String> indexed =
        FreshSchema.indexed().stream()
            .map(FreshSchema.Migration::resource)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(files, indexed);
  }

  @Test
  void migrationsComeInVersionOrderPerEngine() {
    assertEquals(
        List.of("2"),
        FreshSchema.migrations("h2").stream().map(FreshSchema.Migration::version).toList());
    assertEquals(
        List.of("a\n  b", "c"), FreshSchema.statements("-- note;\na\n  b;\n\n  -- more\nc;\n"));
  }
}
