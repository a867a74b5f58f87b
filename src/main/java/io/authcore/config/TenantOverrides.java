package io.authcore.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.authcore.config.Setting.Scope;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's {@code coreConfig}: which keys it may name, and the effective configuration it gives
 * on top of the base one. The messages are the original's, without its {@code "Invalid core config:
 * "} prefix, which the API adds.
 *
 * <p>Precedence, as in the original: the tenant's own coreConfig, then its app's public tenant's,
 * then its connection-URI domain's (public app and tenant), then config.yaml and the environment. A
 * key set to JSON {@code null} in a layer hides the layers below it: the option then takes its
 * default (nullable options such as {@code api_keys} become unset), as the original maps it.
 */
public final class TenantOverrides {
  /** The original still reads the interval under its old name. */
  static final String OLD_INTERVAL_NAME = "access_token_signing_key_update_interval";

  private static final String INTERVAL = "access_token_dynamic_signing_key_update_interval";

  private TenantOverrides() {}

  /**
   * Refuses a key the original does not know. The PostgreSQL options are known only when the
   * storage is PostgreSQL, as the original asks its storage plugin.
   */
  public static void checkKeys(JsonNode coreConfig, boolean postgres) {
    for (Iterator<String> names = coreConfig.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      Setting setting = setting(key);
      if (setting == null || (setting.scope() == Scope.STORAGE && !postgres)) {
        throw new ConfigException("Invalid config key: " + key);
      }
    }
  }

  /** Refuses an option that only config.yaml may set, naming the first in the table's order. */
  public static void checkNoYamlOnlyKeys(JsonNode coreConfig) {
    for (Setting s : Settings.ALL) {
      if (s.scope() == Scope.YAML_ONLY && coreConfig.has(s.key())) {
        throw new ConfigException(s.key() + " can only be set via the core's base config setting");
      }
    }
  }

  /**
   * Refuses database options that differ from the base config: the original would open another user
   * pool for them; Authcore keeps every app and tenant in the base database.
   */
  public static void checkSameDatabase(CoreConfig effective, CoreConfig base) {
    for (Setting s : Settings.ALL) {
      if (s.scope() == Scope.STORAGE
          && !Objects.equals(effective.get(s.key()), base.get(s.key()))) {
        throw new ConfigException(
            s.key()
                + " cannot differ from the base config: Authcore keeps every app and tenant in the"
                + " base database");
      }
    }
  }

  /**
   * The configuration of a tenant whose coreConfig layers are given most specific first (null
   * layers are skipped). Options only config.yaml may set are taken from {@code base} whatever a
   * layer says, and unknown keys are ignored: both were refused when the layer was written.
   *
   * @throws ConfigException with the original's message when a value has the wrong type or range
   */
  public static CoreConfig resolve(CoreConfig base, List<? extends JsonNode> layers) {
    Map<String, JsonNode> merged = new HashMap<>();
    for (JsonNode layer : layers) {
      if (layer == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = layer.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = field.getKey().equals(OLD_INTERVAL_NAME) ? INTERVAL : field.getKey();
        merged.putIfAbsent(key, field.getValue());
      }
    }
    if (merged.isEmpty()) {
      return base;
    }
    Map<String, Object> values = new HashMap<>(base.values());
    Set<String> given = new HashSet<>();
    for (Setting s : Settings.ALL) {
      JsonNode value = merged.get(s.key());
      if (value == null || s.scope() == Scope.YAML_ONLY) {
        continue;
      }
      values.put(s.key(), value.isNull() ? s.defaultValue() : coerce(s, value));
      given.add(s.key());
    }
    return ConfigLoader.validated(values, given, base.source().orElse(null), base.testMode());
  }

  /** The first option that must be equal across an app's tenants and is not, if any. */
  public static Optional<String> appLevelConflict(CoreConfig one, CoreConfig other) {
    for (Setting s : Settings.ALL) {
      if (s.scope() == Scope.APP && !Objects.equals(one.get(s.key()), other.get(s.key()))) {
        return Optional.of(s.key());
      }
    }
    return Optional.empty();
  }

  /** The original's message for {@link #appLevelConflict}. */
  public static String conflictMessage(String key) {
    return "You cannot set different values for " + key + " for the same appId";
  }

  private static Setting setting(String key) {
    return Settings.BY_KEY.get(key.equals(OLD_INTERVAL_NAME) ? INTERVAL : key);
  }

  /** JSON to the option's type, with the leniency of the original's config mapper. */
  private static Object coerce(Setting s, JsonNode value) {
    try {
      switch (s.type()) {
        case STRING -> {
          if (value.isValueNode()) {
            return value.asText();
          }
        }
        case INT -> {
          BigDecimal n = number(value);
          if (n != null && n.stripTrailingZeros().scale() <= 0) {
            return n.intValueExact();
          }
        }
        case LONG -> {
          BigDecimal n = number(value);
          if (n != null && n.stripTrailingZeros().scale() <= 0) {
            return n.longValueExact();
          }
        }
        case DOUBLE -> {
          BigDecimal n = number(value);
          if (n != null) {
            return n.doubleValue();
          }
        }
        case BOOLEAN -> {
          if (value.isBoolean()) {
            return value.booleanValue();
          }
          if (value.isTextual() && value.textValue().equalsIgnoreCase("true")) {
            return true;
          }
          if (value.isTextual() && value.textValue().equalsIgnoreCase("false")) {
            return false;
          }
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // the original's message below
    }
    throw new ConfigException("'" + s.key() + "' must be of type " + javaTypeName(s));
  }

  private static BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      return new BigDecimal(value.textValue().trim());
    }
    return null;
  }

  /** The original names the Java field type here, not the YAML one. */
  private static String javaTypeName(Setting s) {
    return switch (s.type()) {
      case STRING -> "String";
      case INT -> s.defaultValue() == null ? "Integer" : "int";
      case LONG -> "long";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
    };
  }
}
