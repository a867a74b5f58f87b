package io.authcore.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.authcore.config.ConfigException;
import io.authcore.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the connection and the table names come from, as the original plugin resolves them. */
class PostgresSettingsTest {

  private static PostgresSettings settings(Map<String, String> values) {
    return PostgresSettings.from(ConfigLoader.load(null, Map.of(), values, false));
  }

  @Test
  void theDiscreteSettingsBuildTheUrl() {
    PostgresSettings s =
        settings(
            Map.of(
                "postgresql_user", "st",
                "postgresql_password", "pw",
                "postgresql_host", "db.internal",
                "postgresql_port", "6543",
                "postgresql_database_name", "auth"));
    assertEquals(
        "jdbc:postgresql://db.internal:6543/auth?allowPublicKeyRetrieval=true", s.jdbcUrl());
    assertEquals("st", s.user());
    assertEquals("pw", s.password());
    assertEquals("public", s.schema());
    assertEquals("", s.tablePrefix());
  }

  @Test
  void theUriOverridesEachPartItNames() {
    PostgresSettings s =
        settings(
            Map.of(
                "postgresql_connection_uri",
                "postgresql://app:s%40cret@pg.example:5433/tokens?sslmode=require",
                "postgresql_user",
                "ignored",
                "postgresql_host",
                "ignored",
                "postgresql_database_name",
                "ignored"));
    assertEquals(
        "jdbc:postgresql://pg.example:5433/tokens?sslmode=require&allowPublicKeyRetrieval=true",
        s.jdbcUrl());
    assertEquals("app", s.user());
    assertEquals("s@cret", s.password());
  }

  @Test
  void aUriWithoutPortOrDatabaseKeepsTheDefaults() {
    PostgresSettings s = settings(Map.of("postgresql_connection_uri", "postgresql://localhost"));
    assertEquals(
        "jdbc:postgresql://localhost:5432/supertokens?allowPublicKeyRetrieval=true", s.jdbcUrl());
    assertEquals(null, s.user());
  }

  @Test
  void currentSchemaInTheUriSetsTheTableSchema() {
    PostgresSettings s =
        settings(
            Map.of(
                "postgresql_connection_uri", "postgresql://u@h/db?currentSchema=Auth&x=1",
                "postgresql_table_schema", "other"));
    assertEquals("auth", s.schema());
  }

  @Test
  void prefixAndSchemaNameTablesConstraintsAndIndexes() {
    PostgresSettings s =
        settings(
            Map.of(
                "postgresql_user", "u",
                "postgresql_table_names_prefix", " my_prefix ",
                "postgresql_table_schema", "myschema"));
    Tables tables = Tables.of(s.schema(), s.tablePrefix());
    assertEquals("myschema.my_prefix_key_value", tables.name("key_value"));
    assertEquals("my_prefix_key_value", tables.catalogName("key_value"));
    assertEquals("key_value_pkey", tables.withoutPrefix("my_prefix_key_value_pkey"));

    Tables plain = Tables.of("public", "");
    assertEquals("key_value", plain.name("key_value"));
    assertThrows(IllegalArgumentException.class, () -> plain.name("no_such_table"));
  }

  @Test
  void theDescriptionNeverHoldsThePassword() {
    PostgresSettings s =
        settings(Map.of("postgresql_connection_uri", "postgresql://u:hunter2@h:1/db"));
    assertFalse(s.describe().contains("hunter2"));
    assertFalse(s.toString().contains("hunter2"));
    assertFalse(s.jdbcUrl().contains("hunter2"));
  }

  @Test
  void aMalformedUriIsAConfigurationError() {
    assertThrows(
        ConfigException.class,
        () -> settings(Map.of("postgresql_connection_uri", "postgresql://u@h:5432/db name")));
  }
}
