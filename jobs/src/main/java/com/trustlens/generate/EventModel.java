package com.trustlens.generate;

import static com.trustlens.generate.WeekClock.ACTIVITY_CUTOFF;
import static com.trustlens.generate.WeekClock.DAY;
import static com.trustlens.generate.WeekClock.EXIT_FROM;
import static com.trustlens.generate.WeekClock.HOUR;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns each reachable customer-week into its CRM events (column {@code events}, an array of
 * {@link Records} structs, null entries for events that did not happen), placed so that the SPEC
 * §5 weekly metrics of the events are exactly the weekly indicators of {@link CustomerWeeks}: a
 * week with {@code opened} has opens only on that week's delivered mails (one chosen with weights
 * that favour deceptive mails, a few others at random), each before Sunday 18:00 local; the click
 * follows the chosen open; unsubscribe and account_closed come on the exit week's Sunday evening,
 * after everything else. Purchases and visits sometimes fall on Monday 00:00-01:00 local (still
 * Sunday in UTC) or Sunday 23:00-24:00 local, to exercise period boundaries.
 */
final class EventModel {
  private static final long OPEN_WINDOW = 36 * HOUR;
  private static final double MONDAY_NIGHT_SHARE = 0.06;
  private static final double SUNDAY_NIGHT_SHARE = 0.04;

  private final WeekClock clock;
  private final CustomerWeeks weeks;

  EventModel(WeekClock clock, CustomerWeeks weeks) {
    this.clock = clock;
    this.weeks = weeks;
  }

  private Column event(String code, Column index, String type, Column ts, Column campaign, Column amount, Column score) {
    Column id = concat(lit("ev-"), col("customer_id"), lit("-"), lpad(col("week").cast("string"), 3, "0"),
        lit("-" + code), index == null ? lit("") : index.cast("string"));
    return Records.event(id, lit(type), ts, campaign, amount, score);
  }

  private Column event(String code, String type, Column ts, Column campaign) {
    return event(code, null, type, ts, campaign, lit(null), lit(null));
  }

  /** A local time in the week: mostly Monday-Saturday 08:00-22:00, sometimes around the week's edges. */
  private Column slotTime(String stream) {
    Column slot = weeks.u(stream + "-slot");
    Column minute = floor(weeks.u(stream + "-minute").multiply(3599));
    Column day = floor(weeks.u(stream + "-day").multiply(6));
    Column daytime = floor(weeks.u(stream + "-minute").multiply(14 * HOUR));
    Column local = when(slot.lt(MONDAY_NIGHT_SHARE), minute)
        .when(slot.lt(MONDAY_NIGHT_SHARE + SUNDAY_NIGHT_SHARE).and(col("week").lt(col("exit_week"))),
            lit(6 * DAY + 23 * HOUR).plus(minute))
        .otherwise(day.multiply(DAY).plus(8 * HOUR).plus(daytime));
    return clock.seconds(col("week"), local);
  }

  private Column later(Column seconds, long base, String stream, long spread) {
    return seconds.plus(base).plus(floor(weeks.u(stream).multiply(spread)));
  }

