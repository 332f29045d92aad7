package com.trustlens.generate;

import static com.trustlens.generate.WeekClock.ACTIVITY_CUTOFF;
import static com.trustlens.generate.WeekClock.DAY;
import static com.trustlens.generate.WeekClock.HOUR;
import static com.trustlens.generate.WeekClock.MINUTE;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Who receives which mail, when: the targeting, holdout, bounce and send-time draws of a customer
 * for a campaign. The same expressions decide a customer's first deceptive mail
 * ({@link CustomerModel}, from the calendar's values) and write exposures (from the week's
 * campaign structs, see {@link CampaignTable}), so the cohort in truth.json is the cohort the raw
 * files show. Mails go out only in weeks the customer is still reachable. Send times are UTC
 * epoch seconds. Draws are keyed by the customer's number {@code n} and the campaign's number.
 */
final class Mails {
  /** A delivered mail can be opened only if sent at least this long before the week's activity cutoff. */
  static final long OPENABLE_BEFORE_CUTOFF = 15 * MINUTE;
  private static final long BIRTHDAY_HOUR = 9 * HOUR;
  private static final long LATE_AT_LEAST = 25 * HOUR;
  /** Latest local time of a late birthday mail: an hour before the week's activity cutoff. */
  private static final long LATE_AT_MOST = ACTIVITY_CUTOFF - HOUR;

  /** The fields of a campaign the draws read, as columns (struct fields or literals); {@code no} keys its draws. */
  record Ref(Column no, Column audience, Column reach, Column holdoutShare, Column bounceRate) {
    /** A campaign struct of {@link CampaignTable#byWeek}. */
    static Ref of(Column c) {
      return new Ref(c.getField("no"), c.getField("audience"), c.getField("reach"), c.getField("holdout_share"),
          c.getField("bounce_rate"));
    }

    /** Campaign number {@code no} of the calendar, as literals. */
    static Ref of(Campaign c, int no, List<SegmentProfile> segments) {
      return new Ref(lit(no), lit(c.audience()),
          array(segments.stream().map(s -> lit(c.reach().get(s.name()))).toArray(Column[]::new)),
          lit(c.actualHoldoutShare()), lit(c.bounceRate()));
    }
  }

  private final Draws draws;
  private final WeekClock clock;
  private final ModelParameters params;

  Mails(Draws draws, WeekClock clock, ModelParameters params) {
    this.draws = draws;
    this.clock = clock;
    this.params = params;
  }

  /** The customer's number: the customer key of every draw. */
  static Column customer() {
    return col("n");
  }

  /** Whether a non-birthday campaign targets the customer (its audience language, a segment-specific rate). */
  Column targeted(Ref c) {
    return c.audience().equalTo(col("lang"))
        .and(draws.uniform("target", customer(), c.no()).lt(element_at(c.reach(), col("segment_idx").plus(1))));
  }

  /** Whether a targeted customer is drawn into the campaign's randomised holdout. */
  Column heldOut(Ref c) {
    return draws.uniform("holdout", customer(), c.no()).lt(c.holdoutShare());
  }

  /** Whether a send that is not held out bounces. */
  Column bounced(Ref c) {
    return draws.uniform("bounce", customer(), c.no()).lt(c.bounceRate());
  }

  /** Whether a deceptive campaign is a delivered mail to the customer: what makes a cohort. */
  Column treats(Ref c) {
    return targeted(c).and(not(heldOut(c))).and(not(bounced(c)));
  }

  /** Day in the week (0 = Monday) of the customer's birthday if it falls in the week, else null. */
  Column birthdayInWeek(Column birthDate, Column week) {
    Column monday = clock.monday(week);
    Column thisYear = datediff(make_date(year(monday), month(birthDate), dayofmonth(birthDate)), monday);
    Column nextYear = datediff(make_date(year(monday).plus(1), month(birthDate), dayofmonth(birthDate)), monday);
    return when(thisYear.between(0, 6), thisYear).when(nextYear.between(0, 6), nextYear);
  }

  /**
   * Whether the birthday mail of a week goes out more than 24 h late: drawn for birthdays from
   * Monday to Saturday ({@code dayInWeek} 0..5), which leave room to send it late within the week.
   */
  Column lateBirthday(Column dayInWeek, Column week) {
    return dayInWeek.leq(5).and(draws.uniform("late", customer(), week.cast("int")).lt(params.lateShare()));
  }

  /** Scheduled local time of the birthday mail: 09:00 on the birthday. */
  static Column birthdayScheduledLocal(Column dayInWeek) {
    return dayInWeek.multiply(DAY).plus(BIRTHDAY_HOUR);
  }

  /** Whether the week's campaign struct {@code c} reaches the customer (birthday mails: the birthday's week). */
  Column reaches(Column c) {
    return when(c.getField("birthday"), c.getField("audience").equalTo(col("lang")).and(col("bday_day").isNotNull()))
        .otherwise(targeted(Ref.of(c)));
  }

  /** UTC seconds a reached customer is sent the campaign {@code c} (held out: the campaign's own time). */
  Column sentSeconds(Column c, Column held) {
    Column launch = c.getField("launch_s");
    Column spread = draws.uniform("spread", customer(), c.getField("no"));
    return when(held, launch)
        .when(c.getField("birthday"), col("bday_sent_s"))
        .when(c.getField("kind").equalTo("transactional"), launch.plus(floor(spread.multiply(5 * DAY))))
        .otherwise(launch.plus(floor(spread.multiply(45 * MINUTE))));
  }

  /** UTC seconds the birthday mail is actually sent. */
  Column birthdaySent(Column week, Column dayInWeek, Column late) {
    Column scheduled = birthdayScheduledLocal(dayInWeek);
    Column lateDelay = floor(draws.uniform("late-delay", customer(), week.cast("int"))
        .multiply(lit(LATE_AT_MOST - LATE_AT_LEAST).minus(scheduled)));
    Column onTime = floor(draws.uniform("bday-spread", customer(), week.cast("int")).multiply(20 * MINUTE));
    return clock.seconds(week, scheduled.plus(when(late, lit(LATE_AT_LEAST).plus(lateDelay)).otherwise(onTime)));
  }

}
