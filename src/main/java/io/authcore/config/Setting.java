package io.authcore.config;

import java.util.function.Function;

/**
 * One configuration option: its config.yaml key, the environment variable that overrides it, its
 * type and default, a check that returns an error message or null, and where else than config.yaml
 * it may be set (a tenant's {@code coreConfig}).
 */
public record Setting(
    String key,
    String env,
    Type type,
    Object defaultValue,
    Function<Object, String> check,
    Scope scope) {

  public enum Type {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN
  }

  /** Where the original lets an option be set, from its CoreConfig annotations. */
  public enum Scope {
    /** config.yaml and the environment only ({@code @ConfigYamlOnly}): refused in coreConfig. */
    YAML_ONLY,
    /** Per app or connection-URI domain, equal for every tenant of an app. */
    APP,
    /** Per tenant. */
    TENANT,
    /**
     * A PostgreSQL plugin option: in the original it selects another user pool. Authcore keeps
     * every app in the base database, so coreConfig may only repeat the base value.
     */
    STORAGE
  }

  static Setting of(String key, Type type, Object defaultValue) {
    return new Setting(
        key,
        key.toUpperCase(java.util.Locale.ROOT),
        type,
        defaultValue,
        v -> null,
        Scope.YAML_ONLY);
  }

  Setting env(String name) {
    return new Setting(key, name, type, defaultValue, check, scope);
  }

  Setting check(Function<Object, String> newCheck) {
    return new Setting(key, env, type, defaultValue, newCheck, scope);
  }

  Setting app() {
    return new Setting(key, env, type, defaultValue, check, Scope.APP);
  }

  Setting tenant() {
    return new Setting(key, env, type, defaultValue, check, Scope.TENANT);
  }

  Setting storage() {
    return new Setting(key, env, type, defaultValue, check, Scope.STORAGE);
  }
}
