package com.trustlens.generate;

import static com.trustlens.generate.WeekClock.ACTIVITY_CUTOFF;
import static com.trustlens.generate.WeekClock.DAY;
import static com.trustlens.generate.WeekClock.HOUR;
import static com.trustlens.generate.WeekClock.MINUTE;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Who receives which mail, when: the targeting, holdout, bounce and send-time draws of a customer
 * for a campaign, as Spark expressions over a campaign struct (see {@link CampaignTable}). The same
 * expressions decide a customer's first deceptive mail ({@link CustomerModel}) and write exposures,
 * so the cohort in truth.json is the cohort the raw files show. Mails go out only in weeks the
 * customer is still reachable (subscribed, account open). Send times are UTC epoch seconds.
 */
final class Mails {
  /** A delivered mail can be opened only if sent at least this long before the week's activity cutoff. */
  static final long OPENABLE_BEFORE_CUTOFF = 15 * MINUTE;
  private static final long BIRTHDAY_HOUR = 9 * HOUR;
  private static final long LATE_AT_LEAST = 25 * HOUR;
  /** Latest local time of a late birthday mail: an hour before the week's activity cutoff. */
  private static final long LATE_AT_MOST = ACTIVITY_CUTOFF - HOUR;

  private final Draws draws;
  private final WeekClock clock;
  private final ModelParameters params;

  Mails(Draws draws, WeekClock clock, ModelParameters params) {
    this.draws = draws;
    this.clock = clock;
    this.params = params;
  }

  private static Column customer() {
    return col("customer_id");
  }

  /** Whether a non-birthday campaign targets the customer (its audience language, a segment-specific rate). */
  Column targeted(Column c) {
    return c.getField("audience").equalTo(col("lang")).and(
        draws.uniform("target", customer(), c.getField("id")).lt(element_at(c.getField("reach"), col("segment_idx").plus(1))));
  }

  /** Whether a targeted customer is drawn into the campaign's randomised holdout. */
  Column heldOut(Column c) {
    return draws.uniform("holdout", customer(), c.getField("id")).lt(c.getField("holdout_share"));
  }

  /** Whether a send that is not held out bounces. */
  Column bounced(Column c) {
    return draws.uniform("bounce", customer(), c.getField("id")).lt(c.getField("bounce_rate"));
  }

  /** Whether the campaign is a delivered deceptive mail to the customer: what makes a cohort. */
  Column treats(Column c) {
    return c.getField("deceptive").and(targeted(c)).and(not(heldOut(c))).and(not(bounced(c)));
  }

  /** Days from the window start to each of the customer's birthdays within the window (customer level). */
  Column birthdayDays(Column birthDate) {
    int years = (int) Math.ceil(clock.weeks() * 7 / 365.0) + 1;
    int first = clock.start().getYear();
    Column days = transform(sequence(lit(0), lit(years)), k -> datediff(
        make_date(k.plus(first), month(birthDate), dayofmonth(birthDate)), lit(clock.start())));
    return filter(days, d -> d.geq(0).and(d.lt(clock.weeks() * 7)));
  }

  /** Week of a day offset from the window start. */
  static Column weekOfDay(Column days) {
    return floor(days.divide(7)).cast("int");
  }

  /**
   * Whether the birthday mail of a week goes out more than 24 h late: drawn for birthdays from
   * Monday to Saturday ({@code dayInWeek} 0..5), which leave room to send it late within the week.
   */
  Column lateBirthday(Column dayInWeek, Column week) {
    return dayInWeek.leq(5).and(draws.uniform("late", customer(), week.cast("int")).lt(params.lateShare()));
  }

  /** The first week with a late birthday mail if the customer were reachable all along (customer level). */
  Column lateCandidateWeek(Column birthdayDays) {
    return weekOfDay(array_min(filter(birthdayDays,
        d -> lateBirthday(d.minus(weekOfDay(d).multiply(7)), weekOfDay(d)))));
  }

  /** Day in the week (0 = Monday) of the customer's birthday if it falls in the week, else null (week level). */
  static Column birthdayInWeek(Column birthdayDays, Column week) {
    Column day = array_min(filter(birthdayDays, d -> weekOfDay(d).equalTo(week)));
    return day.minus(week.multiply(7));
  }

  /** Scheduled local time of the birthday mail: 09:00 on the birthday (week level). */
  static Column birthdayScheduledLocal(Column dayInWeek) {
    return dayInWeek.multiply(DAY).plus(BIRTHDAY_HOUR);
  }

  /** UTC seconds the birthday mail is actually sent (week level). */
  Column birthdaySent(Column week, Column dayInWeek, Column late) {
    Column scheduled = birthdayScheduledLocal(dayInWeek);
    Column lateDelay = floor(draws.uniform("late-delay", customer(), week.cast("int"))
        .multiply(lit(LATE_AT_MOST - LATE_AT_LEAST).minus(scheduled)));
    Column onTime = floor(draws.uniform("bday-spread", customer(), week.cast("int")).multiply(20 * MINUTE));
    return clock.seconds(week, scheduled.plus(when(late, lit(LATE_AT_LEAST).plus(lateDelay)).otherwise(onTime)));
  }

  /**
   * The customer's mails of the week, one struct per targeted campaign of {@code campaigns}; reads
   * the week-level columns bday_day (birthday in the week), bday_late, bday_sent_s, bday_scheduled_s.
   */
  Column ofWeek(Column campaigns) {
    Column wanted = filter(campaigns, c -> when(c.getField("birthday"),
        c.getField("audience").equalTo(col("lang")).and(col("bday_day").isNotNull())).otherwise(targeted(c)));
    return transform(wanted, c -> {
      Column held = heldOut(c);
      Column bounce = not(held).and(bounced(c));
      Column launch = c.getField("launch_s");
      Column spread = draws.uniform("spread", customer(), c.getField("id"));
      Column isBirthday = c.getField("birthday");
      Column sent = when(held, launch)
          .when(isBirthday, col("bday_sent_s"))
          .when(c.getField("kind").equalTo("transactional"), launch.plus(floor(spread.multiply(5 * DAY))))
          .otherwise(launch.plus(floor(spread.multiply(45 * MINUTE))));
      return struct(
          c.getField("id").as("id"),
          c.getField("deceptive").as("deceptive"),
          c.getField("open_weight").as("open_weight"),
          held.as("holdout"),
          bounce.as("bounced"),
          not(held).and(not(bounce)).as("delivered"),
          sent.as("sent_s"),
          when(isBirthday, col("bday_scheduled_s")).as("scheduled_s"));
    });
  }
}
