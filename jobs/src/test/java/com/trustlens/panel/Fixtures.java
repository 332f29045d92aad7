package com.trustlens.panel;

import com.trustlens.config.PeriodUnit;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A three-week hand-computed world (weeks of 2025-01-06, -13, -20, Europe/Paris) that the panel,
 * cohort and trust-metric tests share; every expected value can be checked with a pencil.
 */
final class Fixtures {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Periods WEEKS = new Periods(PeriodUnit.WEEK, PARIS);
  static final LocalDate START = LocalDate.of(2025, 1, 6);
  static final LocalDate END = LocalDate.of(2025, 1, 26);
  static final Instant WINDOW_END = END.plusDays(1).atStartOfDay(PARIS).toInstant();
  static final java.sql.Date W1 = java.sql.Date.valueOf("2025-01-06");
  static final java.sql.Date W2 = java.sql.Date.valueOf("2025-01-13");
  static final java.sql.Date W3 = java.sql.Date.valueOf("2025-01-20");

  private Fixtures() {}

  static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  static Dataset<Row> customers(SparkSession spark) {
    return spark.sql("select * from values ('A', 'all'), ('B', 'all'), ('C', 'all') as t(customer_key, stratum)");
  }

  private static Object[] event(String id, String key, String type, String time, String amount, Integer score) {
    return new Object[] {id, key, type, ts(time), null, amount == null ? null : new BigDecimal(amount), score,
        scala.collection.immutable.Map$.MODULE$.empty()};
  }

  static Dataset<Row> events(SparkSession spark) {
    List<Object[]> rows = Arrays.asList(
        // Monday 00:30 in Paris is Sunday 23:30 UTC: it belongs to Monday's week.
        event("e1", "A", "email_open", "2025-01-05T23:30:00Z", null, null),
        event("e2", "A", "email_open", "2025-01-12T22:59:00Z", null, null),
        event("e3", "A", "email_click", "2025-01-13T10:00:00Z", null, null),
        event("e4", "A", "purchase", "2025-01-14T10:00:00Z", "10.50", null),
        event("e5", "A", "purchase", "2025-01-15T10:00:00Z", "4.50", null),
        event("e6", "A", "unsubscribe", "2025-01-15T12:00:00Z", null, null),
        event("e7", "B", "service_contact", "2025-01-06T10:00:00Z", null, null),
        event("e8", "B", "service_reply", "2025-01-08T09:00:00Z", null, null),
        event("e9", "B", "service_contact", "2025-01-13T10:00:00Z", null, null),
        event("e10", "B", "service_reply", "2025-01-15T11:00:00Z", null, null),
        event("e11", "B", "service_contact", "2025-01-20T10:00:00Z", null, null),
        event("e12", "B", "nps_response", "2025-01-21T10:00:00Z", null, 8),
        event("e13", "B", "nps_response", "2025-01-22T10:00:00Z", null, 6),
        event("e14", "B", "spam_complaint", "2025-01-14T10:00:00Z", null, null),
        event("e15", "C", "account_closed", "2024-12-20T10:00:00Z", null, null),
        // Monday 00:30 Paris after the last Sunday: outside the window.
        event("e16", "C", "site_visit", "2025-01-26T23:30:00Z", null, null),
        // Sunday 23:30 Paris: the last week.
        event("e17", "C", "email_open", "2025-01-26T22:30:00Z", null, null),
        event("e18", "D", "email_open", "2025-01-07T10:00:00Z", null, null));
    List<Row> list = rows.stream().map(RowFactory::create).toList();
    return spark.createDataFrame(list, Schemas.silver("events").structType());
  }

  static Dataset<Row> treatmentExposures(SparkSession spark) {
    return spark.sql("""
        select * from values
          ('deceptive_mail', 'A', timestamp'2025-01-13 10:00:00', 'k1', false),
          ('deceptive_mail', 'A', timestamp'2025-01-20 10:00:00', 'k3', false),
          ('deceptive_mail', 'C', timestamp'2025-01-13 10:00:00', 'k1', true),
          ('deceptive_mail', 'D', timestamp'2025-01-13 10:00:00', 'k1', false),
          ('deceptive_mail', 'B', timestamp'2025-01-27 10:00:00', 'k4', false)
        as t(treatment, customer_key, exposed_at, campaign_id, holdout)""");
  }
}
