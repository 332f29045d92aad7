package com.trustlens.audit;

import com.trustlens.cohort.Treatments;
import com.trustlens.estimate.CampaignEventStudies;
import com.trustlens.estimate.CampaignEventStudies.CampaignStudy;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The campaign audit (SPEC §6): for every deceptive campaign, its short-term catch against the
 * same sender's honest campaigns and the long-term erosion of the customers it exposed first, and
 * the net revenue balance, as the rows of campaign_impact ranked by net effect. Two distributed
 * passes in all, whatever the number of campaigns: one over exposures and events (the catch), one
 * over the panel's class sums (the pond); only sums per campaign and customer bucket reach the driver.
 */
public final class CampaignAudit {
  /** Panel metrics the long-term side needs. */
  static final List<String> METRICS = List.of(ImpactRows.OPENED, ImpactRows.REVENUE);

  private final AuditSettings settings;
  private final EstimationSettings estimation;

  /** @param estimation the run's estimation settings (window, control group, customer buckets) */
  public CampaignAudit(AuditSettings settings, EstimationSettings estimation) {
    this.settings = settings;
    this.estimation = estimation.withMetrics(METRICS);
  }

  /**
   * What the audit reads: silver campaigns, exposures, events; campaign_deception, the panel's class
   * sums ({@link com.trustlens.estimate.ClassSums}, with opened and revenue), customer_cohorts.
   */
  public record Inputs(Dataset<Row> campaigns, Dataset<Row> exposures, Dataset<Row> events,
      Dataset<Row> campaignDeception, Dataset<Row> classSums, Dataset<Row> cohorts) {}

  /** Rows of campaign_impact, in rank order. */
  public Dataset<Row> apply(Inputs in) {
    AuditCampaigns campaigns = new AuditCampaigns(settings);
    Dataset<Row> roles = campaigns.roles(in.campaigns(), in.campaignDeception()).cache();
    try {
      List<Row> targets = campaigns.targets(in.campaigns(), in.campaignDeception(), roles).collectAsList();
      Map<String, ShortTermSums> sums = ShortTermSums.collect(
          new ShortTermPass(settings, estimation.bucketOf()).apply(in.exposures(), in.events(), roles),
          estimation.buckets());
      Map<String, CampaignStudy> studies = new CampaignEventStudies(estimation)
          .fromClassSums(in.classSums(), in.cohorts(), Treatments.DECEPTIVE_MAIL, settings.revenueFrom());
      ImpactRows rows = new ImpactRows(settings);
      List<Map<String, Object>> values = new ArrayList<>();
      for (Row t : targets) {
        String id = t.getAs("campaign_id");
        values.add(rows.row(t, sums.get(id), studies.get(id)));
      }
      TableSchema schema = Schemas.output("campaign_impact");
      // One partition keeps the rank order in the written file, for readers that do not sort.
      return in.cohorts().sparkSession().createDataFrame(ranked(values, schema), schema.structType()).coalesce(1);
    } finally {
      roles.unpersist();
    }
  }

  /**
   * Rows in schema order, ranked: net_revenue_effect ascending (the worst balance first), then the
   * campaigns without one by launch time and id, so that a hidden value cannot be read off its rank.
   */
  static List<Row> ranked(List<Map<String, Object>> values, TableSchema schema) {
    Comparator<Map<String, Object>> order = Comparator
        .comparing((Map<String, Object> v) -> (Double) v.get("net_revenue_effect"),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(v -> (Timestamp) v.get("sent_at"), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(v -> (String) v.get("campaign_id"));
    List<Map<String, Object>> sorted = values.stream().sorted(order).toList();
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Map<String, Object> v = sorted.get(i);
      v.put("net_effect_rank", i + 1);
      out.add(RowFactory.create(schema.columnNames().stream().map(c -> {
        if (!v.containsKey(c)) throw new IllegalStateException("campaign_impact row has no value for column " + c);
        return v.get(c);
      }).toArray()));
    }
    return out;
  }
}
