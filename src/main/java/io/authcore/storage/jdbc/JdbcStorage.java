package io.authcore.storage.jdbc;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.authcore.config.ConfigException;
import io.authcore.config.CoreConfig;
import io.authcore.storage.AccountIdStore;
import io.authcore.storage.AccountLinkingStore;
import io.authcore.storage.BulkImportStore;
import io.authcore.storage.DashboardStore;
import io.authcore.storage.EmailPasswordStore;
import io.authcore.storage.EmailVerificationStore;
import io.authcore.storage.KeyValueStore;
import io.authcore.storage.MetadataStore;
import io.authcore.storage.PasswordlessStore;
import io.authcore.storage.RoleAssignmentStore;
import io.authcore.storage.RoleStore;
import io.authcore.storage.SessionStore;
import io.authcore.storage.SigningKeyStore;
import io.authcore.storage.Storage;
import io.authcore.storage.StorageException;
import io.authcore.storage.TenantStore;
import io.authcore.storage.ThirdPartyStore;
import io.authcore.storage.TotpStore;
import io.authcore.storage.UserActivityStore;
import io.authcore.storage.UserDataStore;
import io.authcore.storage.UserIdMappingStore;
import io.authcore.storage.UserImportStore;
import io.authcore.storage.UserListStore;
import io.authcore.storage.UserStore;
import io.authcore.storage.WebAuthnStore;
import io.authcore.tenancy.TenantId;
import io.authcore.tracing.Span;
import io.authcore.tracing.Spans;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage over JDBC, as the original chooses it: PostgreSQL when a {@code postgresql_*} setting
 * names a database, otherwise a private in-memory H2 database in PostgreSQL mode that is lost when
 * the process ends. Both get the same schema and the same stores; a {@link Dialect} covers the few
 * differences.
 */
public final class JdbcStorage implements Storage {
  private static final Logger log = LoggerFactory.getLogger(JdbcStorage.class);
  private static final int MAX_ATTEMPTS = 5;

  private final OutageGuard guard;
  private final Dialect dialect;
  private final Tables tables;
  private final boolean inMemory;
  private final JdbcStores pooled;
  private final Spans spans;
  private final String system;
  private FirstAnalysis firstAnalysis; // PostgreSQL only

  private JdbcStorage(
      OutageGuard guard, Dialect dialect, Tables tables, boolean inMemory, Spans spans) {
    this.guard = guard;
    this.dialect = dialect;
    this.tables = tables;
    this.inMemory = inMemory;
    this.spans = spans;
    this.system = inMemory ? "h2" : "postgresql";
    this.pooled = new JdbcStores(ConnectionSource.guarded(guard, spans, system), dialect, tables);
  }

  /**
   * Connects, brings the schema up to date and makes sure the public app and tenant exist. While
   * PostgreSQL is unreachable this waits as the original does (up to an hour).
   *
   * @throws StorageException when the database cannot be used
   * @throws ConfigException when the PostgreSQL settings are inconsistent
   */
  public static JdbcStorage open(CoreConfig config) {
    return open(config, null, Spans.OFF);
  }

  /**
   * As above, with the connection pool reporting its usage and waits to {@code poolMetrics} (none
   * when null), and a span around each use of a pooled connection and each transaction.
   */
  public static JdbcStorage open(
      CoreConfig config, MetricsTrackerFactory poolMetrics, Spans spans) {
    return open(config, StartupWait.standard(), Clock.systemUTC(), poolMetrics, spans);
  }

  static JdbcStorage open(CoreConfig config, StartupWait wait, Clock clock) {
    return open(config, wait, clock, null, Spans.OFF);
  }

  private static JdbcStorage open(
      CoreConfig config,
      StartupWait wait,
      Clock clock,
      MetricsTrackerFactory poolMetrics,
      Spans spans) {
    if (!config.usesPostgres()) {
      log.info("Using in memory storage.");
      return start(
          new OutageGuard(Pools.measured(Pools.h2(config), poolMetrics)),
          new H2Dialect(),
          publicTables(),
          clock,
          spans);
    }
    if (config.string("postgresql_user") == null
        && config.string("postgresql_connection_uri") == null) {
      throw new ConfigException(
          "'postgresql_user' and 'postgresql_connection_uri' are not set. Please set at least one"
              + " of these values");
    }
    Pools.check(config);
    PostgresSettings settings = PostgresSettings.from(config);
    Tables tables = Tables.of(settings.schema(), settings.tablePrefix());
    Dialect dialect = new PostgresDialect();
    log.info("Setting up PostgreSQL connection pool for {}", settings.describe());
    return wait.run(
        () ->
            start(
                new OutageGuard(Pools.measured(Pools.postgres(config, settings), poolMetrics)),
                dialect,
                tables,
                clock,
                spans),
        settings.describe(),
        settings.password());
  }

