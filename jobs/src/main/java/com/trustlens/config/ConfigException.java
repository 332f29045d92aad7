package com.trustlens.config;

/** A configuration error, naming the key at fault; the CLI maps it to exit code 2. */
public class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    super(key == null ? message : key + ": " + message);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
