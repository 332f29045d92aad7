package com.trustlens.estimate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import com.trustlens.config.Analysis;
import com.trustlens.config.ControlGroup;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * What the erosion estimation needs from the configuration: the window as period indexes, the
 * control group, the metrics, the reported event times and the inference settings.
 *
 * @param bucketOf bucket of a customer, an int column in [0, buckets) computed from customer_key
 * @param attritionWeights whether controls are weighted by the inverse probability of having stayed untreated
 * @param minExpectedEvents events the smaller arm of an absorbing metric's estimate must expect for it to be shown
 */
public record EstimationSettings(
    Periods periods,
    LocalDate start,
    int periodCount,
    ControlGroup controlGroup,
    List<String> metrics,
    int prePeriods,
    int horizon,
    double confidence,
    int replicates,
    long seed,
    int buckets,
    int minCellSize,
    Column bucketOf,
    boolean attritionWeights,
    int minExpectedEvents) {

  public EstimationSettings {
    metrics = List.copyOf(metrics);
  }

  /** Settings of a run; customers go to buckets by a seeded hash of their key. */
  public static EstimationSettings of(Analysis a) {
    Periods periods = new Periods(a.period(), a.zone());
    int count = periods.range(a.start(), a.end()).size();
    return new EstimationSettings(periods, a.start(), count, a.controlGroup(), a.metrics(), a.prePeriods(),
        a.horizon(), a.confidence(), a.bootstrap().replicates(), a.bootstrap().seed(), a.buckets(),
        a.minCellSize(), hashedBucket(a.buckets(), a.bootstrap().seed()), a.attritionWeights(), a.minExpectedEvents());
  }

  /** pmod(xxhash64(seed, customer_key), buckets): a random split of customers, stable across runs. */
  public static Column hashedBucket(int buckets, long seed) {
    return pmod(xxhash64(lit(seed), col("customer_key")), lit((long) buckets)).cast("int");
  }

  /** The same settings with another bucket assignment (tests give each customer its own bucket). */
  public EstimationSettings withBuckets(int count, Column bucket) {
    return new EstimationSettings(periods, start, periodCount, controlGroup, metrics, prePeriods, horizon, confidence,
        replicates, seed, count, minCellSize, bucket, attritionWeights, minExpectedEvents);
  }

  /** The same settings with another control group. */
  public EstimationSettings withControlGroup(ControlGroup group) {
    return new EstimationSettings(periods, start, periodCount, group, metrics, prePeriods, horizon, confidence,
        replicates, seed, buckets, minCellSize, bucketOf, attritionWeights, minExpectedEvents);
  }

  /** The same settings with attrition weights on or off. */
  public EstimationSettings withAttritionWeights(boolean on) {
    return new EstimationSettings(periods, start, periodCount, controlGroup, metrics, prePeriods, horizon, confidence,
        replicates, seed, buckets, minCellSize, bucketOf, on, minExpectedEvents);
  }

  /** The same settings with another analysis.min_expected_events. */
  public EstimationSettings withMinExpectedEvents(int events) {
    return new EstimationSettings(periods, start, periodCount, controlGroup, metrics, prePeriods, horizon, confidence,
        replicates, seed, buckets, minCellSize, bucketOf, attritionWeights, events);
  }

  /** The same settings estimating other metrics (the campaign audit needs only opened and revenue). */
  public EstimationSettings withMetrics(List<String> other) {
    return new EstimationSettings(periods, start, periodCount, controlGroup, other, prePeriods, horizon, confidence,
        replicates, seed, buckets, minCellSize, bucketOf, attritionWeights, minExpectedEvents);
  }

  /** Whether an estimate expecting this many events is too rare to show (analysis.min_expected_events). */
  public boolean tooFewEvents(double expectedEvents) {
    return expectedEvents < minExpectedEvents;
  }

  /** Whether a panel metric is absorbing (schemas/internal/panel.json): a change is then an event. */
  public boolean absorbing(String metric) {
    return Schemas.internal("panel").requireColumn(metric).isAbsorbing();
  }

  /** Index of a period start in the window (0 = analysis.start; negative before it). */
  public Column indexOf(Column periodStart) {
    return periods.between(lit(java.sql.Date.valueOf(start)), periodStart);
  }

  /** First day of the period of an index. */
  public LocalDate periodAt(int index) {
    LocalDate p = start;
    for (int i = 0; i < index; i++) {
      p = periods.next(p);
    }
    return p;
  }
}
