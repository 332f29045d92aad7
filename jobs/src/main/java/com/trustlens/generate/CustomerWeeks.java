package com.trustlens.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * One row per customer and week in which the customer is reachable (weeks 0..exit_week): the
 * week's birthday mail, if any, and its realised weekly outcomes, each a hashed uniform compared
 * with a {@link Behaviour} probability. Which mails and events show them is {@link ActivityModel}'s job;
 * the weekly indicators here are exactly what the SPEC §5 panel recovers from the events.
 */
final class CustomerWeeks {
  /** Customer columns the weekly model and the events read (fewer columns keep Spark's code generation on). */
  private static final List<String> KEPT = List.of("n", "customer_id", "segment_idx", "lang", "engagement", "birth_date",
      "sp_open", "sp_open_trend", "sp_click", "sp_purchase", "sp_purchase_trend", "sp_browse", "sp_complaint",
      "sp_amount", "sp_nps", "first_deceptive_week", "late_week", "unanswered_week", "unsubscribe_week",
      "close_week", "exit_week", "cohort");

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
    return draws.uniform(stream, Mails.customer(), col("week"));
  }

  /** Uniform of a weekly stream with a sub-key (several draws of the same kind in a week). */
  Column u(String stream, Column key) {
    return draws.uniform(stream, Mails.customer(), col("week"), key);
  }

  Dataset<Row> build(Dataset<Row> customers) {
    ModelParameters params = behaviour.params();
    Column week = col("week");
    Column lastWeek = least(col("exit_week"), lit(clock.weeks() - 1));
    Column d = col("first_deceptive_week");
    Column deceptive = d.isNotNull().and(week.geq(d));
    Column e = week.minus(d);
    Column late = col("late_week").isNotNull().and(week.gt(col("late_week")));
    Column unanswered = col("unanswered_week").isNotNull().and(week.gt(col("unanswered_week")));
    return customers.select(KEPT.stream().map(functions::col).toArray(Column[]::new))
        .withColumn("week", explode(sequence(lit(0), lastWeek.cast("int"))))
        .withColumns(Columns.of(
            "deceptive_on", deceptive,
            "event_time", e,
            "late_on", late,
            "unanswered_on", unanswered,
            "bday_day", mails.birthdayInWeek(col("birth_date"), week),
            "opened", u("open").lt(behaviour.open(week, deceptive, e, late, unanswered)),
            "purchased", u("purchase").lt(behaviour.purchase(week, deceptive, e, late, unanswered)),
            "browse_p", behaviour.browse(week, deceptive, e),
            "complained", u("complaint").lt(behaviour.complaintHazard(deceptive)),
            "contacted", u("contact").lt(params.serviceContactRate()),
            "replied", u("reply").lt(params.replyShare()),
            "nps_answered", u("nps").lt(params.npsRate()),
            "nps_shift", behaviour.npsShift(deceptive, late, unanswered),
            "unsubscribed_now", week.equalTo(col("unsubscribe_week")).and(col("unsubscribe_week").leq(col("close_week"))),
            "closed_now", week.equalTo(col("close_week")).and(col("close_week").leq(col("unsubscribe_week")))))
        .withColumns(Columns.of(
            "clicked", col("opened").and(u("click").lt(behaviour.clickGivenOpen(deceptive, e))),
            "bday_late", mails.lateBirthday(col("bday_day"), week),
            "bday_scheduled_s", clock.seconds(week, Mails.birthdayScheduledLocal(col("bday_day")))))
        .withColumn("bday_sent_s", mails.birthdaySent(week, col("bday_day"), col("bday_late")));
  }
}
