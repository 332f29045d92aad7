package com.trustlens.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the table schemas shipped from schemas/ (packaged on the classpath under /schemas). */
public final class Schemas {
  /** Layers in flow order; file names under each are listed in {@link #TABLES}. */
  public static final List<String> LAYERS = List.of("input", "silver", "internal", "output");

  /** Tables per layer, in the order the docs show them. */
  public static final Map<String, List<String>> TABLES = Map.of(
      "input", List.of("customers", "campaigns", "exposures", "events"),
      "silver", List.of("customers", "campaigns", "exposures", "events"),
      "internal", List.of("panel", "class_sums", "ingest_log"),
      "output", List.of("campaign_deception", "customer_cohorts", "trust_metrics", "erosion_att_gt", "erosion_curve",
          "erosion_aggregates", "erosion_summary", "survival_curve", "survival_test", "campaign_impact", "runs",
          "quarantine"));

  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private static final Map<String, TableSchema> CACHE = new ConcurrentHashMap<>();

  private Schemas() {}

  public static TableSchema input(String table) {
    return load("input", table);
  }

  public static TableSchema silver(String table) {
    return load("silver", table);
  }

  public static TableSchema output(String table) {
    return load("output", table);
  }

  public static TableSchema internal(String table) {
    return load("internal", table);
  }

  /** The schema file schemas/{layer}/{table}.json. */
  public static TableSchema load(String layer, String table) {
    return CACHE.computeIfAbsent(layer + "/" + table, k -> read(k));
  }

  private static TableSchema read(String relative) {
    String resource = "/schemas/" + relative + ".json";
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema file schemas/" + relative + ".json");
      }
      return JSON.readValue(in, TableSchema.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schemas/" + relative + ".json: " + e.getMessage(), e);
    }
  }
}
