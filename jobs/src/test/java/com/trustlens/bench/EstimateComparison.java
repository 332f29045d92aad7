package com.trustlens.bench;

import static org.apache.spark.sql.functions.col;

import com.trustlens.estimate.ErosionEstimator;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.estimate.StudyDesign;
import com.trustlens.estimate.SufficientStatistics;
import java.sql.Date;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The estimate step four ways on the same Parquet panel and cohorts: TrustLens's whole estimator,
 * its one distributed pass alone, the naive per-cell port of the reference approach (on a spread
 * sample of cells, extrapolated to all), and DuckDB's SQL for the same group-time sums; each
 * engine's ATT(g,t) is checked against TrustLens's.
 */
final class EstimateComparison {
  /** Seconds and peak memory of one timed engine, with the largest |ATT difference| from TrustLens. */
  record Timed(double seconds, long peakHeapMiB, long peakAfterGcMiB, double maxDiff) {}

  /** One round of all four, and how many cells the naive port ran. */
  record Round(Timed estimator, Timed core, Timed naive, Timed duckdb, int naiveCells, int cells) {}

  private final SparkSession spark;
  private final EstimationSettings settings;
  private final String panelPath;
  private final String cohortsPath;
  private final String treatment;

  /**
   * @param settings the run's settings; attrition weights are switched off and no cell is
   *     suppressed, so that every engine computes the same estimand
   */
  EstimateComparison(SparkSession spark, EstimationSettings settings, String panelPath, String cohortsPath,
      String treatment) {
    this.spark = spark;
    EstimationSettings s = settings.withAttritionWeights(false);
    this.settings = new EstimationSettings(s.periods(), s.start(), s.periodCount(), s.controlGroup(), s.metrics(),
        s.prePeriods(), s.horizon(), s.confidence(), s.replicates(), s.seed(), s.buckets(), 0, s.bucketOf(), false, 0);
    this.panelPath = panelPath;
    this.cohortsPath = cohortsPath;
    this.treatment = treatment;
  }

  /** Copies a lake's panel and customer_cohorts (Delta) to Parquet folders, the input every engine reads. */
  static void exportLake(SparkSession spark, String lake, String panelPath, String cohortsPath) {
    spark.read().format("delta").load(lake + "/_internal/panel").write().mode("overwrite").parquet(panelPath);
    spark.read().format("delta").load(lake + "/customer_cohorts").write().mode("overwrite").parquet(cohortsPath);
  }

  Dataset<Row> panel() {
    return spark.read().parquet(panelPath);
  }

  Dataset<Row> cohorts() {
    return spark.read().parquet(cohortsPath).filter(col("treatment").equalTo(treatment));
  }

  StudyDesign design() {
    SufficientStatistics pass = new SufficientStatistics(settings);
    List<Integer> gs = pass.cohortIndexes(cohorts()).getOrDefault(treatment, List.of());
    return StudyDesign.plan(treatment, gs, settings.periodCount(), settings.controlGroup());
  }

  /** Runs the four engines once; the naive port on {@code naiveCells} cells spread over the design. */
  Round round(int naiveCells, int duckDbThreads) {
    StudyDesign design = design();
    GroupTimeCells cells = GroupTimeCells.of(design, settings);
    Map<String, double[]> reference = new HashMap<>();
    Timed estimator = timed(() -> {
      reference.putAll(trustLensAtts(new ErosionEstimator(settings).apply(panel(), cohorts(), Map.of())));
      return reference;
    }, null);
    Timed core = timed(() -> {
      new SufficientStatistics(settings).apply(panel(), cohorts(), Map.of(treatment, design), Map.of())
          .write().format("noop").mode("overwrite").save();
      return null;
    }, null);
    List<GroupTimeCells.Cell> sample = cells.spread(naiveCells);
    Timed naive = timed(() -> naiveAtts(sample), reference);
    Timed duckdb = timed(() -> duckDbAtts(cells, duckDbThreads), reference);
    double scale = (double) cells.size() / Math.max(1, sample.size());
    Timed naiveAll = new Timed(naive.seconds() * scale, naive.peakHeapMiB(), naive.peakAfterGcMiB(), naive.maxDiff());
    return new Round(estimator, core, naiveAll, duckdb, sample.size(), cells.size());
  }

  /** TrustLens's ATT(g,t) of breakdown "all", per metric, keyed "g,t" (period indexes). */
  Map<String, double[]> trustLensAtts(ErosionEstimator.Result r) {
    Map<Date, Integer> index = new HashMap<>();
    for (int i = 0; i < settings.periodCount(); i++) index.put(Date.valueOf(settings.periodAt(i)), i);
    List<String> metrics = settings.metrics();
    Map<String, double[]> out = new HashMap<>();
    // erosion_att_gt is built on the driver: its size is cells x metrics x breakdowns, not customers.
    for (Row row : r.attGt().filter(col("breakdown").equalTo("all").and(col("treatment").equalTo(treatment)))
        .select("cohort_period", "period", "metric", "att").collectAsList()) {
      String key = index.get(row.getDate(0)) + "," + index.get(row.getDate(1));
      double[] v = out.computeIfAbsent(key, k -> filled(metrics.size()));
      v[metrics.indexOf(row.getString(2))] = row.isNullAt(3) ? Double.NaN : row.getDouble(3);
    }
    return out;
  }

  Map<String, double[]> naiveAtts(List<GroupTimeCells.Cell> sample) {
    NaiveGroupTimeBaseline naive = new NaiveGroupTimeBaseline(panel(), cohorts(), settings.metrics());
    Map<String, double[]> out = new HashMap<>();
    for (GroupTimeCells.Cell c : sample) {
      out.put(c.g() + "," + c.t(), naive.cell(c.g(), c.t(), c.gDate(), c.tDate(), c.baseDate()).att());
    }
    return out;
  }

  Map<String, double[]> duckDbAtts(GroupTimeCells cells, int threads) {
    try (DuckDbGroupTime duck = new DuckDbGroupTime(threads)) {
      return duck.atts(panelPath + "/*.parquet", cohortsPath + "/*.parquet", treatment, cells, settings.metrics(),
          Date.valueOf(settings.start()), settings.buckets());
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB query failed: " + e.getMessage(), e);
    }
  }

  /** Largest |a - b| over the cells and metrics of {@code other}; infinite when a cell is missing or NaN on one side. */
  static double maxDiff(Map<String, double[]> reference, Map<String, double[]> other) {
    double max = 0;
    for (Map.Entry<String, double[]> e : other.entrySet()) {
      double[] ref = reference.get(e.getKey());
      for (int i = 0; i < e.getValue().length; i++) {
        double a = ref == null ? Double.NaN : ref[i];
        double b = e.getValue()[i];
        if (Double.isNaN(a) && Double.isNaN(b)) continue;
        max = Math.max(max, Double.isNaN(a) || Double.isNaN(b) ? Double.POSITIVE_INFINITY : Math.abs(a - b));
      }
    }
    return max;
  }

  private static double[] filled(int n) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, Double.NaN);
    return v;
  }

  private static Timed timed(Supplier<Map<String, double[]>> work, Map<String, double[]> reference) {
    try (MemoryWatch memory = new MemoryWatch()) {
      long t0 = System.nanoTime();
      Map<String, double[]> atts = work.get();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double diff = reference == null || atts == null ? 0 : maxDiff(reference, atts);
      return new Timed(seconds, memory.peakUsedMiB(), memory.peakAfterGcMiB(), diff);
    }
  }
}
