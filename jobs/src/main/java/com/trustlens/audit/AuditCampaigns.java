package com.trustlens.audit;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The campaigns of the audit: every deceptive campaign (a target) and, for each, the honest
 * campaigns of its baseline: same sender (sender_address, else the alias, case-insensitive), same
 * channel, sent within {@code baseline_periods} periods of the target's own period. Campaigns, not
 * customers: these tables stay small.
 */
final class AuditCampaigns {
  /** Role of a target's own deliveries. */
  static final String CAMPAIGN = "campaign";
  /** Role of the deliveries of its baseline's honest campaigns. */
  static final String BASELINE = "baseline";

  private final AuditSettings settings;

  AuditCampaigns(AuditSettings settings) {
    this.settings = settings;
  }

  /**
   * @param campaigns silver campaigns
   * @param deception campaign_deception
   * @param roles the result of {@link #roles}
   * @return one row per deceptive campaign: campaign_id, sent_at, period, sender, sender_name, subject, rules,
   *     deception_score, baseline_campaigns
   */
  Dataset<Row> targets(Dataset<Row> campaigns, Dataset<Row> deception, Dataset<Row> roles) {
    Dataset<Row> counts = roles.filter(col("role").equalTo(BASELINE))
        .groupBy(col("target").as("campaign_id")).agg(count(lit(1)).cast("int").as("baseline_campaigns"));
    return classified(campaigns, deception).filter(col("deceptive"))
        .join(counts, new String[] {"campaign_id"}, "left")
        .select(col("campaign_id"), col("sent_at"), col("period"), col("sender"), col("sender_name"), col("subject"),
            col("rules"), col("deception_score"), coalesce(col("baseline_campaigns"), lit(0)).as("baseline_campaigns"));
  }

  /**
   * @return rows (target, campaign_id, role): a target reads its own deliveries (role campaign) and those of
   *     its baseline's campaigns (role baseline)
   */
  Dataset<Row> roles(Dataset<Row> campaigns, Dataset<Row> deception) {
    Dataset<Row> all = classified(campaigns, deception);
    Dataset<Row> targets = all.filter(col("deceptive"));
    Dataset<Row> honest = all.filter(col("deceptive").unary_$bang())
        .select(col("campaign_id").as("h_id"), col("sender").as("h_sender"), col("channel").as("h_channel"),
            col("p").as("h_p"));
    Column sameSender = col("sender").equalTo(col("h_sender")).and(col("channel").eqNullSafe(col("h_channel")))
        .and(abs(col("h_p").minus(col("p"))).leq(settings.baselinePeriods()));
    Dataset<Row> baseline = targets.join(honest, sameSender)
        .select(col("campaign_id").as("target"), col("h_id").as("campaign_id"), lit(BASELINE).as("role"));
    return targets.select(col("campaign_id").as("target"), col("campaign_id"), lit(CAMPAIGN).as("role"))
        .unionByName(baseline);
  }

  // Campaigns with their deception verdict, sender key, period and period index.
  private Dataset<Row> classified(Dataset<Row> campaigns, Dataset<Row> deception) {
    Column period = settings.periods().startOf(col("c.sent_at"));
    return campaigns.as("c").join(deception.as("d"), col("c.campaign_id").equalTo(col("d.campaign_id")))
        .select(col("c.campaign_id").as("campaign_id"), col("c.channel").as("channel"), col("c.sent_at").as("sent_at"),
            period.as("period"),
            settings.periods().between(lit(Date.valueOf(settings.start())), period).as("p"),
            sender().as("sender"), col("c.sender_name").as("sender_name"), col("c.subject").as("subject"),
            col("d.deceptive").as("deceptive"), col("d.rules").as("rules"),
            col("d.deception_score").cast("double").as("deception_score"));
  }

  // The sender is the address: a deceptive alias ("Service Client") usually writes from the brand's usual one.
  private static Column sender() {
    Column address = nullif(lower(trim(col("c.sender_address"))), lit(""));
    Column alias = nullif(lower(trim(col("c.sender_name"))), lit(""));
    return when(address.isNotNull(), address).otherwise(alias);
  }
}
