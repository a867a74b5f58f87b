package io.authcore.config;

import static io.authcore.config.Setting.Type.BOOLEAN;
import static io.authcore.config.Setting.Type.DOUBLE;
import static io.authcore.config.Setting.Type.INT;
import static io.authcore.config.Setting.Type.LONG;
import static io.authcore.config.Setting.Type.STRING;

import io.authcore.http.CdiVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every option of the original core and its PostgreSQL plugin, in one table. The messages are the
 * original's where it has one, because operators search for them.
 */
public final class Settings {
  private Settings() {}

  public static final List<Setting> ALL =
      List.of(
          Setting.of("core_config_version", INT, 0).env("CORE_CONFIG_VERSION").tenant(),
          Setting.of("port", INT, 3567).env("SUPERTOKENS_PORT").check(range("port", 0, 65535)),
          Setting.of("host", STRING, "localhost").env("SUPERTOKENS_HOST"),
          Setting.of("access_token_validity", LONG, 3600L)
              .check(
                  v ->
                      ((Long) v) < 1 || ((Long) v) > 86400000
                          ? "'access_token_validity' must be between 1 and 86400000 seconds"
                              + " inclusive."
                          : null)
              .app(),
          Setting.of("access_token_blacklisting", BOOLEAN, false).app(),
          Setting.of("access_token_signing_key_dynamic", BOOLEAN, true).app(),
          Setting.of("access_token_dynamic_signing_key_update_interval", DOUBLE, 168.0).app(),
          Setting.of("refresh_token_validity", DOUBLE, 144000.0).app(),
          // Its range is checked with the other test_mode relaxations in ConfigLoader.
          Setting.of("refresh_token_rotation_grace_period", INT, 30).app(),
          Setting.of("access_token_validity_jitter", DOUBLE, 0.05)
              .check(
                  v ->
                      ((Double) v) < 0 || ((Double) v) > 0.25
                          ? "'access_token_validity_jitter' must be between 0 and 0.25 inclusive."
                          : null)
              .app(),
          Setting.of("recent_token_reuse_behaviour", STRING, "TOKEN_THEFT")
              .check(oneOf("recent_token_reuse_behaviour", "TOKEN_THEFT", "UNAUTHORISED")),
          Setting.of("password_reset_token_lifetime", LONG, 3600000L)
              .check(notPositive("password_reset_token_lifetime"))
              .tenant(),
          Setting.of("email_verification_token_lifetime", LONG, 86400000L)
              .check(notPositive("email_verification_token_lifetime"))
              .tenant(),
          Setting.of("passwordless_max_code_input_attempts", INT, 5)
              .check(positive("passwordless_max_code_input_attempts"))
              .tenant(),
          Setting.of("passwordless_code_lifetime", LONG, 900000L)
              .check(positive("passwordless_code_lifetime"))
              .tenant(),
          Setting.of("totp_max_attempts", INT, 5).check(positive("totp_max_attempts")).tenant(),
          Setting.of("totp_rate_limit_cooldown_sec", INT, 900)
              .check(positive("totp_rate_limit_cooldown_sec"))
              .tenant(),
          Setting.of("info_log_path", STRING, null),
          Setting.of("error_log_path", STRING, null),
          Setting.of("max_server_pool_size", INT, 10)
              .check(
                  v ->
                      ((Integer) v) < 1
                          ? "'max_server_pool_size' must be >= 1. The config file can be found"
                              + " here: config.yaml"
                          : null),
          // Authcore's own: what a client may hold of the server. See http/Connections.
          Setting.of("webserver_idle_timeout_ms", LONG, 60000L)
              .check(positive("webserver_idle_timeout_ms")),
          Setting.of("webserver_request_read_timeout_ms", LONG, 30000L)
              .check(positive("webserver_request_read_timeout_ms")),
          Setting.of("webserver_max_connections", INT, 0)
              .check(
                  v ->
                      ((Integer) v) < 0
                          ? "'webserver_max_connections' must be >= 0 (0 chooses from the"
                              + " process's file descriptor limit)"
                          : null),
          Setting.of("api_keys", STRING, null).check(Settings::checkApiKeys).app(),
          // Authcore's own: GET /metrics (see io.authcore.metrics).
          Setting.of("metrics_enabled", BOOLEAN, true),
          Setting.of("metrics_port", INT, null).check(range("metrics_port", 0, 65535)),
          Setting.of("disable_telemetry", BOOLEAN, false).app(),
          Setting.of("password_hashing_alg", STRING, "BCRYPT")
              .check(
                  v ->
                      Set.of("ARGON2", "BCRYPT").contains(((String) v).toUpperCase(Locale.ROOT))
                          ? null
                          : "'password_hashing_alg' must be one of 'ARGON2' or 'BCRYPT'")
              .app(),
          Setting.of("bcrypt_log_rounds", INT, 11).check(positive("bcrypt_log_rounds")),
          Setting.of("argon2_iterations", INT, 1).check(positive("argon2_iterations")),
          Setting.of("argon2_memory_kb", INT, 87795).check(positive("argon2_memory_kb")),
          Setting.of("argon2_parallelism", INT, 2).check(positive("argon2_parallelism")),
          Setting.of("argon2_hashing_pool_size", INT, 1)
              .check(positive("argon2_hashing_pool_size")),
          Setting.of("firebase_password_hashing_signer_key", STRING, null).app(),
          // Authcore's own: past it, requests that hash are answered 429 (see PasswordHasher).
          Setting.of("password_hashing_max_wait_ms", LONG, 5000L)
              .check(positive("password_hashing_max_wait_ms")),
          Setting.of("firebase_password_hashing_pool_size", INT, 1)
              .check(positive("firebase_password_hashing_pool_size")),
          Setting.of("base_path", STRING, "")
              .check(
                  v ->
                      ((String) v).contains(" ")
                          ? "Invalid characters in base_path config. Please use a valid path"
                          : null),
          Setting.of("log_level", STRING, "INFO")
              .check(oneOf("log_level", "DEBUG", "INFO", "WARN", "ERROR", "NONE")),
          Setting.of("ip_allow_regex", STRING, null).check(regex("ip_allow_regex")).tenant(),
          Setting.of("ip_deny_regex", STRING, null).check(regex("ip_deny_regex")).tenant(),
          Setting.of("supertokens_saas_secret", STRING, null),
          Setting.of("supertokens_max_cdi_version", STRING, null)
              .check(cdiVersion("supertokens_max_cdi_version"))
              .app(),
          Setting.of("supertokens_min_cdi_version", STRING, null)
              .check(cdiVersion("supertokens_min_cdi_version"))
              .app(),
          Setting.of("supertokens_saas_load_only_cud", STRING, null),
          Setting.of("oauth_provider_public_service_url", STRING, null).app(),
          Setting.of("oauth_provider_admin_service_url", STRING, null).app(),
          Setting.of("oauth_provider_consent_login_base_url", STRING, null).app(),
          Setting.of("oauth_provider_url_configured_in_oauth_provider", STRING, null).app(),
          Setting.of("oauth_client_secret_encryption_key", STRING, null),
          Setting.of("saml_legacy_acs_url", STRING, null).app(),
          Setting.of("saml_sp_entity_id", STRING, "https://saml.supertokens.com").tenant(),
          Setting.of("saml_claims_validity", LONG, 300000L)
              .check(positive("saml_claims_validity"))
              .tenant(),
          Setting.of("saml_relay_state_validity", LONG, 300000L)
              .check(positive("saml_relay_state_validity"))
              .tenant(),
          Setting.of("bulk_migration_parallelism", INT, Runtime.getRuntime().availableProcessors())
              .check(positive("bulk_migration_parallelism"))
              .app(),
          Setting.of("bulk_migration_batch_size", INT, 8000)
              .check(positive("bulk_migration_batch_size"))
              .app(),
          Setting.of("bulk_migration_sleep_between_rounds_in_batch_ms", LONG, 1000L).app(),
          Setting.of("webauthn_recover_account_token_lifetime", LONG, 3600000L)
              .check(positive("webauthn_recover_account_token_lifetime"))
              .app(),
          // Authcore's own abuse limits (io.authcore.limits; README "Abuse limits"): per app, and
          // each limit 0 switches it off. Per client address only with abuse_client_ip_header.
          Setting.of("abuse_window_seconds", INT, 900)
              .check(positive("abuse_window_seconds"))
              .app(),
          abuseLimit("abuse_sign_in_failures_per_account", 10),
          abuseLimit("abuse_sign_in_failures_per_ip", 100),
          abuseLimit("abuse_sign_ups_per_ip", 50),
          abuseLimit("abuse_passwordless_code_failures_per_account", 10),
          abuseLimit("abuse_passwordless_codes_per_account", 20),
          abuseLimit("abuse_password_reset_tokens_per_account", 10),
          abuseLimit("abuse_email_verification_tokens_per_account", 20),
          Setting.of("abuse_client_ip_header", STRING, null).app(),
          Setting.of("otel_collector_connection_uri", STRING, null),
          // Authcore's own: one log line per request (method, route, status, duration, tenant).
          Setting.of("access_log", BOOLEAN, false),
          Setting.of("deadlock_logger_enable", BOOLEAN, false),
          Setting.of("webserver_https_enabled", BOOLEAN, false),
          // PostgreSQL
          Setting.of("postgresql_config_version", INT, 0).storage(),
          Setting.of("postgresql_connection_pool_size", INT, 10)
              .check(positive("postgresql_connection_pool_size"))
              .storage(),
          Setting.of("postgresql_connection_uri", STRING, null).storage(),
          Setting.of("postgresql_host", STRING, "localhost").storage(),
          Setting.of("postgresql_port", INT, 5432)
              .check(range("postgresql_port", 1, 65535))
              .storage(),
          Setting.of("postgresql_user", STRING, null).storage(),
          Setting.of("postgresql_password", STRING, null).storage(),
          Setting.of("postgresql_database_name", STRING, "supertokens").storage(),
          Setting.of("postgresql_table_schema", STRING, "public").storage(),
          Setting.of("postgresql_table_names_prefix", STRING, "").storage(),
          Setting.of("postgresql_idle_connection_timeout", LONG, 60000L)
              .check(positive("postgresql_idle_connection_timeout"))
              .storage(),
          Setting.of("postgresql_minimum_idle_connections", INT, null).storage(),
          Setting.of("postgresql_connection_attributes", STRING, "allowPublicKeyRetrieval=true")
              .storage(),
          Setting.of("postgresql_connection_scheme", STRING, "postgresql").storage(),
          Setting.of("migration_mode", STRING, "LEGACY")
              .env("SUPERTOKENS_MIGRATION_MODE")
              .storage());

