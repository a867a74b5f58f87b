package io.authcore.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the configuration once: defaults, then config.yaml, then environment variables, then the
 * command line's {@code host}/{@code port}. Any bad value throws a {@link ConfigException} naming
 * its key.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static CoreConfig load(
      Path yamlFile, Map<String, String> env, Map<String, String> overrides, boolean testMode) {
    Map<String, Object> raw = new HashMap<>(readYaml(yamlFile));
    for (Setting s : Settings.ALL) {
      String fromEnv = env.get(s.env());
      if (fromEnv != null && !fromEnv.isEmpty()) {
        raw.put(s.key(), unquote(fromEnv));
      }
    }
    raw.putAll(overrides);

    Map<String, Object> values = new HashMap<>();
    for (Setting s : Settings.ALL) {
      Object value = raw.containsKey(s.key()) ? coerce(s, raw.get(s.key())) : null;
      values.put(s.key(), value == null ? s.defaultValue() : value);
    }
    return validated(values, raw.keySet(), yamlFile, testMode);
  }

  /**
   * Checks each value that was given (defaults are valid), normalises, then checks the values that
   * depend on each other, as the original does for the base config and for every tenant's config.
   */
  static CoreConfig validated(
      Map<String, Object> values, Set<String> given, Path source, boolean testMode) {
    for (Setting s : Settings.ALL) {
      Object value = values.get(s.key());
      if (value != null && given.contains(s.key())) {
        String error = s.check().apply(value);
        if (error != null) {
          throw new ConfigException(error);
        }
      }
    }
    normalise(values);
    checkTogether(values, testMode);
    return new CoreConfig(values, source, testMode);
  }

  private static Map<String, Object> readYaml(Path file) {
    if (file == null) {
      return Map.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (doc == null) {
        return Map.of();
      }
      if (!(doc instanceof Map<?, ?> map)) {
        throw new ConfigException("config.yaml must be a map of keys to values: " + file);
      }
      Map<String, Object> result = new HashMap<>();
      map.forEach((k, v) -> result.put(String.valueOf(k), v));
      return result;
    } catch (IOException e) {
      throw new ConfigException("Cannot read the config file " + file + ": " + e.getMessage());
    } catch (MarkedYAMLException e) {
      // Only the problem and its position: the offending line may hold a password.
      throw new ConfigException(
          "config.yaml is not valid YAML: "
              + e.getProblem()
              + (e.getProblemMark() == null
                  ? ""
                  : " at line " + (e.getProblemMark().getLine() + 1)));
    } catch (YAMLException e) {
      throw new ConfigException("config.yaml is not valid YAML");
    }
  }

  /** Docker users quote values; the original strips one pair of quotes and unescapes. */
  static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value
          .substring(1, value.length() - 1)
          .replace("\\n", "\n")
          .replace("\\t", "\t")
          .replace("\\r", "\r")
          .replace("\\\"", "\"")
          .replace("\\'", "'")
          .replace("\\\\", "\\");
    }
    return value;
  }

  private static Object coerce(Setting s, Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value).trim();
    try {
      return switch (s.type()) {
        case STRING -> text.isEmpty() || text.equals("null") ? null : String.valueOf(value);
        case INT -> value instanceof Number n ? exactInt(n) : Integer.parseInt(text);
        case LONG -> value instanceof Number n ? exactLong(n) : Long.parseLong(text);
        case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
        case BOOLEAN -> parseBoolean(value, text);
      };
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ConfigException(
          "'" + s.key() + "' must be of type " + typeName(s.type()) + " in the config");
    }
  }

  private static Integer exactInt(Number n) {
    if (n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new NumberFormatException();
    }
    return Math.toIntExact(n.longValue());
  }

  private static Long exactLong(Number n) {
    if (n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new NumberFormatException();
    }
    return n.longValue();
  }

  private static Boolean parseBoolean(Object value, String text) {
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new NumberFormatException();
    };
  }

  private static String typeName(Setting.Type type) {
    return switch (type) {
      case STRING -> "string";
      case INT -> "int";
      case LONG -> "long";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
    };
  }

  private static void normalise(Map<String, Object> values) {
    values.put("base_path", normaliseBasePath((String) values.get("base_path")));
    String keys = (String) values.get("api_keys");
    if (keys != null) {
      String[] split = keys.replaceAll("\\s", "").split(",");
      Arrays.sort(split);
      values.put("api_keys", String.join(",", split));
    }
    values.put(
        "password_hashing_alg",
        ((String) values.get("password_hashing_alg")).toUpperCase(Locale.ROOT));
    values.put("log_level", ((String) values.get("log_level")).toUpperCase(Locale.ROOT));
  }

  static String normaliseBasePath(String path) {
    if (path == null) {
      return "";
    }
    String p = path.trim().replaceAll("/+", "/");
    if (p.isEmpty() || p.equals("/")) {
      return "";
    }
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static void checkTogether(Map<String, Object> v, boolean testMode) {
    double interval = (Double) v.get("access_token_dynamic_signing_key_update_interval");
    if (interval < (testMode ? 0.001 : 1)) {
      throw new ConfigException(
          "'access_token_dynamic_signing_key_update_interval' must be greater than, equal to 1"
              + " hour.");
    }
    double refreshMinutes = (Double) v.get("refresh_token_validity");
    long accessSeconds = (Long) v.get("access_token_validity");
    if (!testMode && refreshMinutes * 60 <= accessSeconds) {
      throw new ConfigException(
          "'refresh_token_validity' must be strictly greater than 'access_token_validity'.");
    }
    int gracePeriod = (Integer) v.get("refresh_token_rotation_grace_period");
    if (!testMode && (gracePeriod < 0 || gracePeriod > 300)) {
      throw new ConfigException(
          "'refresh_token_rotation_grace_period' must be between 0 and 300 seconds inclusive.");
    }
    String maxCdi = (String) v.get("supertokens_max_cdi_version");
    String minCdi = (String) v.get("supertokens_min_cdi_version");
    if (maxCdi != null && minCdi != null && compareVersions(minCdi, maxCdi) > 0) {
      throw new ConfigException(
          "supertokens_min_cdi_version cannot be greater than supertokens_max_cdi_version");
    }
    int argonPool = (Integer) v.get("argon2_hashing_pool_size");
    if (argonPool > (Integer) v.get("max_server_pool_size")) {
      throw new ConfigException(
          "'argon2_hashing_pool_size' needs to be >= 1 and <= 'max_server_pool_size'");
    }
    String secret = (String) v.get("supertokens_saas_secret");
    if (secret != null && v.get("api_keys") == null) {
      throw new ConfigException(
          "'supertokens_saas_secret' can only be used when 'api_key' is also specified");
    }
    String uri = (String) v.get("postgresql_connection_uri");
    if (uri != null && uri.startsWith("postgres://")) {
      throw new ConfigException(
          "'postgresql_connection_uri' must start with 'postgresql://', not 'postgres://'");
    }
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int order =
          new java.math.BigInteger(i < x.length ? x[i] : "0")
              .compareTo(new java.math.BigInteger(i < y.length ? y[i] : "0"));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
