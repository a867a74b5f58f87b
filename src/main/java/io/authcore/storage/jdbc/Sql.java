package io.authcore.storage.jdbc;

import io.authcore.storage.StorageException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs parameterised statements for the stores and turns every {@link SQLException} into a {@link
 * StorageException}, with the violated constraint when there is one.
 */
final class Sql {
  private final ConnectionSource source;
  private final Tables tables;

  Sql(ConnectionSource source, Tables tables) {
    this.source = source;
    this.tables = tables;
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
    return run(
        sql,
        params,
        s -> {
          try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.<T>empty();
          }
        });
  }

  <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
    return run(
        sql,
        params,
        s -> {
          try (ResultSet rs = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
              rows.add(mapper.map(rs));
            }
            return rows;
          }
        });
  }

  boolean exists(String sql, Object... params) {
    return one(sql, rs -> Boolean.TRUE, params).isPresent();
  }

  /** Returns the number of rows changed. */
  int update(String sql, Object... params) {
    return run(sql, params, PreparedStatement::executeUpdate);
  }

  /**
   * Runs one statement once per row, in batches: one round trip per batch (PostgreSQL's driver also
   * folds the rows of a batched {@code INSERT} into multi-row statements). Returns each row's count
   * of changed rows where the driver tells it (not for folded inserts).
   */
  int[] batch(String sql, List<Object[]> rows) {
    int[] counts = new int[rows.size()];
    if (rows.isEmpty()) {
      return counts;
    }
    try {
      source.with(
          c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
              int done = 0;
              int pending = 0;
              for (Object[] row : rows) {
                bind(c, s, row);
                s.addBatch();
                if (++pending == BATCH_ROWS) {
                  done = collect(s.executeBatch(), counts, done);
                  pending = 0;
                }
              }
              if (pending > 0) {
                collect(s.executeBatch(), counts, done);
              }
              return null;
            }
          });
      return counts;
    } catch (BatchUpdateException e) {
      // The driver names the statement that failed in the next exception: its state and
      // constraint are what callers look at.
      throw failure(e.getNextException() != null ? e.getNextException() : e, tables);
    } catch (SQLException e) {
      throw failure(e, tables);
    }
  }

  private static int collect(int[] batch, int[] counts, int from) {
    System.arraycopy(batch, 0, counts, from, Math.min(batch.length, counts.length - from));
    return from + batch.length;
  }

  private static final int BATCH_ROWS = 500;

  private static void bind(Connection c, PreparedStatement s, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] instanceof String[] strings) {
        s.setArray(i + 1, c.createArrayOf("VARCHAR", strings));
      } else {
        s.setObject(i + 1, params[i]);
      }
    }
  }

  private interface Execution<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private <T> T run(String sql, Object[] params, Execution<T> execution) {
    try {
      return source.with(
          c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
              bind(c, s, params);
              return execution.run(s);
            }
          });
    } catch (SQLException e) {
      throw failure(e, tables);
    }
  }

  static StorageException failure(SQLException e, Tables tables) {
    return new StorageException(
        "database error " + e.getSQLState() + ": " + e.getMessage(),
        e,
        Violations.classify(e, tables).orElse(null));
  }
}
