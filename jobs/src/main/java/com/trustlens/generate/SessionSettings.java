package com.trustlens.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL settings the generator runs under, set for the duration of a run and then restored.
 * Its queries are long chains of hash-heavy expressions, for which whole-stage code generation
 * makes methods too large for HotSpot to compile (over 8,000 bytes of bytecode; they then run
 * interpreted, several times slower): Spark's documentation advises this limit on HotSpot, above
 * which it generates code operator by operator instead.
 */
final class SessionSettings {
  static final Map<String, String> GENERATOR = Map.of("spark.sql.codegen.hugeMethodLimit", "8000");

  private SessionSettings() {}

  /** Runs {@code work} with {@link #GENERATOR} set on the session, restoring the previous values after. */
  static <T> T with(SparkSession spark, Supplier<T> work) {
    Map<String, String> previous = new LinkedHashMap<>();
    GENERATOR.forEach((k, v) -> {
      previous.put(k, spark.conf().contains(k) ? spark.conf().get(k) : null);
      spark.conf().set(k, v);
    });
    try {
      return work.get();
    } finally {
      previous.forEach((k, v) -> {
        if (v == null) {
          spark.conf().unset(k);
        } else {
          spark.conf().set(k, v);
        }
      });
    }
  }
}
