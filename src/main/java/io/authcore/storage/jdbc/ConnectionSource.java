package io.authcore.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where a store's statements run: a fresh pooled connection per call (auto-commit), or the one
 * connection of an open transaction. Stores are written once against this.
 */
interface ConnectionSource {
  <T> T with(Work<T> work) throws SQLException;

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  static ConnectionSource pool(DataSource pool) {
    return new ConnectionSource() {
      @Override
      public <T> T with(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
          return work.run(c);
        }
      }
    };
  }

  /** Pooled connections through {@code guard}, which is told of every failed statement. */
  static ConnectionSource guarded(OutageGuard guard) {
    return new ConnectionSource() {
      @Override
      public <T> T with(Work<T> work) throws SQLException {
        try (Connection c = guard.connect()) {
          return work.run(c);
        } catch (SQLException e) {
          guard.failed(e);
          throw e;
        }
      }
    };
  }

  static ConnectionSource transaction(Connection connection) {
    return new ConnectionSource() {
      @Override
      public <T> T with(Work<T> work) throws SQLException {
        return work.run(connection);
      }
    };
  }
}
