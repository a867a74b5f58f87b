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

  static ConnectionSource transaction(Connection connection) {
    return new ConnectionSource() {
      @Override
      public <T> T with(Work<T> work) throws SQLException {
        return work.run(connection);
      }
    };
  }
}
