package io.authcore.storage.jdbc;

import io.authcore.config.ConfigException;
import io.authcore.config.CoreConfig;
import java.net.URI;
import java.util.Locale;

/**
 * Where the PostgreSQL database is and how tables are named, resolved from the configuration as the
 * original plugin does: the parts of {@code postgresql_connection_uri} (scheme, host, port, user,
 * password, database, query attributes and a {@code currentSchema} attribute) override the discrete
 * {@code postgresql_*} settings. The schema is kept in lower case, as PostgreSQL folds the unquoted
 * name the original writes into its SQL.
 */
record PostgresSettings(
    String scheme,
    String host,
    int port,
    String user,
    String password,
    String database,
    String attributes,
    String schema,
    String tablePrefix) {

  static PostgresSettings from(CoreConfig config) {
    String scheme = config.string("postgresql_connection_scheme").trim();
    String host = config.string("postgresql_host");
    int port = config.integer("postgresql_port");
    String user = config.string("postgresql_user");
    String password = config.string("postgresql_password");
    String database = config.string("postgresql_database_name");
    String attributes = config.string("postgresql_connection_attributes");
    String schema = config.string("postgresql_table_schema");

    String uriText = config.string("postgresql_connection_uri");
    if (uriText != null) {
      URI uri = parse(uriText);
      if (uri.getRawQuery() != null) {
        String query = uri.getRawQuery();
        attributes =
            query.contains("allowPublicKeyRetrieval=")
                ? query
                : query + "&allowPublicKeyRetrieval=true";
      }
      if (uri.getHost() != null) {
        host = uri.getHost();
      }
      if (uri.getPort() > 0) {
        port = uri.getPort();
      }
      if (uri.getScheme() != null && !uri.getScheme().equals(host)) {
        scheme = uri.getScheme();
      }
      if (uri.getUserInfo() != null) {
        String[] parts = uri.getUserInfo().split(":", 2);
        if (!parts[0].isEmpty()) {
          user = parts[0];
        }
        if (parts.length > 1 && !parts[1].isEmpty()) {
          password = parts[1];
        }
      }
      String path = uri.getPath();
      if (path != null && !path.isEmpty() && !path.equals("/")) {
        database = path.startsWith("/") ? path.substring(1) : path;
      }
    }
    String currentSchema = attribute(attributes, "currentSchema");
    if (currentSchema != null) {
      schema = currentSchema;
    }
    String prefix = config.string("postgresql_table_names_prefix");
    prefix = prefix == null ? "" : prefix.trim();
    return new PostgresSettings(
        scheme,
        host == null ? "localhost" : host,
        port,
        user,
        password,
        database == null ? "supertokens" : database.trim(),
        attributes == null ? "" : attributes,
        schema == null ? "public" : schema.trim().toLowerCase(Locale.ROOT),
        prefix.isEmpty() ? "" : prefix + "_");
  }

  private static URI parse(String text) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "The provided postgresql connection URI has an incorrect format. Please use a format like"
              + " postgresql://[user[:[password]]@]host[:port][/dbname][?attr1=val1&attr2=val2...");
    }
  }

  private static String attribute(String attributes, String name) {
    if (attributes == null) {
      return null;
    }
    for (String pair : attributes.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  /** The JDBC URL, without user and password (those go to the pool separately). */
  String jdbcUrl() {
    return "jdbc:"
        + scheme
        + "://"
        + host
        + (port > 0 ? ":" + port : "")
        + "/"
        + database
        + (attributes.isEmpty() ? "" : "?" + attributes);
  }

  /** Where this database is, for messages: never the password. */
  String describe() {
    return (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PostgresSettings["
        + describe()
        + ", schema="
        + schema
        + ", prefix="
        + tablePrefix
        + "]";
  }
}