  /**
   * The PostgreSQL plugin's settings as it resolves them, by key, for the dashboard's list of
   * config fields; empty on the in-memory storage.
   */
  public static Map<String, Object> pluginSettings(CoreConfig config) {
    return PluginSettings.of(config);
  }

  private static Tables publicTables() {
    return Tables.of("public", "");
  }

  private static JdbcStorage start(
      OutageGuard guard, Dialect dialect, Tables tables, Clock clock, Spans spans) {
    JdbcStorage storage =
        new JdbcStorage(guard, dialect, tables, dialect instanceof H2Dialect, spans);
    try {
      String version = Schema.prepare(guard.pool(), dialect, tables);
      Schema.seed(guard.pool(), dialect, tables, version, clock.millis());
      if (!storage.inMemory) {
        storage.firstAnalysis = new FirstAnalysis(guard.pool(), tables).start();
      }
      return storage;
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  @Override
  public KeyValueStore keyValue() {
    return pooled.keyValue();
  }

  @Override
  public TenantStore tenants() {
    return pooled.tenants();
  }

  @Override
  public SessionStore sessions() {
    return pooled.sessions();
  }

  @Override
  public SigningKeyStore signingKeys() {
    return pooled.signingKeys();
  }

  @Override
  public AccountIdStore accountIds() {
    return pooled.accountIds();
  }

  @Override
  public UserStore users() {
    return pooled.users();
  }

  @Override
  public MetadataStore metadata() {
    return pooled.metadata();
  }

  @Override
  public RoleStore roles() {
    return pooled.roles();
  }

  @Override
  public RoleAssignmentStore roleAssignments() {
    return pooled.roleAssignments();
  }

  @Override
  public UserListStore userLists() {
    return pooled.userLists();
  }

  @Override
  public UserDataStore userData() {
    return pooled.userData();
  }

  @Override
  public UserIdMappingStore userIdMappings() {
    return pooled.userIdMappings();
  }

  @Override
  public EmailPasswordStore emailPassword() {
    return pooled.emailPassword();
  }

  @Override
  public ThirdPartyStore thirdParty() {
    return pooled.thirdParty();
  }

  @Override
  public AccountLinkingStore accountLinking() {
    return pooled.accountLinking();
  }

  @Override
  public PasswordlessStore passwordless() {
    return pooled.passwordless();
  }

  @Override
  public TotpStore totp() {
    return pooled.totp();
  }

  @Override
  public WebAuthnStore webAuthn() {
    return pooled.webAuthn();
  }

  @Override
  public DashboardStore dashboard() {
    return pooled.dashboard();
  }

  @Override
  public EmailVerificationStore emailVerification() {
    return pooled.emailVerification();
  }

  @Override
  public UserActivityStore userActivity() {
    return pooled.userActivity();
  }

  @Override
  public BulkImportStore bulkImport() {
    return pooled.bulkImport();
  }

  @Override
  public UserImportStore userImport() {
    return pooled.userImport();
  }

  @Override
  public void ping() {
    pooled.keyValue().get(TenantId.BASE, "Test");
  }

  @Override
  public <T> T inTransaction(UnitOfWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work);
      } catch (StorageException e) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
          throw e;
        }
        log.debug("Transaction attempt {} rolled back by the database; trying again", attempt);
        backOff(attempt);
      }
    }
  }

  private <T> T once(UnitOfWork<T> work) {
    try (Span span = spans.start("db.transaction").attribute("db.system.name", system)) {
      return once(work, span);
    }
  }

  private <T> T once(UnitOfWork<T> work, Span span) {
    try (Connection connection = guard.connect()) {
      connection.setAutoCommit(false);
      try {
        T result =
            work.run(new JdbcStores(ConnectionSource.transaction(connection), dialect, tables));
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        span.failed(e);
        rollback(connection, e);
        if (e instanceof StorageException failure
            && failure.getCause() instanceof SQLException sql) {
          guard.failed(sql); // a statement's failure, already translated by its store
        }
        throw e;
      }
    } catch (SQLException e) {
      span.failed(e);
      guard.failed(e);
      throw Sql.failure(e, tables);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** PostgreSQL and H2 both use class 40 for serialization failures and deadlocks. */
  private static boolean isRetryable(StorageException e) {
    return e.getCause() instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("40");
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The pool, for tests that check what was written. */
  DataSource dataSource() {
    return guard.pool();
  }

  Tables tables() {
    return tables;
  }

  @Override
  public void close() {
    if (firstAnalysis != null) {
      firstAnalysis.close();
    }
    if (inMemory && !guard.pool().isClosed()) {
      // An in-memory database outlives its connections (DB_CLOSE_DELAY=-1) until shut down.
      try (Connection c = guard.pool().getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        log.debug("Could not shut the in-memory database down", e);
      }
    }
    guard.close();
  }
}
