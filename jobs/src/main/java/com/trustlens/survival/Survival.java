package com.trustlens.survival;

import com.trustlens.config.Analysis;
import com.trustlens.config.ControlGroup;
import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The survival step: from customer_cohorts and silver events to the survival_curve and
 * survival_test tables. Subjects and their counts stay in Spark; only the per-day counts come to
 * the driver, where the statistics are computed.
 */
public final class Survival {
  /** The two tables and the comparisons behind survival_test (for the run's summary). */
  public record Result(Dataset<Row> curve, Dataset<Row> test, List<SurvivalComparison> comparisons) {}

  private final Analysis analysis;
  private final ControlGroup controls;

  public Survival(Analysis analysis) {
    this.analysis = analysis;
    this.controls = SurvivalSubjects.controlsFor(analysis.controlGroup());
  }

  /** The subject rows (one per followed customer and outcome), for the cross-check against R. */
  Dataset<Row> subjects(Dataset<Row> cohorts, Dataset<Row> events) {
    return new SurvivalSubjects(analysis.zone(), analysis.start(), analysis.end(), controls, SurvivalOutcome.ALL)
        .apply(cohorts, events);
  }

  /**
   * @param cohorts customer_cohorts rows
   * @param events silver events
   */
  public Result apply(Dataset<Row> cohorts, Dataset<Row> events) {
    boolean stratified = !analysis.strata().isEmpty();
    List<Row> counts = new SurvivalCounts(stratified).apply(subjects(cohorts, events)).collectAsList();
    return fromCounts(cohorts.sparkSession(), counts);
  }

  private Result fromCounts(SparkSession spark, List<Row> counts) {
    Map<SurvivalTables.CurveKey, RiskTable> tables = SurvivalTables.riskTables(counts);
    SurvivalTables out = new SurvivalTables(analysis.confidence(), analysis.survivalHorizonDays(),
        analysis.minCellSize(), controls.key());
    List<SurvivalComparison> comparisons = out.comparisons(tables, !analysis.strata().isEmpty());
    TableSchema curve = Schemas.output("survival_curve");
    TableSchema test = Schemas.output("survival_test");
    return new Result(
        curve.conform(spark.createDataFrame(out.curveRows(curve, tables), curve.structType())),
        test.conform(spark.createDataFrame(out.testRows(test, comparisons), test.structType())),
        comparisons);
  }
}