  /** The customer-weeks with column {@code events}. */
  Dataset<Row> build(Dataset<Row> customerWeeks, double extraOpenRate) {
    Column week = col("week");
    Dataset<Row> scalars = customerWeeks
        .withColumn("cutoff_s", clock.seconds(week, lit(ACTIVITY_CUTOFF)))
        .withColumn("openable", transform(
            filter(col("mails"), m -> m.getField("delivered")
                .and(m.getField("sent_s").leq(col("cutoff_s").minus(Mails.OPENABLE_BEFORE_CUTOFF)))),
            m -> {
              Column span = least(lit(OPEN_WINDOW), col("cutoff_s").minus(m.getField("sent_s"))).minus(60);
              return struct(
                  pow(weeks.u("open-pick", m.getField("id")), lit(1.0).divide(m.getField("open_weight"))).as("key"),
                  m.getField("id").as("id"),
                  m.getField("deceptive").as("deceptive"),
                  m.getField("sent_s").as("sent_s"),
                  m.getField("sent_s").plus(60).plus(floor(pow(weeks.u("open-time", m.getField("id")), 3).multiply(span)))
                      .as("open_s"),
                  weeks.u("extra-open", m.getField("id")).lt(extraOpenRate).as("extra"));
            }))
        .withColumn("chosen", array_max(col("openable")))
        .withColumn("complaint_target", array_max(transform(col("openable"), m -> struct(m.getField("deceptive"),
            m.getField("key"), m.getField("id"), m.getField("sent_s")))))
        .withColumn("last_mail", array_max(transform(filter(col("mails"), m -> m.getField("delivered")),
            m -> struct(m.getField("sent_s"), m.getField("id")))).getField("id"))
        .withColumn("click_s", later(col("chosen.open_s"), 20, "click-time", 580))
        .withColumn("purchase_s", when(col("clicked"), later(col("click_s"), 120, "purchase-delay", 2280))
            .otherwise(slotTime("purchase")))
        .withColumn("contact_s", clock.seconds(week, lit(8 * HOUR).plus(floor(weeks.u("contact-time").multiply(4 * DAY + 10 * HOUR)))));
    Column npsTime = clock.seconds(week, floor(weeks.u("nps-day").multiply(6)).multiply(DAY).plus(10 * HOUR)
        .plus(floor(weeks.u("nps-minute").multiply(10 * HOUR))));
    Column npsScore = least(lit(10), greatest(lit(0),
        round(col("sp_nps").plus(weeks.u("nps-score").minus(0.5).multiply(6)).plus(col("nps_shift")))));
    Column amount = greatest(round(col("sp_amount").multiply(lit(0.4).plus(weeks.u("amount").multiply(1.2))), 2), lit(0.01));
    Column complaintTarget = col("complaint_target");
    Column singles = array(
        when(col("clicked"), event("cl", "email_click", col("click_s"), col("chosen.id"))),
        when(col("purchased"), event("pu", null, "purchase", col("purchase_s"), when(col("clicked"), col("chosen.id")),
            amount, lit(null))),
        when(col("purchased"), event("vp", "site_visit", later(col("purchase_s"), -900, "visit-before", 840), lit(null))),
        when(weeks.u("browse1").lt(col("browse_p")), event("v1", "site_visit", slotTime("browse1"), lit(null))),
        when(weeks.u("browse2").lt(col("browse_p").multiply(0.5)), event("v2", "site_visit", slotTime("browse2"), lit(null))),
        when(col("complained"), event("sp", "spam_complaint",
            least(col("cutoff_s"), later(complaintTarget.getField("sent_s"), HOUR, "complaint-time", 5 * HOUR)),
            complaintTarget.getField("id"))),
        when(col("contacted"), event("sc", "service_contact", col("contact_s"), lit(null))),
        when(col("contacted").and(col("replied")), event("sr", "service_reply",
            later(col("contact_s"), HOUR, "reply-time", 39 * HOUR), lit(null))),
        when(col("nps_answered"), event("np", null, "nps_response", npsTime, lit(null), lit(null), npsScore)),
        when(col("unsubscribed_now"), event("un", "unsubscribe",
            clock.seconds(week, lit(EXIT_FROM).plus(floor(weeks.u("unsubscribe-time").multiply(2 * HOUR)))),
            col("last_mail"))),
        when(col("closed_now"), event("ac", "account_closed",
            clock.seconds(week, lit(EXIT_FROM + 2 * HOUR).plus(floor(weeks.u("close-time").multiply(2 * HOUR)))),
            lit(null))));
    Column opens = transform(
        filter(col("openable"), m -> col("opened").and(m.getField("id").equalTo(col("chosen.id")).or(m.getField("extra")))),
        (m, i) -> event("op", i, "email_open", m.getField("open_s"), m.getField("id"), lit(null), lit(null)));
    Column bounces = transform(filter(col("mails"), m -> m.getField("bounced")),
        (m, i) -> event("bo", i, "bounce", m.getField("sent_s").plus(30).plus(floor(weeks.u("bounce-time", m.getField("id"))
            .multiply(570))), m.getField("id"), lit(null), lit(null)));
    return scalars.withColumn("events", concat(opens, bounces, singles));
  }
}
