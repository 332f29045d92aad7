package com.trustlens.audit;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The short-term side of the audit in one pass over exposures and events: for every target
 * campaign and customer bucket, its recipients and what they did with it (opened, clicked, bought
 * within the attribution window), and the same for the deliveries of its baseline. Per bucket,
 * because the rates' influence functions are linear in bucket sums (see {@link RateDifference}).
 */
final class ShortTermPass {
  /** Per-delivery responses, in the order of the sums: binary opened and clicked, attributed revenue. */
  static final List<String> RESPONSES = List.of("opened", "clicked", "revenue");

  private final AuditSettings settings;
  private final Column bucketOf;

  /** @param bucketOf the estimation's bucket of a customer, so that short- and long-term influences add up */
  ShortTermPass(AuditSettings settings, Column bucketOf) {
    this.settings = settings;
    this.bucketOf = bucketOf;
  }

  /**
   * @param exposures silver exposures
   * @param events silver events
   * @param roles rows (target, campaign_id, role) of {@link AuditCampaigns#roles}
   * @return rows (target, bucket, recipients, opened, clicked, revenue, deliveries_b, opened_b, clicked_b,
   *     revenue_b, customers_b): sums over the bucket's customers; _b for the baseline
   */
  Dataset<Row> apply(Dataset<Row> exposures, Dataset<Row> events, Dataset<Row> roles) {
    Dataset<Row> ids = broadcast(roles.select("campaign_id").distinct());
    List<Column> byRole = sumsByRole();
    Dataset<Row> perCustomer = responses(exposures, events, ids)
        .join(broadcast(roles), "campaign_id")
        .groupBy("target", "customer_key")
        .agg(byRole.get(0), byRole.subList(1, byRole.size()).toArray(Column[]::new));
    List<Column> totals = new ArrayList<>();
    for (String name : columns()) totals.add(sum(col(name)).as(name));
    totals.add(count(when(col("deliveries_b").gt(0), lit(1))).as("customers_b"));
    return perCustomer.withColumn("bucket", bucketOf)
        .groupBy("target", "bucket")
        .agg(totals.get(0), totals.subList(1, totals.size()).toArray(Column[]::new));
  }

  /** Column names of the sums, campaign side then baseline side. */
  static List<String> columns() {
    List<String> out = new ArrayList<>(List.of("recipients"));
    out.addAll(RESPONSES);
    out.add("deliveries_b");
    RESPONSES.forEach(r -> out.add(r + "_b"));
    return out;
  }

  // One row per delivered (not held out) pair of campaign and customer, from its first send, with the
  // opens, clicks and purchases carrying the campaign's id within the attribution window.
  private Dataset<Row> responses(Dataset<Row> exposures, Dataset<Row> events, Dataset<Row> ids) {
    Dataset<Row> deliveries = exposures.filter(col("delivered").and(col("holdout").unary_$bang()))
        .join(ids, "campaign_id")
        .groupBy("campaign_id", "customer_key").agg(min("sent_at").as("sent_at"));
    Dataset<Row> acts = events
        .filter(col("event_type").isin("email_open", "email_click", "purchase").and(col("campaign_id").isNotNull()))
        .join(ids, "campaign_id")
        .select(col("campaign_id").as("r_campaign"), col("customer_key").as("r_key"), col("event_type"),
            col("event_time"), col("amount"));
    Column matches = col("campaign_id").equalTo(col("r_campaign")).and(col("customer_key").equalTo(col("r_key")))
        .and(col("event_time").geq(col("sent_at")))
        .and(col("event_time").lt(col("sent_at").plus(expr("INTERVAL " + settings.attributionDays() + " DAYS"))));
    return deliveries.join(acts, matches, "left")
        .groupBy("campaign_id", "customer_key")
        .agg(flag("email_open").as("opened"), flag("email_click").as("clicked"),
            coalesce(sum(when(col("event_type").equalTo("purchase"), col("amount"))).cast("double"), lit(0.0))
                .as("revenue"));
  }

  private static List<Column> sumsByRole() {
    Column own = col("role").equalTo(AuditCampaigns.CAMPAIGN);
    List<Column> out = new ArrayList<>();
    out.add(sum(when(own, lit(1L)).otherwise(lit(0L))).as("recipients"));
    RESPONSES.forEach(r -> out.add(sum(when(own, col(r)).otherwise(lit(0))).cast("double").as(r)));
    out.add(sum(when(own, lit(0L)).otherwise(lit(1L))).as("deliveries_b"));
    RESPONSES.forEach(r -> out.add(sum(when(own, lit(0)).otherwise(col(r))).cast("double").as(r + "_b")));
    return out;
  }

  private static Column flag(String type) {
    return max(when(col("event_type").equalTo(type), lit(1)).otherwise(lit(0)));
  }
}
