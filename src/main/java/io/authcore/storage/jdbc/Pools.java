package io.authcore.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.authcore.config.ConfigException;
import io.authcore.config.CoreConfig;
import java.util.concurrent.atomic.AtomicLong;

/** HikariCP settings for both engines. */
final class Pools {
  private static final AtomicLong H2_DATABASES = new AtomicLong();

  private Pools() {}

  /**
   * As the original: pool size from {@code postgresql_connection_pool_size}, 5 s to get a
   * connection, READ COMMITTED, TCP keep-alive and a 60 s socket timeout so a vanished server is
   * noticed; idle connections are closed after {@code postgresql_idle_connection_timeout} only when
   * {@code postgresql_minimum_idle_connections} is set (otherwise the pool stays full).
   */
  static HikariConfig postgres(CoreConfig config, PostgresSettings settings) {
    check(config);
    int size = config.integer("postgresql_connection_pool_size");
    Object minIdle = config.get("postgresql_minimum_idle_connections");
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("authcore-postgresql");
    hikari.setDriverClassName("org.postgresql.Driver");
    hikari.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null) {
      hikari.setUsername(settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      hikari.setPassword(settings.password());
    }
    hikari.setMaximumPoolSize(size);
    hikari.setConnectionTimeout(5000);
    if (minIdle != null) {
      hikari.setMinimumIdle((Integer) minIdle);
      hikari.setIdleTimeout(config.longValue("postgresql_idle_connection_timeout"));
    }
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.addDataSourceProperty("tcpKeepAlive", "true");
    hikari.addDataSourceProperty("socketTimeout", "60");
    // A batch of inserts (bulk import) travels as multi-row statements: one round trip per batch.
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    // The driver's error texts would quote the rows of a failed batch (password hashes, emails)
    // into the logs; the constraint a violation names is still read from the server's message.
    hikari.addDataSourceProperty("logServerErrorDetail", "false");
    return hikari;
  }

  /** The pool settings the original refuses at startup, with its messages. */
  static void check(CoreConfig config) {
    Object minIdle = config.get("postgresql_minimum_idle_connections");
    if (minIdle != null && (Integer) minIdle < 0) {
      throw new ConfigException("'postgresql_minimum_idle_connections' must be >= 0");
    }
    if (minIdle != null && (Integer) minIdle > config.integer("postgresql_connection_pool_size")) {
      throw new ConfigException(
          "'postgresql_minimum_idle_connections' must be less than or equal to"
              + " 'postgresql_connection_pool_size'");
    }
  }

  /** {@code hikari}, reporting to {@code metrics} when there are any. */
  static HikariConfig measured(HikariConfig hikari, MetricsTrackerFactory metrics) {
    if (metrics != null) {
      hikari.setMetricsTrackerFactory(metrics);
    }
    return hikari;
  }

  /** A private in-memory database, gone when the storage closes. */
  static HikariConfig h2(CoreConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("authcore-h2");
    hikari.setJdbcUrl(
        "jdbc:h2:mem:authcore-"
            + ProcessHandle.current().pid()
            + "-"
            + H2_DATABASES.incrementAndGet()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE");
    hikari.setMaximumPoolSize(config.integer("postgresql_connection_pool_size"));
    hikari.setMinimumIdle(1);
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return hikari;
  }
}
