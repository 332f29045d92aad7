package com.trustlens.report;

import static org.apache.spark.sql.functions.col;

import com.trustlens.pipeline.Lake;
import com.trustlens.publish.DeltaTables;
import com.trustlens.report.TrustReport.Section;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads the campaign audit (campaign_impact, SPEC §7) with the deception rules each campaign
 * matched, most costly campaigns first; says so when the lake has no audit.
 */
final class CampaignAuditReader {
  /** The SPEC §7 columns, in the order the report shows them. */
  static final List<String> COLUMNS = List.of("campaign_id", "recipients", "open_rate", "baseline_open_rate",
      "short_term_lift", "long_term_effect", "net_revenue_effect");
  static final String NOT_AVAILABLE = "Campaign audit not available in this run: the lake has no "
      + ReportReader.CAMPAIGN_IMPACT + " table (a run of a TrustLens version with the campaign audit writes it).";

  private final DeltaTables tables;
  private final Lake lake;

  CampaignAuditReader(DeltaTables tables, Lake lake) {
    this.tables = tables;
    this.lake = lake;
  }

  Section impact() {
    String path = lake.gold(ReportReader.CAMPAIGN_IMPACT);
    if (!tables.exists(path)) return Section.notAvailable(ReportReader.CAMPAIGN_IMPACT, NOT_AVAILABLE);
    Dataset<Row> impact = tables.read(path);
    List<String> present = Arrays.asList(impact.columns());
    // Matched rules: the audit's own column when it has one, else those of campaign_deception.
    if (!present.contains("rules") && tables.exists(lake.gold("campaign_deception"))) {
      Dataset<Row> rules = tables.read(lake.gold("campaign_deception")).select("campaign_id", "rules");
      impact = impact.join(rules, impact.col("campaign_id").equalTo(rules.col("campaign_id")), "left")
          .drop(rules.col("campaign_id"));
    }
    List<Row> rows = impact.orderBy(col("net_revenue_effect").asc_nulls_last(), col("campaign_id")).collectAsList();
    return Section.of(ReportReader.CAMPAIGN_IMPACT, RowValues.of(rows));
  }
}
