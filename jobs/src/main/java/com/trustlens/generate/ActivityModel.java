package com.trustlens.generate;

import static com.trustlens.generate.WeekClock.ACTIVITY_CUTOFF;
import static com.trustlens.generate.WeekClock.DAY;
import static com.trustlens.generate.WeekClock.EXIT_FROM;
import static com.trustlens.generate.WeekClock.HOUR;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns reachable customer-weeks into exposures and CRM events: one row per mail (the week's
 * campaigns exploded and filtered by the targeting draws), each carrying its exposure and its own
 * open, click and bounce; and from each customer-week, the week's other events. The SPEC §5
 * weekly metrics of these events are exactly the weekly indicators of {@link CustomerWeeks}:
 * <ul>
 *   <li>every reachable customer gets the newsletter each week, and a week with {@code opened} has
 *       its open on the newsletter, a week with {@code clicked} its click; each other delivered mail
 *       is also opened, in a week with an open only, with its campaign's open share (deceptive mails
 *       far more often than honest ones: their short-term lift), and clicked with a fixed share in a
 *       week with a click. So which mails arrive never changes the weekly probabilities;</li>
 *   <li>opens and clicks come before Sunday 18:00 local; unsubscribe and account_closed on the exit
 *       week's Sunday evening, after everything else;</li>
 *   <li>purchases and visits sometimes fall on Monday 00:00-01:00 local (still Sunday in UTC) or
 *       Sunday 23:00-24:00 local, to exercise period boundaries.</li>
 * </ul>
 * No step needs to see the other mails of the week, so everything is plain generated code, in
 * stages small enough for the JIT compiler.
 */
final class ActivityModel {
  private static final long OPEN_WINDOW = 36 * HOUR;
  private static final double MONDAY_NIGHT_SHARE = 0.06;
  private static final double SUNDAY_NIGHT_SHARE = 0.04;

  private final WeekClock clock;
  private final Draws draws;
  private final Mails mails;
  private final CustomerWeeks weeks;
  private final ModelParameters params;

  ActivityModel(WeekClock clock, Draws draws, Mails mails, CustomerWeeks weeks, ModelParameters params) {
    this.clock = clock;
    this.draws = draws;
    this.mails = mails;
    this.weeks = weeks;
    this.params = params;
  }

  /** Uniform of a draw about one mail: keyed by customer and campaign number. */
  private Column mailU(String stream, Column campaignNo) {
    return draws.uniform(stream, Mails.customer(), campaignNo);
  }

  /** When a mail sent at {@code sent} is opened, if it is: soon after sending, before the week's cutoff. */
  private Column openSeconds(Column sent, Column campaignNo) {
    Column span = least(lit(OPEN_WINDOW), col("cutoff_s").minus(sent)).minus(60);
    return sent.plus(60).plus(floor(pow(mailU("open-time", campaignNo), 3).multiply(span)));
  }

  private Column clickSeconds(Column opened, Column campaignNo) {
    return later(opened, 20, mailU("click-time", campaignNo), 580);
  }

  private Column eventId(String code, Column suffix) {
    return concat(lit("ev-"), col("customer_id"), lit("-"), lpad(col("week").cast("string"), 3, "0"), lit("-" + code),
        suffix == null ? lit("") : suffix.cast("string"));
  }

  private Column event(String code, String type, Column ts, Column campaign) {
    return Records.event(eventId(code, null), lit(type), ts, campaign, lit(null), lit(null));
  }

