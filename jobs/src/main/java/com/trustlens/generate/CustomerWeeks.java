package com.trustlens.generate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per customer and week in which the customer is reachable (weeks 0..exit_week): the
 * week's mails and its realised weekly outcomes, each a hashed uniform compared with a
 * {@link Behaviour} probability. Which individual events show them is {@link EventModel}'s job;
 * the weekly indicators here are exactly what the SPEC §5 panel recovers from the events.
 */
final class CustomerWeeks {
  private final WeekClock clock;
  private final Draws draws;
  private final Mails mails;
  private final Behaviour behaviour;

  CustomerWeeks(WeekClock clock, Draws draws, Mails mails, Behaviour behaviour) {
    this.clock = clock;
    this.draws = draws;
    this.mails = mails;
    this.behaviour = behaviour;
  }

  /** Uniform of a weekly stream: keyed by customer and week. */
  Column u(String stream) {
    return draws.uniform(stream, col("customer_id"), col("week").cast("int"));
  }

  /** Uniform of a weekly stream with a sub-key (several draws of the same kind in a week). */
  Column u(String stream, Column key) {
    return draws.uniform(stream, col("customer_id"), col("week").cast("int"), key);
  }

  Dataset<Row> build(Dataset<Row> customers, Dataset<Row> campaignsByWeek) {
    ModelParameters params = behaviour.params();
    Column week = col("week");
    Column lastWeek = least(col("exit_week"), lit(clock.weeks() - 1));
    Column d = col("first_deceptive_week");
    Column deceptive = d.isNotNull().and(week.geq(d));
    Column e = week.minus(d);
    Column late = col("late_week").isNotNull().and(week.gt(col("late_week")));
    Column unanswered = col("unanswered_week").isNotNull().and(week.gt(col("unanswered_week")));
    return customers
        .withColumn("week", explode(sequence(lit(0), lastWeek.cast("int"))))
        .join(broadcast(campaignsByWeek), "week")
        .withColumn("deceptive_on", deceptive)
        .withColumn("event_time", e)
        .withColumn("late_on", late)
        .withColumn("unanswered_on", unanswered)
        .withColumn("bday_day", Mails.birthdayInWeek(col("birthday_days"), week))
        .withColumn("bday_late", mails.lateBirthday(col("bday_day"), week))
        .withColumn("bday_scheduled_s", clock.seconds(week, Mails.birthdayScheduledLocal(col("bday_day"))))
        .withColumn("bday_sent_s", mails.birthdaySent(week, col("bday_day"), col("bday_late")))
        .withColumn("mails", mails.ofWeek(col("campaigns")))
        .drop("campaigns")
        .withColumn("opened", u("open").lt(behaviour.open(week, deceptive, e, late, unanswered)))
        .withColumn("clicked", col("opened").and(u("click").lt(behaviour.clickGivenOpen(deceptive, e))))
        .withColumn("purchased", u("purchase").lt(behaviour.purchase(week, deceptive, e, late, unanswered)))
        .withColumn("browse_p", behaviour.browse(week, deceptive, e))
        .withColumn("complained", u("complaint").lt(behaviour.complaintHazard(deceptive)))
        .withColumn("contacted", u("contact").lt(params.serviceContactRate()))
        .withColumn("replied", u("reply").lt(params.replyShare()))
        .withColumn("nps_answered", u("nps").lt(params.npsRate()))
        .withColumn("nps_shift", behaviour.npsShift(deceptive, late, unanswered))
        .withColumn("unsubscribed_now", week.equalTo(col("unsubscribe_week"))
            .and(col("unsubscribe_week").leq(col("close_week"))))
        .withColumn("closed_now", week.equalTo(col("close_week"))
            .and(col("close_week").leq(col("unsubscribe_week"))));
  }
}
