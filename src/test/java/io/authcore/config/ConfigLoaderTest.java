package io.authcore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  Path yaml(String text) throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, text);
    return file;
  }

  static CoreConfig load(Map<String, String> overrides) {
    return ConfigLoader.load(null, Map.of(), overrides, false);
  }

  static String error(Map<String, String> overrides) {
    return assertThrows(ConfigException.class, () -> load(overrides)).getMessage();
  }

  @Test
  void defaultsAreTheOriginals() {
    CoreConfig config = CoreConfig.defaults();
    assertEquals(3567, config.port());
    assertEquals("localhost", config.host());
    assertEquals(3600L, config.longValue("access_token_validity"));
    assertEquals(144000.0, config.decimal("refresh_token_validity"));
    assertEquals(168.0, config.decimal("access_token_dynamic_signing_key_update_interval"));
    assertEquals(10, config.integer("max_server_pool_size"));
    assertEquals("BCRYPT", config.string("password_hashing_alg"));
    assertEquals(11, config.integer("bcrypt_log_rounds"));
    assertEquals("", config.basePath());
    assertEquals(List.of(), config.apiKeys());
    assertFalse(config.usesPostgres());
    assertEquals("public", config.string("postgresql_table_schema"));
  }

  @Test
  void precedenceIsDefaultsThenYamlThenEnvThenCommandLine() throws IOException {
    Path file = yaml("port: 4000\nhost: 0.0.0.0\naccess_token_validity: 100\nlog_level: debug\n");
    CoreConfig fromYaml = ConfigLoader.load(file, Map.of(), Map.of(), false);
    assertEquals(4000, fromYaml.port());
    assertEquals(100L, fromYaml.longValue("access_token_validity"));
    assertEquals("DEBUG", fromYaml.string("log_level"));

    Map<String, String> env =
        Map.of("SUPERTOKENS_PORT", "4001", "ACCESS_TOKEN_VALIDITY", "\"200\"", "LOG_LEVEL", "");
    CoreConfig fromEnv = ConfigLoader.load(file, env, Map.of(), false);
    assertEquals(4001, fromEnv.port());
    assertEquals(200L, fromEnv.longValue("access_token_validity"));
    assertEquals("DEBUG", fromEnv.string("log_level"), "an empty variable is ignored");

    CoreConfig fromArgs = ConfigLoader.load(file, env, Map.of("port", "4002"), false);
    assertEquals(4002, fromArgs.port());
    assertEquals("0.0.0.0", fromArgs.host());
    assertEquals(file, fromArgs.source().orElseThrow());
  }

  @Test
  void everySettingHasAnEnvironmentVariable() {
    for (Setting s : Settings.ALL) {
      assertTrue(s.env() != null && s.env().matches("[A-Z0-9_]+"), s.key());
    }
    assertEquals("API_KEYS", Settings.BY_KEY.get("api_keys").env());
    assertEquals(
        "POSTGRESQL_CONNECTION_URI", Settings.BY_KEY.get("postgresql_connection_uri").env());
  }

  @Test
  void theShippedConfigYamlListsEverySettingAndLoads() throws IOException {
    Path shipped = Path.of("config.yaml");
    String text = Files.readString(shipped);
    for (Setting s : Settings.ALL) {
      assertTrue(
          text.contains("\n# " + s.key() + ":") || text.contains("\n" + s.key() + ":"), s.key());
    }
    assertEquals(3567, ConfigLoader.load(shipped, Map.of(), Map.of(), false).port());
  }

  @Test
  void unknownKeysAndNullValuesAreIgnored() throws IOException {
    Path file = yaml("no_such_key: 1\ninfo_log_path: null\napi_keys:\n");
    CoreConfig config = ConfigLoader.load(file, Map.of(), Map.of(), false);
    assertNull(config.string("info_log_path"));
    assertEquals(List.of(), config.apiKeys());
  }

  @Test
  void badYamlNamesTheProblem() throws IOException {
    Path file = yaml("port: [1\n");
    assertTrue(
        assertThrows(
                ConfigException.class, () -> ConfigLoader.load(file, Map.of(), Map.of(), false))
            .getMessage()
            .contains("config.yaml"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "port | abc | 'port' must be of type int in the config",
        "access_token_validity | 1.5 | 'access_token_validity' must be of type long in the config",
        "access_token_blacklisting | yes | 'access_token_blacklisting' must be of type boolean in"
            + " the config",
        "access_token_validity | 0 | 'access_token_validity' must be between 1 and 86400000"
            + " seconds inclusive.",
        "access_token_validity | 86400001 | 'access_token_validity' must be between 1 and"
            + " 86400000 seconds inclusive.",
        "access_token_dynamic_signing_key_update_interval | 0.5 |"
            + " 'access_token_dynamic_signing_key_update_interval' must be greater than, equal to 1"
            + " hour.",
        "refresh_token_validity | 60 | 'refresh_token_validity' must be strictly greater than"
            + " 'access_token_validity'.",
        "password_hashing_alg | md5 | 'password_hashing_alg' must be one of 'ARGON2' or 'BCRYPT'",
        "max_server_pool_size | 0 | 'max_server_pool_size' must be >= 1. The config file can be"
            + " found here: config.yaml",
        "log_level | LOUD | 'log_level' must be one of DEBUG, INFO, WARN, ERROR, NONE",
        "api_keys | short | One of the API keys is too short. Please use at least 20 characters",
        "api_keys | aaaaaaaaaaaaaaaaaaaaaaaa,bad_key_with_underscore_ | Invalid characters in API"
            + " key. Please only use '=', '-' and alpha-numeric (including capitals)",
        "ip_allow_regex | ( | Provided regular expression is invalid for ip_allow_regex config",
        "postgresql_connection_uri | postgres://u:p@h/db | 'postgresql_connection_uri' must start"
            + " with 'postgresql://', not 'postgres://'"
      })
  void badValuesStopStartupNamingTheKey(String key, String value, String message) {
    assertEquals(message, error(Map.of(key, value)));
  }

  @Test
  void testModeRelaxesOnlyItsTwoChecks() {
    Map<String, String> relaxed =
        Map.of(
            "access_token_dynamic_signing_key_update_interval", "0.001",
            "refresh_token_validity", "1",
            "access_token_validity", "120");
    CoreConfig config = ConfigLoader.load(null, Map.of(), relaxed, true);
    assertTrue(config.testMode());
    assertEquals(0.001, config.decimal("access_token_dynamic_signing_key_update_interval"));
    assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(), relaxed, false));
    assertThrows(
        ConfigException.class,
        () -> ConfigLoader.load(null, Map.of(), Map.of("access_token_validity", "0"), true));
  }

  @Test
  void apiKeysAreTrimmedAndSorted() {
    CoreConfig config =
        load(Map.of("api_keys", " zzzzzzzzzzzzzzzzzzzzzz , aaaaaaaaaaaaaaaaaaaa=-AA "));
    assertEquals(List.of("aaaaaaaaaaaaaaaaaaaa=-AA", "zzzzzzzzzzzzzzzzzzzzzz"), config.apiKeys());
  }

  @ParameterizedTest
  @CsvSource({"/, ''", "auth, /auth", "/auth/, /auth", "//a//b/, /a/b", "'', ''"})
  void basePathIsNormalised(String given, String expected) {
    assertEquals(expected, ConfigLoader.normaliseBasePath(given));
  }

  @Test
  void basePathWithSpacesIsRefused() {
    assertEquals(
        "Invalid characters in base_path config. Please use a valid path",
        error(Map.of("base_path", "/a b")));
  }

  @Test
  void quotedEnvironmentValuesAreUnescaped() {
    assertEquals("a\nb\"c", ConfigLoader.unquote("\"a\\nb\\\"c\""));
    assertEquals("\"half", ConfigLoader.unquote("\"half"));
  }

  @Test
  void postgresIsChosenByAnyConnectionSetting() {
    assertTrue(load(Map.of("postgresql_user", "u")).usesPostgres());
    assertTrue(load(Map.of("postgresql_password", "p")).usesPostgres());
    assertTrue(load(Map.of("postgresql_connection_uri", "postgresql://h/db")).usesPostgres());
    assertFalse(load(Map.of("postgresql_host", "h")).usesPostgres());
  }
}
