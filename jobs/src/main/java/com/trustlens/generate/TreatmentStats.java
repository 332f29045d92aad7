package com.trustlens.generate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Counts truth.json reports about who was treated: deceptive doses, holdout draws per deceptive
 * campaign, and customers per first-incident week. Small aggregates (per campaign, dose or week).
 */
final class TreatmentStats {
  /** Sends and holdouts of one deceptive campaign, among reachable targeted customers. */
  record HoldoutCount(String campaignId, long targeted, long heldOut) {}

  record Stats(Map<String, Long> doses, List<HoldoutCount> holdouts, Map<Integer, Long> lateWeeks,
               Map<Integer, Long> unansweredWeeks) {}

  private TreatmentStats() {}

  static Stats of(Dataset<Row> customers, Dataset<Row> deceptiveCampaigns, Mails mails) {
    Dataset<Row> withCampaigns = customers.crossJoin(broadcast(deceptiveCampaigns));
    Column reachable = col("deceptive_campaigns");
    Column received = filter(reachable, c -> mails.targeted(c).and(c.getField("week").leq(col("exit_week"))));
    Column doses = size(filter(received, c -> mails.treats(c)));
    Column bucket = when(col("cohort").isNull(), lit("0")).when(doses.equalTo(1), lit("1"))
        .when(doses.equalTo(2), lit("2")).otherwise(lit("3+"));
    Map<String, Long> doseCounts = new TreeMap<>();
    for (Row r : withCampaigns.groupBy(bucket.as("dose")).count().collectAsList()) {
      doseCounts.put(r.getString(0), r.getLong(1));
    }
    List<HoldoutCount> holdouts = withCampaigns
        .select(explode(org.apache.spark.sql.functions.transform(received,
            c -> struct(c.getField("id").as("id"), mails.heldOut(c).as("held")))).as("r"))
        .groupBy(col("r.id"))
        .agg(count(lit(1)).as("targeted"), sum(when(col("r.held"), 1).otherwise(0)).as("held_out"))
        .orderBy("id")
        .collectAsList().stream()
        .map(r -> new HoldoutCount(r.getString(0), r.getLong(1), r.getLong(2)))
        .toList();
    return new Stats(doseCounts, holdouts, perWeek(customers, "late_week"), perWeek(customers, "unanswered_week"));
  }

  private static Map<Integer, Long> perWeek(Dataset<Row> customers, String column) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    customers.filter(col(column).isNotNull()).groupBy(col(column)).count().orderBy(column).collectAsList()
        .forEach(r -> out.put(r.getInt(0), r.getLong(1)));
    return out;
  }
}
