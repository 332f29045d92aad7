package com.trustlens.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sufficient statistics of one treatment on the driver: for every cell, arm (controls, then
 * doses 1, 2, 3+), stratum and bucket, the customer count, their summed weights and the weighted sum
 * of each metric's change. Memory: 8 bytes x (2 + metrics) x cells x 4 x strata x buckets.
 */
final class CellStatistics {
  static final int ARMS = 1 + SufficientStatistics.MAX_DOSE;
  static final int CONTROL_ARM = 0;

  final StudyDesign design;
  final int metrics;
  final int buckets;
  final double[] population;
  private final List<String> strata = new ArrayList<>();
  private final Map<String, Integer> strataIndex = new HashMap<>();
  // Per stratum, laid out [arm][cell][bucket]; changes per stratum and metric.
  private final List<double[]> counts = new ArrayList<>();
  private final List<double[]> weights = new ArrayList<>();
  private final List<double[][]> changes = new ArrayList<>();

  CellStatistics(StudyDesign design, int metrics, int buckets) {
    this.design = design;
    this.metrics = metrics;
    this.buckets = buckets;
    this.population = new double[buckets];
  }

  /** Reads the rows of {@link SufficientStatistics#apply} (streamed, never held as rows), per treatment. */
  static Map<String, CellStatistics> collect(Dataset<Row> sums, Map<String, StudyDesign> designs, List<String> metrics,
      int buckets) {
    Map<String, CellStatistics> out = new HashMap<>();
    designs.forEach((t, d) -> out.put(t, new CellStatistics(d, metrics.size(), buckets)));
    Iterator<Row> it = sums.toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      CellStatistics s = out.get(r.getString(r.fieldIndex("treatment")));
      if (s != null) s.add(r, metrics);
    }
    return out;
  }

  private void add(Row r, List<String> metricNames) {
    int bucket = r.getInt(r.fieldIndex("bucket"));
    if (bucket < 0 || bucket >= buckets) {
      throw new IllegalStateException("bucket " + bucket + " is outside [0, " + buckets + ")");
    }
    double n = r.getLong(r.fieldIndex("n"));
    String arm = r.getString(r.fieldIndex("arm"));
    if (arm.equals(SufficientStatistics.POPULATION)) {
      population[bucket] += n;
      return;
    }
    int cell = design.indexOf(r.getInt(r.fieldIndex("cohort")), r.getInt(r.fieldIndex("period")));
    int a = arm.equals(SufficientStatistics.CONTROL) ? CONTROL_ARM
        : Integer.parseInt(arm.substring(SufficientStatistics.DOSE.length()));
    int s = stratum(r.getString(r.fieldIndex("stratum")));
    int at = offset(a, cell, bucket);
    counts.get(s)[at] += n;
    weights.get(s)[at] += r.getDouble(r.fieldIndex("w"));
    for (int m = 0; m < metrics; m++) {
      changes.get(s)[m][at] += r.getDouble(r.fieldIndex(SufficientStatistics.change(metricNames.get(m))));
    }
  }

  private int stratum(String name) {
    Integer i = strataIndex.get(name);
    if (i != null) return i;
    int size = ARMS * design.cells().size() * buckets;
    strataIndex.put(name, strata.size());
    strata.add(name);
    counts.add(new double[size]);
    weights.add(new double[size]);
    changes.add(new double[metrics][size]);
    return strata.size() - 1;
  }

  private int offset(int arm, int cell, int bucket) {
    return (arm * design.cells().size() + cell) * buckets + bucket;
  }

  List<String> strata() {
    return List.copyOf(strata);
  }

  /** Customers of an arm in a cell, stratum and bucket. */
  double count(int stratum, int arm, int cell, int bucket) {
    return counts.get(stratum)[offset(arm, cell, bucket)];
  }

  /** Summed weights of an arm in a cell, stratum and bucket (the count but for attrition-weighted controls). */
  double weight(int stratum, int arm, int cell, int bucket) {
    return weights.get(stratum)[offset(arm, cell, bucket)];
  }

  /** Weighted sum of the metric's change of an arm in a cell, stratum and bucket. */
  double change(int stratum, int metric, int arm, int cell, int bucket) {
    return changes.get(stratum)[metric][offset(arm, cell, bucket)];
  }

  /** Buckets holding at least one customer: the clusters the variance is estimated from. */
  int occupiedBuckets() {
    int k = 0;
    for (double p : population) {
      if (p > 0) k++;
    }
    return k;
  }

  double customers() {
    double n = 0;
    for (double p : population) n += p;
    return n;
  }
}
