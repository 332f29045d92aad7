package com.trustlens.audit;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The short-term sums of one target campaign on the driver, per customer bucket (rows of {@link
 * ShortTermPass}: campaigns x buckets, whatever the number of customers).
 */
final class ShortTermSums {
  private static final List<String> COLUMNS = ShortTermPass.columns();

  private final double[][] values;
  private long baselineCustomers;

  private ShortTermSums(int buckets) {
    values = new double[COLUMNS.size()][buckets];
  }

  /** Reads the pass's rows (streamed) into sums per target campaign. */
  static Map<String, ShortTermSums> collect(Dataset<Row> rows, int buckets) {
    Map<String, ShortTermSums> out = new HashMap<>();
    Iterator<Row> it = rows.toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      ShortTermSums s = out.computeIfAbsent(r.getAs("target"), k -> new ShortTermSums(buckets));
      int bucket = r.<Integer>getAs("bucket");
      for (int c = 0; c < COLUMNS.size(); c++) {
        s.values[c][bucket] += ((Number) r.getAs(COLUMNS.get(c))).doubleValue();
      }
      s.baselineCustomers += r.<Long>getAs("customers_b");
    }
    return out;
  }

  double[] column(String name) {
    return values[COLUMNS.indexOf(name)];
  }

  long total(String name) {
    return Math.round(RateDifference.sum(column(name)));
  }

  long baselineCustomers() {
    return baselineCustomers;
  }

  /** A response's rate against the baseline's (opened, clicked or revenue). */
  RateDifference difference(String response) {
    return RateDifference.of(column("recipients"), column(response), column("deliveries_b"), column(response + "_b"));
  }

  /** Buckets holding a recipient or a baseline customer. */
  int occupiedBuckets() {
    double[] n = column("recipients");
    double[] nBase = column("deliveries_b");
    int k = 0;
    for (int b = 0; b < n.length; b++) {
      if (n[b] > 0 || nBase[b] > 0) k++;
    }
    return k;
  }
}
