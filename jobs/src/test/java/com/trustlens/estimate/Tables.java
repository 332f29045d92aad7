package com.trustlens.estimate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads small result tables in tests. */
final class Tables {
  private Tables() {}

  /** Rows of a result table matching breakdown and metric. */
  static List<Row> rows(Dataset<Row> table, String breakdown, String metric) {
    return table.collectAsList().stream()
        .filter(r -> r.getAs("breakdown").equals(breakdown) && r.getAs("metric").equals(metric)).toList();
  }

  /** ATT(g,t) of erosion_att_gt keyed "g,t" with g and t as period indexes of the world. */
  static Map<String, Row> byCell(Dataset<Row> attGt, String breakdown, String metric) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : rows(attGt, breakdown, metric)) {
      out.put(index(r.getAs("cohort_period")) + "," + index(r.getAs("period")), r);
    }
    return out;
  }

  static Row only(List<Row> rows, Predicate<Row> which) {
    List<Row> found = rows.stream().filter(which).toList();
    if (found.size() != 1) throw new AssertionError("expected one row, found " + found.size() + ": " + found);
    return found.get(0);
  }

  private static long index(java.sql.Date d) {
    return java.time.temporal.ChronoUnit.WEEKS.between(World.START, d.toLocalDate());
  }
}
