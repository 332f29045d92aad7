package com.trustlens.estimate;

import com.trustlens.config.ControlGroup;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Estimates the erosion (SPEC §6) from the panel and customer_cohorts: one distributed pass to
 * the sufficient statistics, then per treatment, breakdown and metric the group-time effects, their
 * aggregations, inference and tests on the driver. Returns the rows of erosion_att_gt,
 * erosion_curve, erosion_aggregates and erosion_summary, and notes worth a line in the run's log.
 */
public final class ErosionEstimator {
  private final EstimationSettings settings;

  public ErosionEstimator(EstimationSettings settings) {
    this.settings = settings;
  }

  /** The four tables and what the log should say (dropped cohorts, strata without controls, SRM). */
  public record Result(Dataset<Row> attGt, Dataset<Row> curve, Dataset<Row> aggregates, Dataset<Row> summary,
      List<String> notes, List<String> warnings) {}

  /**
   * @param panel rows of the panel
   * @param cohorts rows of customer_cohorts
   * @param srm sample-ratio check per treatment (absent treatments: no holdout shares declared)
   */
  public Result apply(Dataset<Row> panel, Dataset<Row> cohorts, Map<String, SampleRatioMismatch.Result> srm) {
    // Read twice (cell sums, then the controls' sums by horizon): computed once. The result's
    // tables are built on the driver, so they outlive the cache.
    Dataset<Row> classSums = new ClassSums(settings, settings.metrics()).of(panel, cohorts)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      return fromClassSums(classSums, cohorts, srm);
    } finally {
      classSums.unpersist();
    }
  }

  /**
   * As {@link #apply}, from the panel's class sums (the stored table of a run).
   *
   * @param classSums rows of {@link ClassSums} built from customer_cohorts and holding the settings' metrics
   */
  public Result fromClassSums(Dataset<Row> classSums, Dataset<Row> cohorts,
      Map<String, SampleRatioMismatch.Result> srm) {
    SufficientStatistics pass = new SufficientStatistics(settings);
    Map<String, StudyDesign> designs = new LinkedHashMap<>();
    pass.cohortIndexes(cohorts).forEach((treatment, gs) ->
        designs.put(treatment, StudyDesign.plan(treatment, gs, settings.periodCount(), settings.controlGroup())));
    Map<String, TreatmentHazards> hazards = settings.attritionWeights()
        ? new AttritionWeights(settings).hazards(cohorts) : AttritionWeights.none();
    Map<String, CellStatistics> stats = pass.collect(classSums, designs, hazards);

    List<Date> periods = new ArrayList<>();
    for (int i = 0; i < settings.periodCount(); i++) periods.add(Date.valueOf(settings.periodAt(i)));
    OutputTable attGt = new OutputTable("erosion_att_gt");
    OutputTable curve = new OutputTable("erosion_curve");
    OutputTable aggregates = new OutputTable("erosion_aggregates");
    OutputTable summary = new OutputTable("erosion_summary");
    MultiplierBootstrap bootstrap = new MultiplierBootstrap(settings.replicates(), settings.buckets(), settings.seed());
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (CellStatistics s : stats.values()) {
      Inference inference = new Inference(s.occupiedBuckets(), settings.confidence());
      ErosionRows rows = new ErosionRows(settings, s.design, inference, periods, attGt, curve, aggregates);
      SampleRatioMismatch.Result check = srm.get(s.design.treatment());
      SummaryRows summaries = new SummaryRows(settings, s.design, inference, periods, check, summary);
      EventStudy study = new EventStudy(settings, s, bootstrap, inference);
      for (Breakdown b : Breakdown.of(s.strata())) {
        for (int m = 0; m < settings.metrics().size(); m++) {
          EventStudy.Result r = study.run(b, m);
          rows.write(b.name(), settings.metrics().get(m), r);
          summaries.add(b.name(), settings.metrics().get(m), r);
        }
        summaries.flush();
      }
      describe(s, check, periods, notes, warnings);
    }
    SparkSession spark = cohorts.sparkSession();
    return new Result(attGt.toDataset(spark), curve.toDataset(spark), aggregates.toDataset(spark),
        summary.toDataset(spark), notes, warnings);
  }

  private void describe(CellStatistics s, SampleRatioMismatch.Result srm, List<Date> periods, List<String> notes,
      List<String> warnings) {
    String t = s.design.treatment();
    notes.add(String.format(java.util.Locale.ROOT, "%s: %d cohorts, %d cells, %,.0f customers in %d buckets", t,
        s.design.cohorts().size(), s.design.cells().size(), s.customers(), s.occupiedBuckets()));
    if (!s.design.dropped().isEmpty()) {
      notes.add(t + ": cohorts " + s.design.dropped().stream().map(periods::get).toList()
          + " dropped: no period before them to measure a change from");
    }
    if (settings.controlGroup() == ControlGroup.HOLDOUT && s.design.cohorts().isEmpty()) {
      warnings.add(t + ": control_group holdout, but no cohort could be estimated");
    }
    if (srm != null) {
      String line = String.format(java.util.Locale.ROOT, "%s: sample-ratio check over %d campaigns: chi2 %.2f, p %.3g",
          t, srm.campaigns(), srm.chiSquare(), srm.pValue());
      if (srm.flagged()) {
        warnings.add(line + " < " + SampleRatioMismatch.FLAG_BELOW + ": the holdout assignment looks broken");
      } else {
        notes.add(line);
      }
    }
  }
}
