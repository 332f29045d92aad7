package com.trustlens.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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

  /** Doses: treated customers by number of delivered deceptive mails ("1", "2", "3+"). */
  record Stats(Map<String, Long> doses, List<HoldoutCount> holdouts, Map<Integer, Long> lateWeeks,
               Map<Integer, Long> unansweredWeeks) {}

  private TreatmentStats() {}

  /** {@code campaignTable}: {@link CampaignTable#of}. */
  static Stats of(Dataset<Row> customers, Dataset<Row> campaignTable, Mails mails) {
    Dataset<Row> deceptive = campaignTable.filter(col("deceptive"))
        .select(org.apache.spark.sql.functions.collect_list(CampaignTable.targetingStruct()).as("deceptive_campaigns"));
    Mails.Ref c = Mails.Ref.of(col("c"));
    Dataset<Row> received = customers.crossJoin(broadcast(deceptive))
        .select(col("n"), col("customer_id"), col("segment_idx"), col("lang"), col("exit_week"),
            explode(col("deceptive_campaigns")).as("c"))
        .filter(mails.targeted(c).and(col("c.week").leq(col("exit_week"))))
        .select(col("customer_id"), col("c.id").as("campaign_id"), mails.heldOut(c).as("held"),
            mails.treats(c).as("treats"));
    Column doses = col("doses");
    Map<String, Long> doseCounts = new TreeMap<>();
    received.groupBy("customer_id").agg(sum(when(col("treats"), 1).otherwise(0)).as("doses"))
        .filter(doses.geq(1))
        .groupBy(when(doses.equalTo(1), lit("1")).when(doses.equalTo(2), lit("2")).otherwise(lit("3+")).as("dose"))
        .count().collectAsList()
        .forEach(r -> doseCounts.put(r.getString(0), r.getLong(1)));
    List<HoldoutCount> holdouts = received.groupBy("campaign_id")
        .agg(count(lit(1)).as("targeted"), sum(when(col("held"), 1).otherwise(0)).as("held_out"))
        .orderBy("campaign_id")
        .collectAsList().stream()
        .map(r -> new HoldoutCount(r.getString(0), r.getLong(1), r.getLong(2)))
        .toList();
    Map<Integer, Long> late = new TreeMap<>();
    Map<Integer, Long> unanswered = new TreeMap<>();
    customers.select(explode(array(struct(lit("late").as("kind"), col("late_week").as("week")),
            struct(lit("unanswered").as("kind"), col("unanswered_week").as("week")))).as("i"))
        .filter(col("i.week").isNotNull())
        .groupBy(col("i.kind"), col("i.week")).count().collectAsList()
        .forEach(r -> ("late".equals(r.getString(0)) ? late : unanswered).put(r.getInt(1), r.getLong(2)));
    return new Stats(doseCounts, holdouts, late, unanswered);
  }
}
