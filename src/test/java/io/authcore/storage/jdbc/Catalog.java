package io.authcore.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * What PostgreSQL's catalog says about one schema, as sorted text lines, so two databases can be
 * compared: relations, columns (type, length, default, nullability, position), constraints and
 * indexes with their definitions.
 */
record Catalog(
    Set<String> relations, Set<String> columns, Set<String> constraints, Set<String> indexes) {

  static Catalog of(DataSource db, String schema) {
    try (Connection c = db.getConnection()) {
      return new Catalog(
          lines(
              c,
              "SELECT c.relkind::text || ' ' || c.relname FROM pg_class c"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?",
              schema),
          lines(
              c,
              "SELECT table_name || '.' || column_name || ' #' || ordinal_position || ' '"
                  + " || udt_name || coalesce('(' || character_maximum_length || ')', '')"
                  + " || ' default ' || coalesce(column_default, '-') || ' null ' || is_nullable"
                  + " FROM information_schema.columns WHERE table_schema = ?",
              schema),
          lines(
              c,
              "SELECT cl.relname || ' ' || con.conname || ' ' || con.contype::text || ' '"
                  + " || pg_get_constraintdef(con.oid) FROM pg_constraint con"
                  + " JOIN pg_class cl ON cl.oid = con.conrelid"
                  + " JOIN pg_namespace n ON n.oid = con.connamespace WHERE n.nspname = ?",
              schema),
          lines(
              c,
              "SELECT tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes"
                  + " WHERE schemaname = ?",
              schema));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This catalog without Authcore's migration history (table, key, index, columns). */
  Catalog withoutHistory(String prefix) {
    String history = prefix + Schema.HISTORY;
    return filter(line -> line.contains(history) ? null : line);
  }

  /** Applies {@code edit} to every line; lines it maps to null are dropped. */
  Catalog filter(UnaryOperator<String> edit) {
    return new Catalog(
        map(relations, edit), map(columns, edit), map(constraints, edit), map(indexes, edit));
  }

  private static Set<String> map(Set<String> lines, UnaryOperator<String> edit) {
    Set<String> result = new TreeSet<>();
    for (String line : lines) {
      String edited = edit.apply(line);
      if (edited != null) {
        result.add(edited);
      }
    }
    return result;
  }

  private static Set<String> lines(Connection c, String sql, String schema) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        List<String> result = new ArrayList<>();
        while (rs.next()) {
          result.add(rs.getString(1));
        }
        return new TreeSet<>(result);
      }
    }
  }
}
