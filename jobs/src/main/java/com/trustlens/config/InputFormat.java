package com.trustlens.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** File formats an input can be read from; json means JSON lines. */
public enum InputFormat {
  CSV, JSON, PARQUET, DELTA;

  @JsonValue
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
