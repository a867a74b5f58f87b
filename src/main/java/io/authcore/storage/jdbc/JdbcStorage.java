package io.authcore.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.authcore.config.CoreConfig;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The storage over JDBC: PostgreSQL when configured, an in-memory H2 database otherwise. */
public final class JdbcStorage implements Storage {
  private final HikariDataSource pool;

  private JdbcStorage(HikariDataSource pool) {
    this.pool = pool;
  }

  public static JdbcStorage open(CoreConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("authcore-h2");
    hikari.setJdbcUrl(
        "jdbc:h2:mem:authcore-"
            + System.nanoTime()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE");
    hikari.setMaximumPoolSize(config.integer("postgresql_connection_pool_size"));
    return new JdbcStorage(new HikariDataSource(hikari));
  }

  @Override
  public void ping() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new StorageException("the database does not answer", e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
