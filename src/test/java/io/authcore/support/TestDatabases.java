package io.authcore.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, isolated databases for tests.
 *
 * <pre>{@code
 * Map<String, String> db = TestDatabases.fresh(backend);       // a new, empty database
 * Map<String, String> overrides = new HashMap<>(db);
 * overrides.put("port", "0");
 * try (Authcore core = Authcore.start(ConfigLoader.load(null, Map.of(), overrides, false))) {
 *   ...
 *   if (backend == Backend.POSTGRES) {
 *     try (Connection c = TestDatabases.dataSource(db).getConnection()) { ... }   // assertions
 *   }
 * }
 * }</pre>
 *
 * <p>{@link Backend#H2} needs no settings: every server opens its own in-memory database, which
 * only that server can reach (assert through its API). {@link Backend#POSTGRES} creates a new
 * database ({@code CREATE DATABASE}) on one PostgreSQL server shared by the whole JVM: an embedded
 * PostgreSQL started on first use (a second or two), or, when the environment variable {@value
 * #EXTERNAL_URI_ENV} holds a {@code postgresql://user:password@host:port/db} URI, that server (the
 * user needs CREATEDB). Either way a database lives as long as the test class that made it.
 */
public final class TestDatabases {
  public static final String EXTERNAL_URI_ENV = "AUTHCORE_TEST_POSTGRES_URI";

  private static final String URI_KEY = "postgresql_connection_uri";
  private static Server server;

  private TestDatabases() {}

  /**
   * Drops every database {@link #fresh} has made so far, cutting off the connections servers still
   * hold on them; run after each test class by {@link DropTestDatabases}.
   */
  public static synchronized void dropCreated() {
    if (server != null) {
      server.dropCreated();
    }
  }

  /** Config overrides that give a server its own new, empty database on {@code backend}. */
  public static Map<String, String> fresh(Backend backend) {
    if (Objects.requireNonNull(backend, "backend") == Backend.H2) {
      return Map.of();
    }
    Server s = server();
    String name = "authcore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(s.admin(), "CREATE DATABASE " + name);
    s.created.add(name);
    return Map.of(URI_KEY, s.uri(name));
  }

  /**
   * A connection source for the PostgreSQL database named by overrides from {@link #fresh}, as the
   * same (privileged) user the server connects as.
   *
   * @throws IllegalArgumentException for H2 overrides: an in-memory database is private to its
   *     server
   */
  public static DataSource dataSource(Map<String, String> overrides) {
    String uri = overrides.get(URI_KEY);
    if (uri == null) {
      throw new IllegalArgumentException(
          "no PostgreSQL database in these overrides; an H2 database is private to its server");
    }
    return dataSource(URI.create(uri));
  }

  /** Runs statements (DDL, grants, inserts) on the database named by {@code overrides}. */
  public static void execute(Map<String, String> overrides, String... statements) {
    execute(dataSource(overrides), statements);
  }

  /** The connection URI {@code overrides} would use, with another user and password. */
  public static String uriAs(Map<String, String> overrides, String user, String password) {
    URI uri = URI.create(overrides.get(URI_KEY));
    return "postgresql://"
        + user
        + ":"
        + password
        + "@"
        + uri.getHost()
        + ":"
        + uri.getPort()
        + uri.getPath();
  }

  private static void execute(DataSource dataSource, String... statements) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
    }
  }

  private static DataSource dataSource(URI uri) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {uri.getHost()});
    ds.setPortNumbers(new int[] {uri.getPort() > 0 ? uri.getPort() : 5432});
    ds.setDatabaseName(uri.getPath().substring(1));
    String[] userInfo =
        uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
    if (userInfo.length > 0) {
      ds.setUser(decode(userInfo[0]));
    }
    if (userInfo.length > 1) {
      ds.setPassword(decode(userInfo[1]));
    }
    return ds;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static synchronized Server server() {
    if (server == null) {
      String external = System.getenv(EXTERNAL_URI_ENV);
      server =
          external == null || external.isBlank() ? Server.embedded() : Server.external(external);
    }
    return server;
  }

  /** One PostgreSQL server, reached through its maintenance database. */
  private static final class Server {
    private final URI base;
    private final List<String> created = new CopyOnWriteArrayList<>();

    private Server(URI base) {
      this.base = base;
    }

    static Server embedded() {
      try {
        // Stopped and deleted by the library's own shutdown hook, which is quick only because
        // the test databases are dropped as the run goes (DropTestDatabases).
        EmbeddedPostgres pg =
            EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
        return new Server(
            URI.create("postgresql://postgres@localhost:" + pg.getPort() + "/postgres"));
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
    }

    static Server external(String uri) {
      Server s = new Server(URI.create(uri));
      Runtime.getRuntime().addShutdownHook(new Thread(s::dropCreated));
      return s;
    }

    DataSource admin() {
      return TestDatabases.dataSource(base);
    }

    String uri(String database) {
      return "postgresql://"
          + (base.getRawUserInfo() == null ? "" : base.getRawUserInfo() + "@")
          + base.getHost()
          + ":"
          + (base.getPort() > 0 ? base.getPort() : 5432)
          + "/"
          + database;
    }

    private void dropCreated() {
      for (String name : created) {
        try {
          execute(admin(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
          // best effort: at worst it stays until the server goes
        }
        created.remove(name);
      }
    }
  }
}
