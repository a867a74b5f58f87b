package io.authcore.config;

import java.util.function.Function;

/**
 * One configuration option: its config.yaml key, the environment variable that overrides it, its
 * type and default, and a check that returns an error message or null.
 */
public record Setting(
    String key, String env, Type type, Object defaultValue, Function<Object, String> check) {

  public enum Type {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN
  }

  static Setting of(String key, Type type, Object defaultValue) {
    return new Setting(key, key.toUpperCase(java.util.Locale.ROOT), type, defaultValue, v -> null);
  }

  Setting env(String name) {
    return new Setting(key, name, type, defaultValue, check);
  }

  Setting check(Function<Object, String> newCheck) {
    return new Setting(key, env, type, defaultValue, newCheck);
  }
}
