package io.authcore.config;

/** A configuration value that stops startup; the message names the key, as the original's does. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
