package com.trustlens.config;

import java.util.Map;

/** Spark master and extra settings for sessions TrustLens builds itself. */
public record SparkSettings(String master, Map<String, String> conf) {
  public SparkSettings {
    conf = conf == null ? Map.of() : Map.copyOf(conf);
  }
}
