package com.trustlens.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * Named columns for {@code Dataset.withColumns}: adding a batch of columns in one projection
 * instead of a chain of {@code withColumn} calls, each of which re-analyses the whole plan.
 */
final class Columns {
  private Columns() {}

  /** Alternating names and columns, in order. */
  static Map<String, Column> of(Object... nameThenColumn) {
    Map<String, Column> out = new LinkedHashMap<>();
    for (int i = 0; i < nameThenColumn.length; i += 2) {
      out.put((String) nameThenColumn[i], (Column) nameThenColumn[i + 1]);
    }
    return out;
  }
}
