package io.authcore.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable configuration of one Authcore process. Built by {@link ConfigLoader}.
 */
public final class CoreConfig {
  private final Map<String, Object> values;
  private final Path source;
  private final boolean testMode;
  // Read on every request that needs a key: split once, the config never changes.
  private final List<String> apiKeys;

  CoreConfig(Map<String, Object> values, Path source, boolean testMode) {
    this.values = Collections.unmodifiableMap(values);
    this.source = source;
    this.testMode = testMode;
    String keys = (String) values.get("api_keys");
    this.apiKeys = keys == null ? List.of() : List.of(keys.split(","));
  }

  /** The defaults alone, as if config.yaml were empty and no variable were set. */
  public static CoreConfig defaults() {
    return ConfigLoader.load(null, Map.of(), Map.of(), false);
  }

  /** Every value by key, for building a tenant's configuration on top of this one. */
  Map<String, Object> values() {
    return values;
  }

  public Object get(String key) {
    if (!Settings.BY_KEY.containsKey(key)) {
      throw new IllegalArgumentException("unknown setting " + key);
    }
    return values.get(key);
  }

  public String string(String key) {
    return (String) get(key);
  }

  public Optional<String> optionalString(String key) {
    return Optional.ofNullable(string(key));
  }

  public int integer(String key) {
    return (Integer) get(key);
  }

  public long longValue(String key) {
    return (Long) get(key);
  }

  public double decimal(String key) {
    return (Double) get(key);
  }

  public boolean bool(String key) {
    return (Boolean) get(key);
  }

  public String host() {
    return string("host");
  }

  public int port() {
    return integer("port");
  }

  /** Normalised: empty, or a leading slash and no trailing one. */
  public String basePath() {
    return string("base_path");
  }

  /** Sorted, whitespace stripped; empty when no key is configured. */
  public List<String> apiKeys() {
    return apiKeys;
  }

  /** The config.yaml that was read, if any. */
  public Optional<Path> source() {
    return Optional.ofNullable(source);
  }

  /** The original's {@code test_mode} start argument: relaxes a few limits, nothing else. */
  public boolean testMode() {
    return testMode;
  }

  /** PostgreSQL is used when any of the settings that name a database is present. */
  public boolean usesPostgres() {
    return values.get("postgresql_connection_uri") != null
        || values.get("postgresql_user") != null
        || values.get("postgresql_password") != null;
  }
}
