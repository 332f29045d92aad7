package com.trustlens.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.config.TreatmentKind;
import com.trustlens.config.TreatmentSpec;
import com.trustlens.testing.DataFrames;
import com.trustlens.testing.SharedSpark;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each treatment kind's rule on a hand fixture: the exact exposure rows. */
@ExtendWith(SharedSpark.class)
class TreatmentsTest {
  private final SparkSession spark;

  TreatmentsTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> exposures() {
    return spark.sql("""
        select * from values
          ('A', 'k1', timestamp'2025-01-14 10:00:00', true,  timestamp'2025-01-13 09:00:00', false),
          ('B', 'k1', timestamp'2025-01-14 09:00:00', true,  timestamp'2025-01-13 09:00:00', false),
          ('C', 'k1', timestamp'2025-01-15 09:00:00', false, timestamp'2025-01-13 09:00:00', false),
          ('D', 'k1', timestamp'2025-01-15 09:00:00', false, timestamp'2025-01-13 09:00:00', true),
          ('E', 'k2', timestamp'2025-01-16 09:00:00', true,  cast(null as timestamp),        false),
          ('F', 'k3', timestamp'2025-01-17 09:00:00', true,  timestamp'2025-01-15 09:00:00', false),
          ('G', 'k1', timestamp'2025-01-13 08:00:00', true,  timestamp'2025-01-13 09:00:00', false)
        as t(customer_key, campaign_id, sent_at, delivered, scheduled_for, holdout)""");
  }

  private Dataset<Row> campaigns() {
    return spark.sql("""
        select * from values
          ('k1', 'promotional', 'Happy birthday: 15% off'),
          ('k2', 'promotional', 'Season essentials'),
          ('k3', 'newsletter', 'Your weekly picks')
        as t(campaign_id, kind, subject)""");
  }

  private static TreatmentSpec late(String kind, String pattern) {
    return new TreatmentSpec("late_send", TreatmentKind.LATE_SEND, 24, kind, pattern, null);
  }

  private static Object[] row(String treatment, String customer, String at, String campaign) {
    return new Object[] {treatment, customer, Timestamp.valueOf(at), campaign, false};
  }

  @Test
  void lateSendKeepsDeliveredMailsSentMoreThanAfterHoursLateFromTheirScheduledTime() {
    Dataset<Row> actual = Treatments.lateSend(late(null, null), exposures(), campaigns());
    // B is exactly 24 h late (not more), C bounced, D was held out, E had no promise, G came early.
    DataFrames.assertSameRows(DataFrames.rows(spark, actual.schema(),
        row("late_send", "A", "2025-01-13 09:00:00", "k1"),
        row("late_send", "F", "2025-01-15 09:00:00", "k3")), actual);
  }

  @Test
  void lateSendFiltersCampaignsByKindAndSubject() {
    Dataset<Row> byKind = Treatments.lateSend(late("promotional", null), exposures(), campaigns());
    Dataset<Row> bySubject = Treatments.lateSend(late(null, "(?i)birthday"), exposures(), campaigns());
    Dataset<Row> expected = DataFrames.rows(spark, byKind.schema(), row("late_send", "A", "2025-01-13 09:00:00", "k1"));
    DataFrames.assertSameRows(expected, byKind);
    DataFrames.assertSameRows(expected, bySubject);
    assertEquals(0, Treatments.lateSend(late("newsletter", "birthday"), exposures(), campaigns()).count());
  }

  @Test
  void unansweredContactIsAContactWithoutReplyOfTheSameCustomerWithinAfterHours() {
    Dataset<Row> events = spark.sql("""
        select * from values
          ('A', 'service_contact', timestamp'2025-01-13 10:00:00', null),
          ('A', 'service_reply',   timestamp'2025-01-14 10:00:00', null),
          ('B', 'service_contact', timestamp'2025-01-13 10:00:00', 'k9'),
          ('B', 'service_reply',   timestamp'2025-01-16 10:00:00', null),
          ('C', 'service_contact', timestamp'2025-01-13 10:00:00', null),
          ('C', 'service_contact', timestamp'2025-01-20 10:00:00', null),
          ('C', 'service_reply',   timestamp'2025-01-20 11:00:00', null),
          ('D', 'service_reply',   timestamp'2025-01-13 09:00:00', null),
          ('D', 'service_contact', timestamp'2025-01-13 10:00:00', null),
          ('E', 'service_contact', timestamp'2025-01-13 10:00:00', null),
          ('E', 'service_reply',   timestamp'2025-01-15 10:00:00', null),
          ('F', 'service_contact', timestamp'2025-01-13 10:00:00', null),
          ('G', 'service_reply',   timestamp'2025-01-13 11:00:00', null),
          ('G', 'email_open',      timestamp'2025-01-13 11:00:00', 'k1')
        as t(customer_key, event_type, event_time, campaign_id)""");
    TreatmentSpec spec = new TreatmentSpec("unanswered_contact", TreatmentKind.UNANSWERED_CONTACT, 48, null, null, null);
    Dataset<Row> actual = Treatments.unansweredContact(spec, events);
    // A answered in 24 h, E at exactly 48 h, C's second contact in an hour; D's reply came before
    // the contact, B's after 72 h, and G's reply answers G, not F.
    DataFrames.assertSameRows(DataFrames.rows(spark, actual.schema(),
        row("unanswered_contact", "B", "2025-01-13 10:00:00", "k9"),
        row("unanswered_contact", "C", "2025-01-13 10:00:00", null),
        row("unanswered_contact", "D", "2025-01-13 10:00:00", null),
        row("unanswered_contact", "F", "2025-01-13 10:00:00", null)), actual);
  }

  @Test
  void everyActiveTreatmentContributesRowsUnderItsOwnName() {
    Dataset<Row> deception = spark.sql("select * from values ('k1', true), ('k2', false), ('k3', false) as t(campaign_id, deceptive)");
    Dataset<Row> events = spark.sql(
        "select * from values ('A', 'service_contact', timestamp'2025-01-13 10:00:00', null) as t(customer_key, event_type, event_time, campaign_id)");
    List<TreatmentSpec> specs = TreatmentSpec.active(List.of(late(null, null),
        new TreatmentSpec("unanswered_contact", TreatmentKind.UNANSWERED_CONTACT, 48, null, null, null)));
    Dataset<Row> all = Treatments.of(specs, new Treatments.Inputs(exposures(), campaigns(), events, deception));
    List<Row> counts = all.groupBy("treatment").count().orderBy("treatment").collectAsList();
    // deceptive_mail: k1 delivered to A, B, G and held out for D (C bounced).
    assertEquals("[[deceptive_mail,4], [late_send,2], [unanswered_contact,1]]", counts.toString());
  }
}
