package com.trustlens.audit;

import static org.apache.spark.sql.functions.ascii;
import static org.apache.spark.sql.functions.col;

import com.trustlens.config.ControlGroup;
import com.trustlens.config.PeriodUnit;
import com.trustlens.estimate.ClassSums;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-sized CRM for the audit, weeks from Monday 2025-01-06. Deceptive campaign d1 (week of
 * 2025-01-13, from offres@shop.fr under the alias "Service Client") reaches A, B, C (D's mail
 * bounced, E was held out). Its sender's honest h1 of the same week reaches A, B, F, G; h2 the
 * week after reaches A; h3 (another address) B; h4 (same address, sms) A. Customers A..L are in
 * buckets 0..11 (one each), so variances are the customer-level ones.
 */
final class AuditFixture {
  static final LocalDate START = LocalDate.of(2025, 1, 6);
  static final Periods WEEKS = new Periods(PeriodUnit.WEEK, ZoneId.of("Europe/Paris"));
  static final int BUCKETS = 12;

  private final SparkSession spark;

  AuditFixture(SparkSession spark) {
    this.spark = spark;
  }

  static AuditSettings settings(int baselinePeriods, int minCellSize) {
    return new AuditSettings(WEEKS, START, 7, baselinePeriods, 2, 1, 0.95, minCellSize);
  }

  /** Six weeks, opened and revenue, customer X in bucket ascii(X) - 65. */
  static EstimationSettings estimation() {
    return new EstimationSettings(WEEKS, START, 6, ControlGroup.NOT_YET_TREATED, List.of("opened", "revenue"), 2, 2,
        0.95, 9, 7, BUCKETS, 1, ascii(col("customer_key")).minus(65), false, 0);
  }

  Dataset<Row> campaigns() {
    return spark.sql("""
        select * from values
          ('d1', 'email', 'promotional', 'Pour nous faire pardonner', 'Service Client', 'offres@shop.fr', timestamp'2025-01-15 10:00:00'),
          ('h1', 'email', 'promotional', 'Nouvelle collection', 'Shop', ' Offres@Shop.fr', timestamp'2025-01-14 10:00:00'),
          ('h2', 'email', 'promotional', 'Soldes', 'Shop', 'offres@shop.fr', timestamp'2025-01-22 10:00:00'),
          ('h3', 'email', 'newsletter', 'Nouveautes', 'Shop', 'news@shop.fr', timestamp'2025-01-14 10:00:00'),
          ('h4', 'sms', 'promotional', 'Soldes', 'Shop', 'offres@shop.fr', timestamp'2025-01-14 10:00:00')
        as t(campaign_id, channel, kind, subject, sender_name, sender_address, sent_at)""");
  }

  Dataset<Row> deception() {
    return spark.sql("""
        select campaign_id, deceptive, rules, deception_score from values
          ('d1', true, array('fake_apology.pardon_fr'), 0.8),
          ('h1', false, array(), 0.0), ('h2', false, array(), 0.0), ('h3', false, array(), 0.0),
          ('h4', false, array(), 0.0)
        as t(campaign_id, deceptive, rules, deception_score)""");
  }

  Dataset<Row> exposures() {
    return spark.sql("""
        select * from values
          ('A', 'd1', timestamp'2025-01-15 10:00:00', true, false),
          ('A', 'd1', timestamp'2025-01-15 10:05:00', true, false),
          ('B', 'd1', timestamp'2025-01-15 10:00:00', true, false),
          ('C', 'd1', timestamp'2025-01-15 10:00:00', true, false),
          ('D', 'd1', timestamp'2025-01-15 10:00:00', false, false),
          ('E', 'd1', timestamp'2025-01-15 10:00:00', false, true),
          ('A', 'h1', timestamp'2025-01-14 10:00:00', true, false),
          ('B', 'h1', timestamp'2025-01-14 10:00:00', true, false),
          ('F', 'h1', timestamp'2025-01-14 10:00:00', true, false),
          ('G', 'h1', timestamp'2025-01-14 10:00:00', true, false),
          ('A', 'h2', timestamp'2025-01-22 10:00:00', true, false),
          ('B', 'h3', timestamp'2025-01-14 10:00:00', true, false),
          ('A', 'h4', timestamp'2025-01-14 10:00:00', true, false)
        as t(customer_key, campaign_id, sent_at, delivered, holdout)""");
  }

