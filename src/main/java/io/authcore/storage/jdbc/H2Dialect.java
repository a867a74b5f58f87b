package io.authcore.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class H2Dialect implements Dialect {
  @Override
  public String name() {
    return "h2";
  }

  @Override
  public String upsert(String table, List<String> keys, List<String> others) {
    // H2 rejects ON CONFLICT with a target; its own MERGE ... KEY is the upsert.
    StringBuilder sql = new StringBuilder("MERGE INTO ").append(table).append(" (");
    sql.append(String.join(", ", keys));
    for (String column : others) {
      sql.append(", ").append(column);
    }
    sql.append(") KEY (").append(String.join(", ", keys)).append(") VALUES (");
    return sql.append("?, ".repeat(keys.size() + others.size() - 1)).append("?)").toString();
  }

  @Override
  public String lockWithoutKeyUpdate() {
    // H2 checks foreign keys without locking the referenced row.
    return " FOR UPDATE";
  }

  @Override
  public String insertionOrder() {
    // An expression, not the bare column: with several indexes on the table H2 2.5 answers
    // ORDER BY _ROWID_ from an index scan that finds no rows.
    return "_ROWID_ + 0";
  }

  @Override
  public boolean readsAcrossASocket() {
    return false;
  }

  @Override
  public boolean insertsInWith() {
    return false;
  }

  @Override
  public String updated(String update, String columns) {
    return "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
  }

  @Override
  public String deleted(String delete, String columns) {
    return "SELECT " + columns + " FROM OLD TABLE (" + delete + ")";
  }

  @Override
  public Set<String> tablesIn(Connection connection, String schema) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        Set<String> tables = new HashSet<>();
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
        return tables;
      }
    }
  }
}
