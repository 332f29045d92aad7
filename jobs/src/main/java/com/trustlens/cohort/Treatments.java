package com.trustlens.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Treatment exposures: rows (treatment, customer_key, exposed_at, campaign_id, holdout) saying
 * that a customer met a trust incident, or was deliberately held out of one, at a time.
 */
public final class Treatments {
  /** The default treatment: a delivered mail of a campaign classified deceptive. */
  public static final String DECEPTIVE_MAIL = "deceptive_mail";

  private Treatments() {}

  /**
   * Delivered exposures to deceptive campaigns, and holdout rows of those campaigns, from silver
   * exposures and campaign_deception.
   */
  public static Dataset<Row> deceptiveMail(Dataset<Row> exposures, Dataset<Row> campaignDeception) {
    Dataset<Row> deceptive = campaignDeception.filter(col("deceptive")).select(col("campaign_id"));
    return exposures
        .filter(col("holdout").or(col("delivered")))
        .join(deceptive, "campaign_id")
        .select(
            lit(DECEPTIVE_MAIL).as("treatment"),
            col("customer_key"),
            col("sent_at").as("exposed_at"),
            col("campaign_id"),
            col("holdout"));
  }
}
