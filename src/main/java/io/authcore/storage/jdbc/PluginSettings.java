package io.authcore.storage.jdbc;

import io.authcore.config.CoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;

final class PluginSettings {
  private PluginSettings() {}

  /**
   * The PostgreSQL plugin's settings as it resolves them (the connection URI's parts override the
   * discrete settings), by key, for the dashboard's list of config fields; empty on the in-memory
   * storage, which has no plugin settings.
   */
  static Map<String, Object> of(CoreConfig config) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (!config.usesPostgres()) {
      return values;
    }
    PostgresSettings settings = PostgresSettings.from(config);
    values.put(
        "postgresql_connection_uri", withoutPassword(config.string("postgresql_connection_uri")));
    values.put("postgresql_connection_scheme", settings.scheme());
    values.put("postgresql_host", settings.host());
    values.put("postgresql_port", settings.port());
    values.put("postgresql_user", settings.user());
    values.put("postgresql_password", settings.password());
    values.put("postgresql_database_name", settings.database());
    values.put("postgresql_connection_attributes", settings.attributes());
    values.put("postgresql_table_schema", settings.schema());
    values.put("postgresql_table_names_prefix", config.string("postgresql_table_names_prefix"));
    values.put("postgresql_connection_pool_size", config.get("postgresql_connection_pool_size"));
    values.put(
        "postgresql_minimum_idle_connections", config.get("postgresql_minimum_idle_connections"));
    values.put(
        "postgresql_idle_connection_timeout", config.get("postgresql_idle_connection_timeout"));
    return values;
  }

  /** The URI with the password of its user info left out, so it can be shown. */
  static String withoutPassword(String uri) {
    return uri == null ? null : uri.replaceFirst("^([a-z]+://[^:/@]*):[^@/]*@", "$1@");
  }
}
