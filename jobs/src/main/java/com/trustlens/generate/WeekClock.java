package com.trustlens.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * The generated window's weeks (Monday 00:00 to Sunday 24:00 in the analysis zone). A local time
 * "week w, s seconds after Monday 00:00" becomes a UTC instant by plain arithmetic on per-week
 * constants computed on the driver from the zone's rules (the UTC instant of Monday 00:00, and the
 * local time and size of the week's clock change, if any). Spark's own zone conversions re-parse
 * the zone name on every row when evaluated inside higher-order functions; this does not.
 * A local time in the spring gap moves forward by the gap; one in the autumn overlap takes the
 * earlier offset, as java.time does.
 */
final class WeekClock {
  static final long MINUTE = 60;
  static final long HOUR = 3600;
  static final long DAY = 86400;
  static final long WEEK = 7 * DAY;
  /** Opens, clicks and complaints of a week happen before Sunday 18:00 local. */
  static final long ACTIVITY_CUTOFF = 6 * DAY + 18 * HOUR;
  /** Unsubscribes and closures happen on the last Sunday evening, after the week's activity. */
  static final long EXIT_FROM = 6 * DAY + 19 * HOUR;

  private final LocalDate start;
  private final int weeks;
  private final ZoneId zone;
  private final long[] mondayUtc;
  private final long[] changeAt;
  private final long[] changeBy;
  private final Column mondayUtcColumn;
  private final Column changeAtColumn;
  private final Column changeByColumn;

  WeekClock(LocalDate start, int weeks, ZoneId zone) {
    this.start = start;
    this.weeks = weeks;
    this.zone = zone;
    ZoneRules rules = zone.getRules();
    // One more week than the window: late events of the last week never need it, but keep bounds safe.
    mondayUtc = new long[weeks + 1];
    changeAt = new long[weeks + 1];
    changeBy = new long[weeks + 1];
    for (int w = 0; w <= weeks; w++) {
      Instant monday = start.plusWeeks(w).atStartOfDay(zone).toInstant();
      mondayUtc[w] = monday.getEpochSecond();
      ZoneOffsetTransition next = rules.nextTransition(monday);
      Instant sunday = start.plusWeeks(w + 1).atStartOfDay(zone).toInstant();
      if (next != null && next.getInstant().isBefore(sunday)) {
        ZoneOffset before = next.getOffsetBefore();
        changeBy[w] = next.getOffsetAfter().getTotalSeconds() - before.getTotalSeconds();
        // Local seconds after Monday 00:00 from which the new offset applies: the wall time of the
        // change, or the end of the gap it opens (times in the gap keep the old offset, i.e. move forward).
        changeAt[w] = next.getInstant().getEpochSecond() + before.getTotalSeconds()
            - start.plusWeeks(w).toEpochDay() * DAY + Math.max(0, changeBy[w]);
      } else {
        changeAt[w] = Long.MAX_VALUE;
        changeBy[w] = 0;
      }
    }
    mondayUtcColumn = longs(mondayUtc);
    changeAtColumn = longs(changeAt);
    changeByColumn = longs(changeBy);
  }

  private static Column longs(long[] values) {
    return array(Arrays.stream(values).mapToObj(v -> lit(v)).toArray(Column[]::new));
  }

  int weeks() {
    return weeks;
  }

  LocalDate start() {
    return start;
  }

  ZoneId zone() {
    return zone;
  }

  /** UTC epoch seconds of local time {@code localSeconds} (whole seconds) after Monday 00:00 of the week. */
  Column seconds(Column week, Column localSeconds) {
    Column w = week.cast("int").plus(1);
    Column afterChange = localSeconds.geq(element_at(changeAtColumn, w));
    Column wall = element_at(mondayUtcColumn, w).plus(localSeconds.cast("long"));
    // A forward change (spring) makes later local times earlier in UTC by its size, and conversely.
    return when(afterChange, wall.minus(element_at(changeByColumn, w))).otherwise(wall);
  }

  /** The same as a timestamp column. */
  Column at(Column week, Column localSeconds) {
    return timestamp_seconds(seconds(week, localSeconds));
  }

  Column at(Column week, long localSeconds) {
    return at(week, lit(localSeconds));
  }

  /** Instant of a local time of week {@code week}, on the driver (same arithmetic as {@link #seconds}). */
  Instant at(int week, long localSeconds) {
    long utc = mondayUtc[week] + localSeconds - (localSeconds >= changeAt[week] ? changeBy[week] : 0);
    return Instant.ofEpochSecond(utc);
  }

  /** Local date of the Monday of week {@code week} (0-based). */
  Column monday(Column week) {
    return date_add(lit(start), week.multiply(7));
  }

  /** The local Monday of week {@code week}, on the driver. */
  LocalDate monday(int week) {
    return start.plusWeeks(week);
  }
}