  private Column mailEvent(String code, String type, Column ts) {
    return Records.event(eventId(code, col("c.no")), lit(type), ts, col("c.id"), lit(null), lit(null));
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

  private static Column later(Column seconds, long base, Column u, long spread) {
    return seconds.plus(base).plus(floor(u.multiply(spread)));
  }

  /**
   * One row per exposure or event: customer_id, week and {@code r}, a {@link Records} struct, from
   * the mails of the customer-weeks and from the customer-weeks themselves; {@code campaigns} is
   * {@link CampaignTable#of}.
   */
  Dataset<Row> records(Dataset<Row> customerWeeks, Dataset<Row> campaigns) {
    Dataset<Row> withCutoff = customerWeeks.withColumn("cutoff_s", clock.seconds(col("week"), lit(ACTIVITY_CUTOFF)));
    return mailRecords(withCutoff.join(broadcast(CampaignTable.byWeek(campaigns)), new String[] {"week", "lang"}))
        .unionByName(weekRecords(withCutoff.join(broadcast(CampaignTable.newsletters(campaigns)), new String[] {"week", "lang"})));
  }

  /** One row per mail (the week's campaigns exploded, those that reach the customer kept) and its draws. */
  Dataset<Row> mailRows(Dataset<Row> customerWeeks) {
    Column c = col("c");
    Mails.Ref ref = Mails.Ref.of(c);
    Column no = col("c.no");
    Column newsletter = col("c.kind").equalTo("newsletter");
    Column held = mails.heldOut(ref);
    return customerWeeks
        .select(col("n"), col("customer_id"), col("week"), col("lang"), col("segment_idx"), col("cutoff_s"),
            col("bday_day"), col("bday_sent_s"), col("bday_scheduled_s"), col("opened"), col("clicked"),
            explode(col("campaigns")).as("c"))
        .filter(mails.reaches(c))
        .withColumns(Columns.of(
            "held", held,
            "bounced", not(held).and(mails.bounced(ref)),
            "delivered", not(held).and(not(mails.bounced(ref))),
            "sent_s", mails.sentSeconds(c, held),
            "scheduled_s", when(col("c.birthday"), col("bday_scheduled_s"))))
        .withColumns(Columns.of(
            "mail_opened", col("opened").and(col("delivered"))
                .and(col("sent_s").leq(col("cutoff_s").minus(Mails.OPENABLE_BEFORE_CUTOFF)))
                .and(newsletter.or(mailU("mail-open", no).lt(col("c.open_share")))),
            "open_s", openSeconds(col("sent_s"), no)))
        .withColumns(Columns.of(
            "mail_clicked", col("mail_opened").and(col("clicked"))
                .and(newsletter.or(mailU("mail-click", no).lt(params.otherClickShare()))),
            "click_s", clickSeconds(col("open_s"), no)));
  }

  private Dataset<Row> mailRecords(Dataset<Row> customerWeeks) {
    Column records = array(
        Records.exposure(),
        when(col("mail_opened"), mailEvent("op", "email_open", col("open_s"))),
        when(col("mail_clicked"), mailEvent("cl", "email_click", col("click_s"))),
        when(col("bounced"), mailEvent("bo", "bounce", later(col("sent_s"), 30, mailU("bounce-time", col("c.no")), 570))));
    return explodeRecords(mailRows(customerWeeks), records);
  }

  /** The week's own events, whose campaign (purchase after a click, complaint, unsubscribe) is the newsletter. */
  private Dataset<Row> weekRecords(Dataset<Row> customerWeeks) {
    Column week = col("week");
    Column nl = col("nl");
    Column nlNo = col("nl.no");
    Column purchaseTime = when(col("clicked"),
        later(clickSeconds(openSeconds(col("nl_sent_s"), nlNo), nlNo), 120, weeks.u("purchase-delay"), 2280))
        .otherwise(slotTime("purchase"));
    Column contactTime = clock.seconds(week, lit(8 * HOUR).plus(floor(weeks.u("contact-time").multiply(4 * DAY + 10 * HOUR))));
    Column npsTime = clock.seconds(week, floor(weeks.u("nps-day").multiply(6)).multiply(DAY).plus(10 * HOUR)
        .plus(floor(weeks.u("nps-minute").multiply(10 * HOUR))));
    Column npsScore = least(lit(10), greatest(lit(0),
        round(col("sp_nps").plus(weeks.u("nps-score").minus(0.5).multiply(6)).plus(col("nps_shift")))));
    Column amount = greatest(round(col("sp_amount").multiply(lit(0.4).plus(weeks.u("amount").multiply(1.2))), 2), lit(0.01));
    Column records = array(
        when(col("purchased"), Records.event(eventId("pu", null), lit("purchase"), col("purchase_s"),
            when(col("clicked"), col("nl.id")), amount, lit(null))),
        when(col("purchased"), event("vp", "site_visit", later(col("purchase_s"), -900, weeks.u("visit-before"), 840), lit(null))),
        when(weeks.u("browse1").lt(col("browse_p")), event("v1", "site_visit", slotTime("browse1"), lit(null))),
        when(weeks.u("browse2").lt(col("browse_p").multiply(0.5)), event("v2", "site_visit", slotTime("browse2"), lit(null))),
        when(col("complained"), event("sp", "spam_complaint",
            least(col("cutoff_s"), later(col("nl_sent_s"), HOUR, weeks.u("complaint-time"), 5 * HOUR)), col("nl.id"))),
        when(col("contacted"), event("sc", "service_contact", col("contact_s"), lit(null))),
        when(col("contacted").and(col("replied")), event("sr", "service_reply",
            later(col("contact_s"), HOUR, weeks.u("reply-time"), 39 * HOUR), lit(null))),
        when(col("nps_answered"), Records.event(eventId("np", null), lit("nps_response"), npsTime, lit(null), lit(null), npsScore)),
        when(col("unsubscribed_now"), event("un", "unsubscribe",
            clock.seconds(week, lit(EXIT_FROM).plus(floor(weeks.u("unsubscribe-time").multiply(2 * HOUR)))), col("nl.id"))),
        when(col("closed_now"), event("ac", "account_closed",
            clock.seconds(week, lit(EXIT_FROM + 2 * HOUR).plus(floor(weeks.u("close-time").multiply(2 * HOUR)))), lit(null))));
    return explodeRecords(customerWeeks
        .withColumns(Columns.of("nl_sent_s", mails.sentSeconds(nl, lit(false)), "contact_s", contactTime))
        .withColumn("purchase_s", purchaseTime), records);
  }

  /**
   * The records as a column of their own first, so that explode reads an array instead of
   * evaluating the expressions that build it (Spark evaluates a generator's input without generated
   * code when a stage falls back from whole-stage code generation).
   */
  private static Dataset<Row> explodeRecords(Dataset<Row> rows, Column records) {
    return rows.select(col("customer_id"), col("week"), records.as("records"))
        .select(col("customer_id"), col("week"), explode(col("records")).as("r"))
        .filter(col("r").isNotNull());
  }
}
