package com.trustlens.cohort;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import com.trustlens.config.TreatmentSpec;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Treatment exposures: rows (treatment, customer_key, exposed_at, campaign_id, holdout) saying
 * that a customer met a trust incident, or was deliberately held out of one, at a time. Each rule
 * kind of {@link com.trustlens.config.TreatmentKind} is one pure function here.
 */
public final class Treatments {
  /** The default treatment: a delivered mail of a campaign classified deceptive. */
  public static final String DECEPTIVE_MAIL = TreatmentSpec.DECEPTIVE_MAIL;

  private Treatments() {}

  /** What the rules read: silver exposures, campaigns and events, and campaign_deception. */
  public record Inputs(Dataset<Row> exposures, Dataset<Row> campaigns, Dataset<Row> events,
      Dataset<Row> campaignDeception) {}

  /** The exposures of every treatment, one union. */
  public static Dataset<Row> of(List<TreatmentSpec> treatments, Inputs in) {
    return treatments.stream().map(t -> of(t, in)).reduce(Dataset::unionByName)
        .orElseThrow(() -> new IllegalArgumentException("no treatment to build"));
  }

  /** The exposures of one treatment, by its rule kind. */
  public static Dataset<Row> of(TreatmentSpec t, Inputs in) {
    return switch (t.kind()) {
      case DECEPTIVE_MAIL -> deceptiveMail(in.exposures(), in.campaignDeception());
      case LATE_SEND -> lateSend(t, in.exposures(), in.campaigns());
      case UNANSWERED_CONTACT -> unansweredContact(t, in.events());
    };
  }

  /**
   * Delivered exposures to deceptive campaigns, and holdout rows of those campaigns, from silver
   * exposures and campaign_deception.
   */
  public static Dataset<Row> deceptiveMail(Dataset<Row> exposures, Dataset<Row> campaignDeception) {
    Dataset<Row> deceptive = campaignDeception.filter(col("deceptive")).select(col("campaign_id"));
    return exposures
        .filter(col("holdout").or(col("delivered")))
        .join(deceptive, "campaign_id")
        .select(
            lit(DECEPTIVE_MAIL).as("treatment"),
            col("customer_key"),
            col("sent_at").as("exposed_at"),
            col("campaign_id"),
            col("holdout"));
  }

  /**
   * Delivered mails sent more than after_hours after their scheduled_for, optionally only of
   * campaigns of a kind or whose subject matches a pattern. The customer is exposed from
   * scheduled_for: from then on their experience departs from that of a customer served on time
   * (the birthday passes without the promised mail), before the late mail arrives.
   */
  public static Dataset<Row> lateSend(TreatmentSpec t, Dataset<Row> exposures, Dataset<Row> campaigns) {
    Column late = col("sent_at").gt(col("scheduled_for").plus(hours(t.afterHours())));
    Dataset<Row> rows = exposures
        .filter(col("delivered").and(col("holdout").unary_$bang()).and(col("scheduled_for").isNotNull()).and(late));
    if (t.campaignKind() != null || t.subjectPattern() != null) {
      Column keep = lit(true);
      if (t.campaignKind() != null) keep = keep.and(col("kind").equalTo(t.campaignKind()));
      if (t.subjectPattern() != null) keep = keep.and(col("subject").rlike(t.subjectPattern()));
      rows = rows.join(campaigns.filter(keep).select("campaign_id"), "campaign_id");
    }
    return rows.select(lit(t.name()).as("treatment"), col("customer_key"), col("scheduled_for").as("exposed_at"),
        col("campaign_id"), lit(false).as("holdout"));
  }

  /**
   * Service contacts that no service_reply of the same customer followed within after_hours (as
   * the panel's unanswered_contacts; a reply after the window still counts). The customer is
   * exposed from the contact: from then on they are the one left waiting.
   */
  public static Dataset<Row> unansweredContact(TreatmentSpec t, Dataset<Row> events) {
    Dataset<Row> contacts = events.filter(col("event_type").equalTo("service_contact"))
        .select(col("customer_key"), col("event_time").as("contact_at"), col("campaign_id"));
    Dataset<Row> replies = events.filter(col("event_type").equalTo("service_reply"))
        .select(col("customer_key").as("reply_key"), col("event_time").as("reply_at"));
    Column answered = col("reply_key").equalTo(col("customer_key"))
        .and(col("reply_at").geq(col("contact_at")))
        .and(col("reply_at").leq(col("contact_at").plus(hours(t.afterHours()))));
    return contacts.join(replies, answered, "left_anti")
        .select(lit(t.name()).as("treatment"), col("customer_key"), col("contact_at").as("exposed_at"),
            col("campaign_id"), lit(false).as("holdout"));
  }

  private static Column hours(int n) {
    return expr("INTERVAL " + n + " HOURS");
  }
}
