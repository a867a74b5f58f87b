package io.authcore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.config.Setting.Scope;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantOverridesTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static CoreConfig base(Map<String, String> overrides, boolean testMode) {
    return ConfigLoader.load(null, Map.of(), overrides, testMode);
  }

  static Set<String> withScope(Scope scope) {
    return Settings.ALL.stream()
        .filter(s -> s.scope() == scope)
        .map(Setting::key)
        .collect(Collectors.toSet());
  }

  @Test
  void scopesAreTheOriginalsAnnotations() {
    assertEquals(
        Set.of(
            "access_token_validity",
            "access_token_blacklisting",
            "refresh_token_validity",
            "refresh_token_rotation_grace_period",
            "access_token_validity_jitter",
            "access_token_signing_key_dynamic",
            "access_token_dynamic_signing_key_update_interval",
            "api_keys",
            "disable_telemetry",
            "password_hashing_alg",
            "firebase_password_hashing_signer_key",
            "oauth_provider_public_service_url",
            "oauth_provider_admin_service_url",
            "oauth_provider_consent_login_base_url",
            "oauth_provider_url_configured_in_oauth_provider",
            "supertokens_max_cdi_version",
            "supertokens_min_cdi_version",
            "saml_legacy_acs_url",
            "bulk_migration_parallelism",
            "bulk_migration_batch_size",
            "bulk_migration_sleep_between_rounds_in_batch_ms",
            "webauthn_recover_account_token_lifetime",
            // Authcore's own abuse limits, per app like the hashing settings they protect.
            "abuse_window_seconds",
            "abuse_sign_in_failures_per_account",
            "abuse_sign_in_failures_per_ip",
            "abuse_sign_ups_per_ip",
            "abuse_passwordless_code_failures_per_account",
            "abuse_passwordless_codes_per_account",
            "abuse_password_reset_tokens_per_account",
            "abuse_email_verification_tokens_per_account",
            "abuse_client_ip_header"),
        withScope(Scope.APP),
        "@NotConflictingInApp");
    assertEquals(
        Set.of(
            "core_config_version",
            "password_reset_token_lifetime",
            "email_verification_token_lifetime",
            "passwordless_max_code_input_attempts",
            "passwordless_code_lifetime",
            "totp_max_attempts",
            "totp_rate_limit_cooldown_sec",
            "ip_allow_regex",
            "ip_deny_regex",
            "saml_sp_entity_id",
            "saml_claims_validity",
            "saml_relay_state_validity"),
        withScope(Scope.TENANT));
    assertTrue(
        withScope(Scope.YAML_ONLY)
            .containsAll(
                List.of(
                    "port",
                    "host",
                    "base_path",
                    "log_level",
                    "max_server_pool_size",
                    "argon2_iterations",
                    "bcrypt_log_rounds",
                    "supertokens_saas_secret",
                    "recent_token_reuse_behaviour",
                    "info_log_path")));
    assertTrue(
        withScope(Scope.STORAGE).stream()
            .allMatch(k -> k.startsWith("postgresql_") || k.equals("migration_mode")));
  }

  @Test
  void unknownKeysAndDatabaseKeysWithoutPostgresAreRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> TenantOverrides.checkKeys(json("{\"nope\":1}"), true));
    assertEquals("Invalid config key: nope", e.getMessage());
    assertEquals(
        "Invalid config key: postgresql_user",
        assertThrows(
                ConfigException.class,
                () -> TenantOverrides.checkKeys(json("{\"postgresql_user\":\"u\"}"), false))
            .getMessage());
    TenantOverrides.checkKeys(json("{\"postgresql_user\":\"u\"}"), true);
    TenantOverrides.checkKeys(
        json("{\"access_token_signing_key_update_interval\":2,\"port\":1}"), false);
  }

  @Test
  void yamlOnlyKeysAreNamed() {
    assertEquals(
        "base_path can only be set via the core's base config setting",
        assertThrows(
                ConfigException.class,
                () ->
                    TenantOverrides.checkNoYamlOnlyKeys(
                        json("{\"totp_max_attempts\":1,\"base_path\":\"/x\"}")))
            .getMessage());
    TenantOverrides.checkNoYamlOnlyKeys(json("{\"api_keys\":null,\"totp_max_attempts\":1}"));
  }

  @Test
  void layersAreReadMostSpecificFirstAndNullHidesTheLayersBelow() {
    CoreConfig base =
        base(Map.of("access_token_validity", "100", "api_keys", "k".repeat(20)), false);
    CoreConfig effective =
        TenantOverrides.resolve(
            base,
            Arrays.asList(
                json("{\"totp_max_attempts\":\"9\",\"api_keys\":null}"),
                null,
                json("{\"totp_max_attempts\":3,\"access_token_validity\":200,\"port\":1}")));
    assertEquals(9, effective.integer("totp_max_attempts"), "numbers may be strings");
    assertEquals(200L, effective.longValue("access_token_validity"));
    assertEquals(List.of(), effective.apiKeys(), "null unsets a nullable option");
    assertEquals(base.port(), effective.port(), "config.yaml alone sets the port");
    assertSame(base, TenantOverrides.resolve(base, List.of(json("{}"))));

    CoreConfig nulled =
        TenantOverrides.resolve(base, List.of(json("{\"access_token_validity\":null}")));
    assertEquals(3600L, nulled.longValue("access_token_validity"), "null gives the default");
    assertEquals(
        5.0,
        TenantOverrides.resolve(
                base, List.of(json("{\"access_token_signing_key_update_interval\":5}")))
            .decimal("access_token_dynamic_signing_key_update_interval"),
        "the interval's old name still works");
    assertEquals(
        "ARGON2",
        TenantOverrides.resolve(base, List.of(json("{\"password_hashing_alg\":\"argon2\"}")))
            .string("password_hashing_alg"),
        "normalised as config.yaml is");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"access_token_validity\":1.5} | 'access_token_validity' must be of type long",
        "{\"totp_max_attempts\":{}} | 'totp_max_attempts' must be of type int",
        "{\"access_token_blacklisting\":\"yes\"} | 'access_token_blacklisting' must be of type boolean",
        "{\"refresh_token_validity\":[1]} | 'refresh_token_validity' must be of type double",
        "{\"totp_max_attempts\":0} | 'totp_max_attempts' must be > 0",
        "{\"password_reset_token_lifetime\":0} | 'password_reset_token_lifetime' must be >= 0",
        "{\"access_token_validity_jitter\":0.5} | 'access_token_validity_jitter' must be between 0 and 0.25 inclusive.",
        "{\"refresh_token_rotation_grace_period\":301} | 'refresh_token_rotation_grace_period' must be between 0 and 300 seconds inclusive.",
        "{\"access_token_dynamic_signing_key_update_interval\":0.5} | 'access_token_dynamic_signing_key_update_interval' must be greater than, equal to 1 hour.",
        "{\"ip_allow_regex\":\"(\"} | Provided regular expression is invalid for ip_allow_regex config",
        "{\"supertokens_max_cdi_version\":\"x\"} | supertokens_max_cdi_version is not a valid semantic version",
        "{\"supertokens_min_cdi_version\":\"5.4\",\"supertokens_max_cdi_version\":\"4.0\"} | supertokens_min_cdi_version cannot be greater than supertokens_max_cdi_version",
      })
  void valuesAreCheckedWithTheOriginalsTexts(String layer, String message) {
    CoreConfig base = base(Map.of(), false);
    assertEquals(
        message,
        assertThrows(
                ConfigException.class, () -> TenantOverrides.resolve(base, List.of(json(layer))))
            .getMessage());
  }

  @Test
  void testModeRelaxesTheSameChecksAsForConfigYaml() {
    CoreConfig base = base(Map.of(), true);
    CoreConfig effective =
        TenantOverrides.resolve(
            base,
            List.of(
                json(
                    "{\"access_token_dynamic_signing_key_update_interval\":0.001,"
                        + "\"access_token_validity\":120,\"refresh_token_validity\":1}")));
    assertEquals(0.001, effective.decimal("access_token_dynamic_signing_key_update_interval"));
    assertThrows(
        ConfigException.class,
        () ->
            TenantOverrides.resolve(
                base(Map.of(), false),
                List.of(json("{\"access_token_validity\":120,\"refresh_token_validity\":1}"))));
  }

  @Test
  void appSettingsConflictButTenantSettingsDoNot() {
    CoreConfig base = base(Map.of(), false);
    CoreConfig one = TenantOverrides.resolve(base, List.of(json("{\"totp_max_attempts\":3}")));
    CoreConfig two =
        TenantOverrides.resolve(base, List.of(json("{\"api_keys\":\"" + "a".repeat(20) + "\"}")));
    assertEquals(Optional.empty(), TenantOverrides.appLevelConflict(base, one));
    assertEquals(Optional.of("api_keys"), TenantOverrides.appLevelConflict(one, two));
    assertEquals(
        "You cannot set different values for api_keys for the same appId",
        TenantOverrides.conflictMessage("api_keys"));
  }

  @Test
  void databaseOptionsMustRepeatTheBase() {
    CoreConfig base = base(Map.of("postgresql_connection_uri", "postgresql://h/db"), false);
    TenantOverrides.checkSameDatabase(
        TenantOverrides.resolve(
            base, List.of(json("{\"postgresql_connection_uri\":\"postgresql://h/db\"}"))),
        base);
    assertThrows(
        ConfigException.class,
        () ->
            TenantOverrides.checkSameDatabase(
                TenantOverrides.resolve(
                    base, List.of(json("{\"postgresql_table_names_prefix\":\"x\"}"))),
                base));
  }
}