  /** A opens, clicks and buys 30 from d1; B opens it too late; C opens it twice; A and F open h1, F clicks, A buys 10. */
  Dataset<Row> events() {
    return spark.sql("""
        select * from values
          ('A', 'email_open',  timestamp'2025-01-15 11:00:00', 'd1', null),
          ('A', 'email_click', timestamp'2025-01-15 12:00:00', 'd1', null),
          ('A', 'purchase',    timestamp'2025-01-16 10:00:00', 'd1', 30.00),
          ('B', 'email_open',  timestamp'2025-01-23 11:00:00', 'd1', null),
          ('C', 'email_open',  timestamp'2025-01-18 10:00:00', 'd1', null),
          ('C', 'email_open',  timestamp'2025-01-19 10:00:00', 'd1', null),
          ('C', 'email_open',  timestamp'2025-01-19 10:00:00', null, null),
          ('D', 'email_open',  timestamp'2025-01-15 11:00:00', 'd1', null),
          ('A', 'email_open',  timestamp'2025-01-14 11:00:00', 'h1', null),
          ('A', 'purchase',    timestamp'2025-01-14 12:00:00', 'h1', 10.00),
          ('F', 'email_open',  timestamp'2025-01-14 11:00:00', 'h1', null),
          ('F', 'email_click', timestamp'2025-01-14 11:30:00', 'h1', null),
          ('A', 'email_open',  timestamp'2025-01-14 11:00:00', 'h4', null),
          ('A', 'email_open',  timestamp'2025-01-22 11:00:00', 'h2', null),
          ('A', 'email_open',  timestamp'2025-01-22 11:00:00', 'h2', null)
        as t(customer_key, event_type, event_time, campaign_id, amount)""");
  }

  /**
   * Customers A..L over six weeks; A, B, C are d1's cohort (week 1), the others never treated.
   * Revenue: level + a trend; d1's customers lose 3 from week 2 on. Opens every third week, d1's
   * customers all in week 1 and none from week 2 on.
   */
  Dataset<Row> panel() {
    StructType schema = new StructType().add("customer_key", DataTypes.StringType, false)
        .add("period", DataTypes.DateType, false).add("opened", DataTypes.IntegerType, false)
        .add("revenue", DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < BUCKETS; i++) {
      String key = String.valueOf((char) ('A' + i));
      for (int t = 0; t < 6; t++) {
        boolean treated = i < 3;
        double revenue = 10 + i + 0.5 * t * (i % 3) + (treated && t >= 2 ? -3 : 0);
        int opened = (i + t) % 3 == 0 && !(treated && t >= 2) || treated && t == 1 ? 1 : 0;
        rows.add(RowFactory.create(key, Date.valueOf(START.plusWeeks(t)), opened, revenue));
      }
    }
    return spark.createDataFrame(rows, schema);
  }

  Dataset<Row> cohorts() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < BUCKETS; i++) {
      boolean treated = i < 3;
      rows.add(RowFactory.create("deceptive_mail", String.valueOf((char) ('A' + i)),
          treated ? Date.valueOf(START.plusWeeks(1)) : null, null, treated ? "d1" : null, treated ? 1 : 0, null, null,
          null, "all"));
    }
    return spark.createDataFrame(rows, Schemas.output("customer_cohorts").structType());
  }

  CampaignAudit.Inputs inputs() {
    return new CampaignAudit.Inputs(campaigns(), exposures(), events(), deception(),
        new ClassSums(estimation(), CampaignAudit.METRICS).of(panel(), cohorts()), cohorts());
  }
}
