package io.authcore.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Version 1: the deployment document's tables. Like the original core, it creates each missing
 * table with its indexes and leaves existing ones alone, so it also completes a database that an
 * older original core created.
 */
final class BaselineMigration implements JavaMigration {
  private static final Logger log = LoggerFactory.getLogger(BaselineMigration.class);

  private final Dialect dialect;
  private final Tables tables;
  private final SchemaScript script = SchemaScript.baseline();

  BaselineMigration(Dialect dialect, Tables tables) {
    this.dialect = dialect;
    this.tables = tables;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("1");
  }

  @Override
  public String getDescription() {
    return "deployment document tables";
  }

  @Override
  public Integer getChecksum() {
    return script.checksum();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    Set<String> existing = dialect.tablesIn(connection, tables.schema());
    int created = 0;
    try (Statement statement = connection.createStatement()) {
      for (String table : script.tables()) {
        if (existing.contains(tables.catalogName(table))) {
          continue;
        }
        for (String sql : script.statements(table, tables)) {
          statement.execute(sql);
        }
        created++;
      }
    }
    if (created > 0) {
      log.info("Created {} tables in schema {}", created, tables.schema());
    }
  }
}
