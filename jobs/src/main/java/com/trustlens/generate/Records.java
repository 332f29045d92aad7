package com.trustlens.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;

/**
 * One struct type for every exposure and event row of a customer-week, so that both inputs come
 * out of a single explode (one pass over the customer-weeks writes exposures.csv and events.jsonl):
 * source, ts (UTC epoch seconds), id (event_id, or customer/campaign for an exposure), event_type,
 * campaign_id, amount, score, delivered, scheduled_s, holdout.
 */
final class Records {
  static final String EXPOSURES = "exposures";
  static final String EVENTS = "events";

  private Records() {}

  static Column event(Column id, Column type, Column ts, Column campaign, Column amount, Column score) {
    return struct(lit(EVENTS).as("source"), ts.cast("long").as("ts"), id.as("id"), type.cast("string").as("event_type"),
        campaign.cast("string").as("campaign_id"), amount.cast("decimal(18,2)").as("amount"), score.cast("int").as("score"),
        lit(null).cast("boolean").as("delivered"), lit(null).cast("long").as("scheduled_s"),
        lit(null).cast("boolean").as("holdout"));
  }

  /** The exposure of a mail row of {@link ActivityModel#mailRows}. */
  static Column exposure() {
    return struct(lit(EXPOSURES).as("source"), col("sent_s").cast("long").as("ts"),
        concat(col("customer_id"), lit("/"), col("c.id")).as("id"), lit(null).cast("string").as("event_type"),
        col("c.id").cast("string").as("campaign_id"), lit(null).cast("decimal(18,2)").as("amount"),
        lit(null).cast("int").as("score"), col("delivered").as("delivered"),
        col("scheduled_s").cast("long").as("scheduled_s"), col("held").as("holdout"));
  }
}
