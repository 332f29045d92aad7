package com.trustlens.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

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
  /** Treatment hazards of the attrition weights; null without weights. */
  final TreatmentHazards hazards;
  private final List<String> strata = new ArrayList<>();
  private final Map<String, Integer> strataIndex = new HashMap<>();
  // Per stratum, laid out [arm][cell][bucket]; changes per stratum and metric.
  private final List<double[]> counts = new ArrayList<>();
  private final List<double[]> weights = new ArrayList<>();
  private final List<double[][]> changes = new ArrayList<>();
  // Per stratum, attrition-weighted controls by horizon, laid out [cell][horizon][weight, changes...].
  private final Map<Integer, double[]> horizons = new HashMap<>();

  CellStatistics(StudyDesign design, int metrics, int buckets, TreatmentHazards hazards) {
    this.design = design;
    this.metrics = metrics;
    this.buckets = buckets;
    this.population = new double[buckets];
    this.hazards = hazards;
  }

  /** Reads the cell and horizon sums of the pass (streamed, never held as rows) into each treatment's statistics. */
  static void collect(Dataset<Row> cellSums, Dataset<Row> horizonSums, Map<String, CellStatistics> stats,
      List<String> metricNames) {
    Fields f = Fields.of(cellSums.schema(), metricNames);
    for (Iterator<Row> it = cellSums.toLocalIterator(); it.hasNext(); ) {
      Row r = it.next();
      CellStatistics s = stats.get(r.getString(f.treatment()));
      if (s != null) s.add(r, f);
    }
    Fields h = Fields.of(horizonSums.schema(), metricNames);
    for (Iterator<Row> it = horizonSums.toLocalIterator(); it.hasNext(); ) {
      Row r = it.next();
      CellStatistics s = stats.get(r.getString(h.treatment()));
      if (s != null) s.addHorizon(r, h);
    }
  }

  /** Positions of the pass's columns, looked up once per result rather than on each of its rows (-1: absent). */
  private record Fields(int treatment, int cohort, int period, int arm, int stratum, int bucket, int hz, int n, int w,
      int[] changes) {
    static Fields of(StructType schema, List<String> metricNames) {
      return new Fields(at(schema, "treatment"), at(schema, "cohort"), at(schema, "period"), at(schema, "arm"),
          at(schema, "stratum"), at(schema, "bucket"), at(schema, "hz"), at(schema, "n"), at(schema, "w"),
          metricNames.stream().mapToInt(m -> at(schema, SufficientStatistics.change(m))).toArray());
    }

    private static int at(StructType schema, String name) {
      return schema.getFieldIndex(name).isDefined() ? schema.fieldIndex(name) : -1;
    }
  }

  private void add(Row r, Fields f) {
    int bucket = r.getInt(f.bucket());
    if (bucket < 0 || bucket >= buckets) {
      throw new IllegalStateException("bucket " + bucket + " is outside [0, " + buckets + ")");
    }
    double n = r.getLong(f.n());
    String arm = r.getString(f.arm());
    if (arm.equals(SufficientStatistics.POPULATION)) {
      population[bucket] += n;
      return;
    }
    int cell = design.indexOf(r.getInt(f.cohort()), r.getInt(f.period()));
    int a = arm.equals(SufficientStatistics.CONTROL) ? CONTROL_ARM
        : Integer.parseInt(arm.substring(SufficientStatistics.DOSE.length()));
    int s = stratum(r.getString(f.stratum()));
    int at = offset(a, cell, bucket);
    counts.get(s)[at] += n;
    weights.get(s)[at] += r.getDouble(f.w());
    for (int m = 0; m < metrics; m++) {
      changes.get(s)[m][at] += r.getDouble(f.changes()[m]);
    }
  }

  private void addHorizon(Row r, Fields f) {
    int cell = design.indexOf(r.getInt(f.cohort()), r.getInt(f.period()));
    int s = stratum(r.getString(f.stratum()));
    int periods = design.periodCount();
    double[] h = horizons.computeIfAbsent(s, k -> new double[design.cells().size() * periods * (1 + metrics)]);
    int at = (cell * periods + r.getInt(f.hz())) * (1 + metrics);
    h[at] += r.getDouble(f.w());
    for (int m = 0; m < metrics; m++) {
      h[at + 1 + m] += r.getDouble(f.changes()[m]);
    }
  }

  /**
   * Summed weights (k = 0) or weighted change of metric k - 1 of the attrition-weighted controls of
   * a cell and stratum whose horizon is {@code horizon} (after g); 0 when none.
   */
  double horizonSum(int stratum, int cell, int horizon, int k) {
    double[] h = horizons.get(stratum);
    int periods = design.periodCount();
    return h == null || horizon >= periods ? 0 : h[(cell * periods + horizon) * (1 + metrics) + k];
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
