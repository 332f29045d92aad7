package com.trustlens.survival;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Matches each possible control to one exposure day, so that no customer counts twice as a
 * control: a fixed hash of (treatment, customer) draws a number in [0, 1) that picks a day of
 * the customer's stratum with probability equal to the share of that stratum's exposed customers
 * first exposed that day. The control arm then starts its clocks on the same calendar days, in
 * the same proportions, as the exposed arm. A control drawn to a day on which it was no longer
 * reachable (or already treated) is not followed: the eligibility rule applied on that day.
 */
final class ControlMatching {
  /** Keeps this draw independent of any other hash of customer keys. */
  private static final String SALT = "trustlens-survival-control-day";
  private static final long DRAW_RANGE = 1L << 53;

  private final ZoneId zone;
  private final boolean notYetTreated;

  ControlMatching(ZoneId zone, boolean notYetTreated) {
    this.zone = zone;
    this.notYetTreated = notYetTreated;
  }

  /**
   * @param cohorts customer_cohorts rows
   * @param exposed the exposed subjects (treatment, customer_key, stratum, start_date, start_at)
   * @return control subjects with the columns of the exposed ones and own_exposure_at (their own
   *     later first exposure, where follow-up ends; null when never treated)
   */
  Dataset<Row> apply(Dataset<Row> cohorts, Dataset<Row> exposed) {
    Column candidate = notYetTreated ? lit(true) : col("first_exposure_at").isNull();
    Dataset<Row> drawn = cohorts.filter(candidate).withColumn("draw", draw());
    Dataset<Row> days = broadcast(exposureDays(exposed));
    Column matched = drawn.col("treatment").equalTo(days.col("treatment"))
        .and(drawn.col("stratum").equalTo(days.col("stratum")))
        .and(col("draw").geq(col("share_from"))).and(col("draw").lt(col("share_to")));
    // Not yet treated on the matched day: a customer first exposed that day is in the exposed arm.
    Column notTreatedYet = col("first_exposure_at").isNull()
        .or(SurvivalSubjects.localDate(col("first_exposure_at"), zone).gt(col("start_date")));
    return drawn.join(days, matched)
        .filter(notTreatedYet)
        .select(drawn.col("treatment"), col("customer_key"), drawn.col("stratum"),
            lit(SurvivalSubjects.CONTROL).as("arm"), col("start_date"), col("start_at"),
            col("first_exposure_at").as("own_exposure_at"));
  }

  /** The customer's fixed number in [0, 1): uniform over customers, the same in every run. */
  static Column draw() {
    return pmod(xxhash64(lit(SALT), col("treatment"), col("customer_key")), lit(DRAW_RANGE))
        .cast("double").divide(lit((double) DRAW_RANGE));
  }

  /**
   * Per treatment, stratum and day of first exposure: the slice [share_from, share_to) of [0, 1)
   * that the day's exposed customers make up, and the first exposure instant of the day (the
   * controls' start: an exit before it means the control could not have received the mail).
   */
  static Dataset<Row> exposureDays(Dataset<Row> exposed) {
    WindowSpec group = Window.partitionBy("treatment", "stratum");
    WindowSpec upToDay = group.orderBy("start_date").rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    // Both bounds divide exact long counts, so one day's share_to equals the next day's share_from.
    return exposed.groupBy("treatment", "stratum", "start_date")
        .agg(count(lit(1)).as("n"), min("start_at").as("start_at"))
        .withColumn("total", sum("n").over(group))
        .withColumn("through", sum("n").over(upToDay))
        .select(col("treatment"), col("stratum"), col("start_date"), col("start_at"),
            col("through").minus(col("n")).divide(col("total")).as("share_from"),
            col("through").divide(col("total")).as("share_to"));
  }
}
