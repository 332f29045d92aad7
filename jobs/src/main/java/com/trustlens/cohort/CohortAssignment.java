package com.trustlens.cohort;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import com.trustlens.util.Seqs;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Assigns every panel customer, per treatment, to the cohort of their first exposure (or none)
 * and records what their eligibility as a control depends on: when they became unreachable and
 * whether they were held out of a campaign first.
 */
public final class CohortAssignment {
  private final Periods periods;
  private final Instant windowEnd;
  private final List<String> treatments;

  /**
   * @param windowEnd first instant after the analysis window (exposures and exits from then on are ignored)
   * @param treatments names of every treatment, so each customer gets a row per treatment
   */
  public CohortAssignment(Periods periods, Instant windowEnd, List<String> treatments) {
    this.periods = periods;
    this.windowEnd = windowEnd;
    this.treatments = List.copyOf(treatments);
  }

  /**
   * @param customers panel customers (customer_key, stratum)
   * @param exposures treatment exposures, see {@link Treatments}
   * @param events silver events (for unsubscribes and account closures)
   * @return rows of the customer_cohorts schema
   */
  public Dataset<Row> apply(Dataset<Row> customers, Dataset<Row> exposures, Dataset<Row> events) {
    Timestamp end = Timestamp.from(windowEnd);
    Dataset<Row> inWindow = exposures.filter(col("exposed_at").lt(lit(end)));
    Dataset<Row> exposed = inWindow.filter(col("holdout").unary_$bang())
        .groupBy("treatment", "customer_key")
        .agg(min_by(struct(col("exposed_at"), col("campaign_id")), col("exposed_at")).as("first"),
            count(lit(1)).as("exposures"));
    Dataset<Row> heldOut = inWindow.filter(col("holdout"))
        .groupBy("treatment", "customer_key")
        .agg(min_by(struct(col("exposed_at"), col("campaign_id")), col("exposed_at")).as("first_holdout"));
    Dataset<Row> exits = events
        .filter(col("event_type").isin("unsubscribe", "account_closed").and(col("event_time").lt(lit(end))))
        .groupBy("customer_key").agg(min("event_time").as("exit_at"));

    SparkSession spark = customers.sparkSession();
    Dataset<Row> names = broadcast(spark.createDataset(treatments, Encoders.STRING()).toDF("treatment"));
    Dataset<Row> rows = customers.crossJoin(names)
        .join(exposed, Seqs.of("treatment", "customer_key"), "left")
        .join(heldOut, Seqs.of("treatment", "customer_key"), "left")
        .join(exits, Seqs.of("customer_key"), "left");
    // A holdout counts only when it came before any exposure: afterwards the customer is treated.
    var holdoutFirst = col("first_holdout").isNotNull()
        .and(col("first").isNull().or(col("first_holdout.exposed_at").lt(col("first.exposed_at"))));
    return Schemas.output("customer_cohorts").conform(rows.select(
        col("treatment"),
        col("customer_key"),
        periods.startOf(col("first.exposed_at")).as("cohort_period"),
        col("first.exposed_at").as("first_exposure_at"),
        col("first.campaign_id").as("first_campaign_id"),
        coalesce(col("exposures"), lit(0L)).cast("int").as("deceptive_exposures"),
        periods.startOf(col("exit_at")).as("exit_period"),
        when(holdoutFirst, periods.startOf(col("first_holdout.exposed_at"))).as("holdout_period"),
        when(holdoutFirst, col("first_holdout.campaign_id")).as("holdout_campaign_id"),
        col("stratum")));
  }
}
