package io.authcore.recipe.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.authcore.config.CoreConfig;
import io.authcore.config.Setting;
import io.authcore.config.Settings;
import io.authcore.http.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config fields the original's dashboard shows a tenant (its {@code
 * GetTenantCoreConfigForDashboardAPI}), in its order and words: the core's options a tenant or app
 * may set, then, on PostgreSQL, the plugin's options. Values are the tenant's; a default is the
 * option's default, or null where the original's default is unset.
 */
public final class ConfigFields {
  private static final String NUMBER = "number";
  private static final String STRING = "string";

  /**
   * One field: its key, JSON type, whether tenants of an app may differ, whether null is allowed.
   */
  private record Field(
      String key, String type, boolean perTenant, boolean nullable, String description) {}

  /** Fields whose values are secrets: listed, but their value is always null. */
  private static final Set<String> SECRETS =
      Set.of("postgresql_password", "firebase_password_hashing_signer_key");

  // The original lists them in the iteration order of a HashSet of the option names.
  private static final List<Field> CORE =
      List.of(
          new Field(
              "passwordless_code_lifetime",
              NUMBER,
              true,
              false,
              "Time in milliseconds for how long a passwordless code is valid for. [Default: 900000"
                  + " (15 mins)]"),
          new Field(
              "firebase_password_hashing_signer_key",
              STRING,
              false,
              true,
              "The signer key used for firebase scrypt password hashing. (Default: null)"),
          new Field(
              "totp_max_attempts",
              NUMBER,
              true,
              false,
              "The maximum number of invalid TOTP attempts that will trigger rate limiting."
                  + " (Default: 5)"),
          new Field("saml_sp_entity_id", STRING, true, true, "Service provider's entity ID"),
          new Field(
              "access_token_dynamic_signing_key_update_interval",
              NUMBER,
              false,
              false,
              "Time in hours for how frequently the dynamic signing key will change. [Default: 168"
                  + " (1 week)]"),
          new Field(
              "saml_relay_state_validity",
              NUMBER,
              true,
              false,
              "Duration for which SAML relay state will be valid before it is consumed"),
          new Field(
              "bulk_migration_batch_size",
              NUMBER,
              false,
              false,
              "If specified, the supertokens core will load the specified number of users for"
                  + " migrating in one single batch. (Default: 8000)"),
          new Field(
              "password_reset_token_lifetime",
              NUMBER,
              true,
              false,
              "Time in milliseconds for how long a password reset token / link is valid for."
                  + " [Default: 3600000 (1 hour)]"),
          new Field(
              "access_token_validity",
              NUMBER,
              false,
              false,
              "Time in seconds for how long an access token is valid for. [Default: 3600 (1"
                  + " hour)]"),
          new Field(
              "password_hashing_alg",
              "enum",
              false,
              false,
              "The password hashing algorithm to use. Values are \"ARGON2\" | \"BCRYPT\". (Default:"
                  + " BCRYPT)"),
          new Field(
              "bulk_migration_parallelism",
              NUMBER,
              false,
              false,
              "If specified, the supertokens core will use the specified number of threads to"
                  + " complete the migration of users. (Default: number of available processor"
                  + " cores)."),
          new Field(
              "disable_telemetry",
              "boolean",
              false,
              false,
              "Learn more about Telemetry here:"
                  + " https://github.com/supertokens/supertokens-core/wiki/Telemetry. (Default:"
                  + " false)"),
          new Field(
              "email_verification_token_lifetime",
              NUMBER,
              true,
              false,
              "Time in milliseconds for how long an email verification token / link is valid for."
                  + " [Default: 24 * 3600 * 1000 (1 day)]"),
          new Field(
              "ip_deny_regex",
              STRING,
              true,
              true,
              "Regex for denying requests from IP addresses that match with the value. Comment this"
                  + " value to deny no IP address."),
          new Field(
              "ip_allow_regex",
              STRING,
              true,
              true,
              "Regex for allowing requests from IP addresses that match with the value. For"
                  + " example, use the value of 127\\.\\d+\\.\\d+\\.\\d+|::1|0:0:0:0:0:0:0:1 to"
                  + " allow only localhost to query the core"),
          new Field(
              "passwordless_max_code_input_attempts",
              NUMBER,
              true,
              false,
              "The maximum number of code input attempts per login before the user needs to"
                  + " restart. (Default: 5)"),
          new Field(
              "saml_claims_validity",
              NUMBER,
              true,
              false,
              "Duration for which SAML claims will be valid before it is consumed"),
          new Field(
              "refresh_token_validity",
              NUMBER,
              false,
              false,
              "Time in mins for how long a refresh token is valid for. [Default: 60 * 2400 (100"
                  + " days)]"),
          new Field(
              "webauthn_recover_account_token_lifetime",
              NUMBER,
              false,
              false,
              "Time in milliseconds for how long a webauthn account recovery token is valid for."
                  + " [Default: 3600000 (1 hour)]"),
          new Field(
              "totp_rate_limit_cooldown_sec",
              NUMBER,
              true,
              false,
              "The time in seconds for which the user will be rate limited once totp_max_attempts"
                  + " is crossed. [Default: 900 (15 mins)]"));

