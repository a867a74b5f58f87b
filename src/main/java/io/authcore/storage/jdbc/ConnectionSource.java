package io.authcore.storage.jdbc;

import io.authcore.tracing.Span;
import io.authcore.tracing.Spans;
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

  /**
   * Pooled connections through {@code guard}, which is told of every failed statement; each use in
   * a span of {@code spans} (the wait for a pooled connection included).
   */
  static ConnectionSource guarded(OutageGuard guard, Spans spans, String system) {
    return new ConnectionSource() {
      @Override
      public <T> T with(Work<T> work) throws SQLException {
        Span span = spans.start("db.query").attribute("db.system.name", system);
        try (Connection c = guard.connect()) {
          return work.run(c);
        } catch (SQLException e) {
          span.failed(e);
          guard.failed(e);
          throw e;
        } finally {
          span.close();
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
