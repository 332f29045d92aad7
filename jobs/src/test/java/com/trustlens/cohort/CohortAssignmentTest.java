package com.trustlens.cohort;

import com.trustlens.testing.DataFrames;
import com.trustlens.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class CohortAssignmentTest {
  private final SparkSession spark;

  CohortAssignmentTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void firstDeliveredExposureDefinesTheCohortAndExitsAndHoldoutsAreRecorded() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    var weeks = new com.trustlens.period.Periods(com.trustlens.config.PeriodUnit.WEEK, paris);
    Instant windowEnd = LocalDate.of(2025, 1, 27).atStartOfDay(paris).toInstant();
    Dataset<Row> customers = spark.sql(
        "select * from values ('A', 'segment=gold'), ('B', 'segment=silver'), ('C', 'segment=gold') as t(customer_key, stratum)");
    Dataset<Row> exposures = spark.sql("""
        select * from values
          ('deceptive_mail', 'A', timestamp'2025-01-20 10:00:00', 'k3', false),
          ('deceptive_mail', 'A', timestamp'2025-01-13 10:00:00', 'k1', false),
          ('deceptive_mail', 'C', timestamp'2025-01-13 10:00:00', 'k1', true),
          ('deceptive_mail', 'D', timestamp'2025-01-13 10:00:00', 'k1', false),
          ('deceptive_mail', 'B', timestamp'2025-01-27 10:00:00', 'k4', false)
        as t(treatment, customer_key, exposed_at, campaign_id, holdout)""");
    Dataset<Row> events = spark.sql("""
        select * from values
          ('A', 'unsubscribe', timestamp'2025-01-15 12:00:00'),
          ('C', 'account_closed', timestamp'2024-12-20 10:00:00'),
          ('B', 'unsubscribe', timestamp'2025-02-20 10:00:00')
        as t(customer_key, event_type, event_time)""");
    Dataset<Row> actual = new CohortAssignment(weeks, windowEnd, List.of("deceptive_mail", "late_send"))
        .apply(customers, exposures, events);
    Date w2 = Date.valueOf("2025-01-13");
    Dataset<Row> expected = DataFrames.rows(spark, actual.schema(),
        new Object[] {"deceptive_mail", "A", w2, Timestamp.from(Instant.parse("2025-01-13T10:00:00Z")), "k1", 2, w2, null, null, "segment=gold"},
        // B's only exposure is after the window: never treated; its unsubscribe too.
        new Object[] {"deceptive_mail", "B", null, null, null, 0, null, null, null, "segment=silver"},
        new Object[] {"deceptive_mail", "C", null, null, null, 0, Date.valueOf("2024-12-16"), w2, "k1", "segment=gold"},
        new Object[] {"late_send", "A", null, null, null, 0, w2, null, null, "segment=gold"},
        new Object[] {"late_send", "B", null, null, null, 0, null, null, null, "segment=silver"},
        new Object[] {"late_send", "C", null, null, null, 0, Date.valueOf("2024-12-16"), null, null, "segment=gold"});
    DataFrames.assertSameRows(expected, actual);
  }

  @Test
  void deceptiveMailTreatmentKeepsDeliveredAndHoldoutRowsOfDeceptiveCampaigns() {
    Dataset<Row> exposures = spark.sql("""
        select * from values
          ('A', 'k1', timestamp'2025-01-13 10:00:00', true, false),
          ('B', 'k1', timestamp'2025-01-13 10:00:00', false, false),
          ('C', 'k1', timestamp'2025-01-13 10:00:00', false, true),
          ('A', 'k2', timestamp'2025-01-14 10:00:00', true, false)
        as t(customer_key, campaign_id, sent_at, delivered, holdout)""");
    Dataset<Row> deception = spark.sql(
        "select * from values ('k1', true), ('k2', false) as t(campaign_id, deceptive)");
    Dataset<Row> actual = Treatments.deceptiveMail(exposures, deception);
    Dataset<Row> expected = DataFrames.rows(spark, actual.schema(),
        new Object[] {"deceptive_mail", "A", Timestamp.valueOf("2025-01-13 10:00:00"), "k1", false},
        new Object[] {"deceptive_mail", "C", Timestamp.valueOf("2025-01-13 10:00:00"), "k1", true});
    DataFrames.assertSameRows(expected, actual);
  }

  @Test
  void stratumJoinsTheConfiguredColumnsAndNamesMissingValues() {
    Dataset<Row> customers = spark.sql("""
        select * from values
          ('A', date'2024-01-01', 'gold', 'FR'),
          ('B', cast(null as date), null, 'BE'),
          ('C', date'2025-02-01', 'gold', 'FR')
        as t(customer_key, signup_date, segment, country)""");
    Dataset<Row> actual = new PanelCustomers(LocalDate.of(2025, 1, 6), List.of("segment", "country")).fromCustomers(customers);
    Dataset<Row> expected = DataFrames.rows(spark, actual.schema(),
        new Object[] {"A", "segment=gold|country=FR"},
        new Object[] {"B", "segment=(missing)|country=BE"});
    DataFrames.assertSameRows(expected, actual);
  }
}
