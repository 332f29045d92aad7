package com.trustlens.survival;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.trustlens.cohort.PanelCustomers;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The event-time counts every survival statistic needs, aggregated in Spark: per treatment,
 * outcome, arm, stratum and day, the customers at risk, the outcomes and the censorings. Its size
 * grows with days and strata, never with customers, so it is the only thing the driver reads.
 */
public final class SurvivalCounts {
  private final boolean stratified;

  /** @param stratified whether analysis.strata is set: then the counts over all strata (stratum 'all') are added */
  public SurvivalCounts(boolean stratified) {
    this.stratified = stratified;
  }

  /**
   * @param subjects rows of {@link SurvivalSubjects}
   * @return rows (treatment, outcome, arm, stratum, day, at_risk, events, censored), one per day
   *     with at least one outcome or censoring
   */
  public Dataset<Row> apply(Dataset<Row> subjects) {
    Dataset<Row> byStratum = subjects.groupBy("treatment", "outcome", "arm", "stratum", "day")
        .agg(sum(col("event")).cast("long").as("events"), sum(lit(1).minus(col("event"))).cast("long").as("censored"));
    Dataset<Row> counts = byStratum;
    if (stratified) {
      Dataset<Row> overall = byStratum.groupBy("treatment", "outcome", "arm", "day")
          .agg(sum("events").as("events"), sum("censored").as("censored"))
          .withColumn("stratum", lit(PanelCustomers.ALL));
      counts = byStratum.unionByName(overall);
    }
    // At risk on day t: everybody whose follow-up reaches t, the sum of exits from t onwards.
    WindowSpec fromDayOn = Window.partitionBy("treatment", "outcome", "arm", "stratum").orderBy(col("day").desc())
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return counts
        .withColumn("at_risk", sum(col("events").plus(col("censored"))).over(fromDayOn))
        .select("treatment", "outcome", "arm", "stratum", "day", "at_risk", "events", "censored");
  }
}
