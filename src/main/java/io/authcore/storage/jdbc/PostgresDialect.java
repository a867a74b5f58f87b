package io.authcore.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class PostgresDialect implements Dialect {
  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String upsert(String table, List<String> keys, List<String> others) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
    sql.append(String.join(", ", keys));
    for (String column : others) {
      sql.append(", ").append(column);
    }
    sql.append(") VALUES (").append("?, ".repeat(keys.size() + others.size() - 1)).append("?)");
    sql.append(" ON CONFLICT (").append(String.join(", ", keys)).append(") DO ");
    if (others.isEmpty()) {
      return sql.append("NOTHING").toString();
    }
    sql.append("UPDATE SET ");
    for (int i = 0; i < others.size(); i++) {
      String column = others.get(i);
      sql.append(i == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
    }
    return sql.toString();
  }

  @Override
  public String lockWithoutKeyUpdate() {
    return " FOR NO KEY UPDATE";
  }

  @Override
  public String insertionOrder() {
    return "ctid";
  }

  @Override
  public boolean readsAcrossASocket() {
    return true;
  }

  @Override
  public boolean insertsInWith() {
    return true;
  }

  @Override
  public String updated(String update, String columns) {
    return update + " RETURNING " + columns;
  }

  @Override
  public String deleted(String delete, String columns) {
    return delete + " RETURNING " + columns;
  }

  @Override
  public Set<String> tablesIn(Connection connection, String schema) throws SQLException {
    // pg_tables lists tables this user may not read; information_schema would hide them.
    try (PreparedStatement s =
        connection.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
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