  static final Map<String, Setting> BY_KEY = index();

  private static Map<String, Setting> index() {
    Map<String, Setting> map = new LinkedHashMap<>();
    for (Setting s : ALL) {
      map.put(s.key(), s);
    }
    return map;
  }

  private static Setting abuseLimit(String key, int defaultValue) {
    return Setting.of(key, INT, defaultValue)
        .check(v -> ((Integer) v) < 0 ? "'" + key + "' must be >= 0" : null)
        .app();
  }

  private static Function<Object, String> positive(String key) {
    return v -> ((Number) v).doubleValue() <= 0 ? "'" + key + "' must be > 0" : null;
  }

  /** The original checks {@code <= 0} but says ">= 0"; operators search for its words. */
  private static Function<Object, String> notPositive(String key) {
    return v -> ((Number) v).doubleValue() <= 0 ? "'" + key + "' must be >= 0" : null;
  }

  private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  private static Function<Object, String> cdiVersion(String key) {
    return v -> {
      String version = (String) v;
      if (!VERSION.matcher(version).matches()) {
        return key + " is not a valid semantic version";
      }
      return CdiVersion.exactly(version).isPresent() ? null : key + " is not a supported version";
    };
  }

  private static Function<Object, String> range(String key, long min, long max) {
    return v -> {
      long n = ((Number) v).longValue();
      return n < min || n > max
          ? "'" + key + "' must be between " + min + " and " + max + " inclusive"
          : null;
    };
  }

  private static Function<Object, String> oneOf(String key, String... allowed) {
    return v ->
        List.of(allowed).contains(((String) v).toUpperCase(Locale.ROOT))
            ? null
            : "'" + key + "' must be one of " + String.join(", ", allowed);
  }

  private static Function<Object, String> regex(String key) {
    return v -> {
      try {
        Pattern.compile((String) v);
        return null;
      } catch (PatternSyntaxException e) {
        return "Provided regular expression is invalid for " + key + " config";
      }
    };
  }

  private static final Pattern API_KEY_CHARS = Pattern.compile("[=\\-0-9a-zA-Z]*");

  private static String checkApiKeys(Object value) {
    for (String key : ((String) value).replaceAll("\\s", "").split(",")) {
      if (key.length() < 20) {
        return "One of the API keys is too short. Please use at least 20 characters";
      }
      if (!API_KEY_CHARS.matcher(key).matches()) {
        return "Invalid characters in API key. Please only use '=', '-' and alpha-numeric"
            + " (including capitals)";
      }
    }
    return null;
  }
}
