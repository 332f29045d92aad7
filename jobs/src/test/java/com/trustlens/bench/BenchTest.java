package com.trustlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.config.PeriodUnit;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's estimate comparison on a tiny hand-made panel: the naive per-cell port and
 * DuckDB give TrustLens's ATT(g,t) to rounding, and the results come out as a table.
 */
@ExtendWith(SharedSpark.class)
class BenchTest {
  private static final LocalDate START = LocalDate.of(2025, 1, 6);
  private static final int PERIODS = 4;
  private final SparkSession spark;

  BenchTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void naivePortAndDuckDbGiveTrustLensGroupTimeEffects(@TempDir Path dir) {
    String panel = dir.resolve("panel").toString();
    String cohorts = dir.resolve("cohorts").toString();
    writeWorld(panel, cohorts);
    EstimateComparison comparison = new EstimateComparison(spark, settings(), panel, cohorts, "deceptive_mail");

    EstimateComparison.Round round = comparison.round(6, 1);

    // Cohorts 2 and 3 over periods 1..3 (cohort 0 is dropped: no base period): 6 cells, all run.
    assertEquals(6, round.cells());
    assertEquals(6, round.naiveCells());
    assertTrue(round.naive().maxDiff() < 1e-9, "naive port differs from TrustLens by " + round.naive().maxDiff());
    assertTrue(round.duckdb().maxDiff() < 1e-9, "DuckDB differs from TrustLens by " + round.duckdb().maxDiff());
  }

  @Test
  void maxDiffSeesAMissingOrDifferentCell() {
    Map<String, double[]> ref = Map.of("2,3", new double[] {1.0, 2.0});
    assertEquals(0.5, EstimateComparison.maxDiff(ref, Map.of("2,3", new double[] {1.5, 2.0})), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, EstimateComparison.maxDiff(ref, Map.of("4,5", new double[] {1.0, 2.0})));
  }

  @Test
  void progressLinesAddUpIntoBenchmarkSteps() {
    Map<String, Double> s = PipelineTimer.bySteps(List.of(
        "INFO ingest events                6,203 rows, 13 quarantined, 35 duplicates (7.2 s)",
        "INFO silver events                6,114 rows (2.0 s)",
        "INFO panel                        4,800 customer x period rows (3.5 s)",
        "INFO trust_metrics                576 rows (1.5 s)",
        "INFO class sums                   1,204 class x period rows from the panel (0.7 s)",
        "INFO estimate                     deceptive_mail: 4 cohorts, 32 cells, 400 customers in 256 buckets (2.1 s)",
        "INFO publish erosion tables       616 ATT(g,t) rows and their curve, aggregates, summary (4.0 s)",
        "INFO   deceptive_mail churn: 209 exposed vs 259 controls"));
    assertEquals(9.2, s.get("ingest"), 1e-9);
    assertEquals(5.0, s.get("panel"), 1e-9);
    assertEquals(4.0, s.get("publish"), 1e-9);
    assertEquals(2.8, s.get("estimate"), 1e-9);
    assertEquals(0.0, s.get("audit"), 1e-9);
  }

  @Test
  void resultsTableShowsMedianAndSpreadAndTheTargets() {
    ResultsTable table = new ResultsTable();
    table.add(new Measurement("c1-k4", 1000, 52, 4, 10_000, TargetReport.E2E, List.of(3.0, 1.0, 2.0), 100, 50, "x"));
    table.add(new Measurement("c1-k52", 1000, 52, 52, 10_000, TargetReport.E2E, List.of(2.4, 2.6), 100, 50, "y"));
    assertTrue(table.markdown().contains("| c1-k4 | 1,000 | 52 | 4 | 10,000 | end to end | 3 | 2.00 | 1.00 | 3.00 |"),
        table.markdown());
    assertTrue(table.csv().startsWith("dataset,customers,weeks"));
    assertTrue(new TargetReport(table.rows()).markdown().contains("| 52 vs 4 cohorts within 1.3x (end to end, 1000 customers) | 1.25x | yes |"));
  }

  private static EstimationSettings settings() {
    return new EstimationSettings(new Periods(PeriodUnit.WEEK, ZoneId.of("Europe/Paris")), START, PERIODS,
        ControlGroup.NOT_YET_TREATED, List.of("revenue", "opened"), 2, 2, 0.95, 99, 7, 8, 0,
        EstimationSettings.hashedBucket(8, 7), false, 0);
  }

  // 60 customers: cohorts 0, 2, 3 and never (one treated before the window), some exits, noisy revenue with an effect.
  private void writeWorld(String panelPath, String cohortsPath) {
    Random r = new Random(5);
    Integer[] cohortOf = {0, 2, 3, null, null, -1};
    List<Row> panel = new ArrayList<>();
    List<Row> cohorts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String key = String.format("k%02d", i);
      Integer g = cohortOf[i % cohortOf.length];
      Integer exit = r.nextDouble() < 0.2 ? r.nextInt(PERIODS) : null;
      for (int t = 0; t < PERIODS; t++) {
        double y = 10 + t + 3 * r.nextGaussian() - (g != null && t >= g ? 2 : 0);
        panel.add(RowFactory.create(key, week(t), y, y > 10 ? 1 : 0));
      }
      cohorts.add(RowFactory.create("deceptive_mail", key, g == null ? null : week(g), null, g == null ? null : "c" + g,
          g == null ? 0 : 1, exit == null ? null : week(exit), null, null, "all"));
    }
    StructType panelSchema = new StructType().add("customer_key", DataTypes.StringType).add("period", DataTypes.DateType)
        .add("revenue", DataTypes.DoubleType).add("opened", DataTypes.IntegerType);
    spark.createDataFrame(panel, panelSchema).coalesce(1).write().parquet(panelPath);
    spark.createDataFrame(cohorts, Schemas.output("customer_cohorts").structType()).coalesce(1).write().parquet(cohortsPath);
  }

  private static Date week(int index) {
    return Date.valueOf(START.plusWeeks(index));
  }
}