  /** The plugin's fields that the dashboard may edit; the others are shown read-only. */
  private static final List<String> EDITABLE_PLUGIN_FIELDS =
      List.of(
          "postgresql_minimum_idle_connections",
          "postgresql_connection_pool_size",
          "postgresql_idle_connection_timeout");

  // PostgreSQL plugin fields: every one may differ across tenants in the original.
  private static final List<Field> PLUGIN =
      List.of(
          new Field("postgresql_table_schema", STRING, true, false, "The schema for tables."),
          new Field(
              "postgresql_minimum_idle_connections",
              NUMBER,
              true,
              true,
              "Minimum number of idle connections to be kept active. If not set, minimum idle"
                  + " connections will be same as the connection pool size."),
          new Field(
              "postgresql_connection_attributes",
              STRING,
              true,
              false,
              "The connection attributes of the PostgreSQL database."),
          new Field(
              "postgresql_host",
              STRING,
              true,
              false,
              "Specify the postgresql host url here. For example: - \"localhost\" - \"192.168.0.1\""
                  + " - \"<IP to cloud instance>\" - \"example.com\""),
          new Field(
              "postgresql_connection_uri",
              STRING,
              true,
              true,
              "Specify the PostgreSQL connection URI in the following format:"
                  + " postgresql://[user[:[password]]@]host[:port][/dbname][?attr1=val1&attr2=val2..."
                  + " Values provided via other configs will override values provided by this"
                  + " config."),
          new Field(
              "postgresql_connection_pool_size",
              NUMBER,
              true,
              false,
              "Defines the connection pool size to PostgreSQL. Please see"
                  + " https://github.com/brettwooldridge/HikariCP/wiki/About-Pool-Sizing"),
          new Field(
              "postgresql_port",
              NUMBER,
              true,
              false,
              "Specify the port to use when connecting to PostgreSQL instance."),
          new Field(
              "postgresql_connection_scheme",
              STRING,
              true,
              false,
              "The scheme of the PostgreSQL database."),
          new Field(
              "postgresql_table_names_prefix",
              STRING,
              true,
              false,
              "A prefix to add to all table names managed by SuperTokens. An \"_\" will be added"
                  + " between this prefix and the actual table name if the prefix is defined."),
          new Field(
              "postgresql_user",
              STRING,
              true,
              true,
              "The PostgreSQL user to use to query the database. If the relevant tables are not"
                  + " already created by you, this user should have the ability to create new"
                  + " tables. To see the tables needed, visit:"
                  + " https://supertokens.com/docs/thirdpartyemailpassword/pre-built-ui/setup/database-setup/postgresql"),
          new Field(
              "postgresql_idle_connection_timeout",
              NUMBER,
              true,
              false,
              "Timeout in milliseconds for the idle connections to be closed."),
          new Field(
              "postgresql_password",
              STRING,
              true,
              true,
              "Password for the PostgreSQL user. If you have not set a password make this an empty"
                  + " string."),
          new Field(
              "postgresql_database_name",
              STRING,
              true,
              false,
              "The database name to store SuperTokens related data."));

  private final Map<String, Object> pluginValues;

  /**
   * @param pluginValues the storage plugin's resolved settings by key; empty on the in-memory
   *     storage, which then lists no plugin fields
   */
  public ConfigFields(Map<String, Object> pluginValues) {
    this.pluginValues = pluginValues;
  }

  /** The fields with the values of a tenant's effective configuration. */
  public ArrayNode of(CoreConfig tenantConfig) {
    ArrayNode fields = Json.MAPPER.createArrayNode();
    for (Field field : CORE) {
      fields.add(json(field, tenantConfig.get(field.key()), false, false));
    }
    if (!pluginValues.isEmpty()) {
      for (Field field : PLUGIN) {
        boolean editable = EDITABLE_PLUGIN_FIELDS.contains(field.key());
        fields.add(json(field, pluginValues.get(field.key()), true, editable));
      }
    }
    return fields;
  }

  private static ObjectNode json(Field field, Object value, boolean plugin, boolean editable) {
    ObjectNode out = Json.object();
    out.put("key", field.key());
    out.put("valueType", field.type());
    // The original shows these in clear to anyone with the API key; a secret never leaves the core.
    out.set("value", Json.MAPPER.valueToTree(SECRETS.contains(field.key()) ? null : value));
    out.put("description", field.description());
    out.put("isDifferentAcrossTenants", field.perTenant());
    if (field.type().equals("enum")) {
      out.putArray("possibleValues").add("ARGON2").add("BCRYPT");
    } else {
      out.putNull("possibleValues");
    }
    out.put("isNullable", field.nullable());
    out.set(
        "defaultValue", Json.MAPPER.valueToTree(field.nullable() ? null : defaultOf(field.key())));
    out.put("isPluginProperty", plugin);
    out.put("isPluginPropertyEditable", editable);
    return out;
  }

  private static Object defaultOf(String key) {
    return Settings.ALL.stream()
        .filter(s -> s.key().equals(key))
        .map(Setting::defaultValue)
        .findFirst()
        .orElseThrow();
  }
}
