package io.authcore.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the schema on an empty in-memory database without Flyway: version 1 ({@link
 * SchemaScript#baseline()}), then every later SQL migration of the engine in version order, the
 * same statements Flyway would run.
 *
 * <p>Why: Flyway's set-up and the classpath scan of {@code info()} over the whole jar cost about
 * half a second of the in-memory start, and a database that lives only as long as the process has
 * no history worth keeping. The migrations are found through {@code db/migration/index.txt} (one
 * {@code <folder>/V<version>__<name>.sql} a line), which a test keeps equal to the folders.
 */
final class FreshSchema {
  static final String INDEX = "db/migration/index.txt";
  private static final Logger log = LoggerFactory.getLogger(FreshSchema.class);
  private static final Pattern FILE = Pattern.compile("^([a-z0-9]+)/V([0-9.]+)__\\w+\\.sql$");

  private FreshSchema() {}

  /** One SQL migration file: its folder, its version and its resource path. */
  record Migration(String folder, String version, String resource) {}

  /** Runs every version on the empty database and returns the last one. */
  static String create(DataSource pool, Dialect dialect, Tables tables) {
    String version = "1";
    try (Connection c = pool.getConnection();
        Statement statement = c.createStatement()) {
      SchemaScript baseline = SchemaScript.baseline();
      for (String table : baseline.tables()) {
        for (String sql : baseline.statements(table, tables)) {
          statement.execute(sql);
        }
      }
      for (Migration migration : migrations(dialect.name())) {
        for (String sql : statements(SchemaScript.read(migration.resource()))) {
          statement.execute(
              sql.replace("${t}", tables.qualifier()).replace("${p}", tables.prefix()));
        }
        version = migration.version();
      }
      // The same line as BaselineMigration's: bench/run startup times the schema phase by it.
      log.info("Created {} tables in schema {}", baseline.tables().size(), tables.schema());
    } catch (SQLException e) {
      throw Sql.failure(e, tables);
    }
    return version;
  }

  /** The index's migrations for {@code common} and the engine's folder, in version order. */
  static List<Migration> migrations(String engine) {
    List<Migration> result = new ArrayList<>();
    for (Migration migration : indexed()) {
      if (migration.folder().equals("common") || migration.folder().equals(engine)) {
        result.add(migration);
      }
    }
    result.sort(Comparator.comparing(Migration::version, FreshSchema::compareVersions));
    return result;
  }

  /** Every file the index lists. */
  static List<Migration> indexed() {
    List<Migration> result = new ArrayList<>();
    for (String line : SchemaScript.read(INDEX).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = FILE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalStateException(INDEX + ": not a migration file: " + line);
      }
      result.add(new Migration(m.group(1), m.group(2), "db/migration/" + line.strip()));
    }
    return result;
  }

  /** Flyway's order: dot-separated numbers compared part by part. */
  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long left = i < x.length ? Long.parseLong(x[i]) : 0;
      long right = i < y.length ? Long.parseLong(y[i]) : 0;
      if (left != right) {
        return Long.compare(left, right);
      }
    }
    return 0;
  }

  /**
   * The statements of a migration: comment lines dropped, cut where a line ends with {@code ;}.
   * Enough for the plain DDL these files hold (no function bodies with semicolons inside).
   */
  static List<String> statements(String text) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(current.length() == 0 ? "" : "\n").append(line);
      if (trimmed.endsWith(";")) {
        result.add(current.substring(0, current.lastIndexOf(";")));
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      throw new IllegalStateException("a migration ends without ';'");
    }
    return result;
  }
}
