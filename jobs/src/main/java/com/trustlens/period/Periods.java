package com.trustlens.period;

import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;

import com.trustlens.config.PeriodUnit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Analysis periods: identified by their first day (Monday of an ISO week, 1st of a month),
 * computed in the analysis time zone, the same way in Spark columns and in Java.
 */
public record Periods(PeriodUnit unit, ZoneId zone) {

  /** First day of the period holding a UTC timestamp column, as a date column. */
  public Column startOf(Column utcTimestamp) {
    Column local = from_utc_timestamp(utcTimestamp, zone.getId());
    return date_trunc(truncUnit(), local).cast("date");
  }

  /** First day of the period holding a date column. */
  public Column startOfDate(Column date) {
    return date_trunc(truncUnit(), date.cast("timestamp")).cast("date");
  }

  /** Whole periods from period start {@code from} to period start {@code to} (both date columns). */
  public Column between(Column from, Column to) {
    return switch (unit) {
      case DAY -> datediff(to, from);
      case WEEK -> datediff(to, from).divide(lit(7)).cast("int");
      case MONTH -> months_between(to, from).cast("int");
    };
  }

  /** First day of the period holding a day. */
  public LocalDate startOf(LocalDate day) {
    return switch (unit) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** Last day of the period holding a day. */
  public LocalDate endOf(LocalDate day) {
    return next(startOf(day)).minusDays(1);
  }

  /** First day of the following period. */
  public LocalDate next(LocalDate periodStart) {
    return switch (unit) {
      case DAY -> periodStart.plusDays(1);
      case WEEK -> periodStart.plusWeeks(1);
      case MONTH -> periodStart.plusMonths(1);
    };
  }

  /** Period starts from the period of start to the period of end, inclusive. */
  public List<LocalDate> range(LocalDate start, LocalDate end) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate p = startOf(start); !p.isAfter(end); p = next(p)) {
      out.add(p);
    }
    return out;
  }

  /** Whole periods between two period starts. */
  public long between(LocalDate from, LocalDate to) {
    return switch (unit) {
      case DAY -> ChronoUnit.DAYS.between(from, to);
      case WEEK -> ChronoUnit.WEEKS.between(from, to);
      case MONTH -> ChronoUnit.MONTHS.between(from, to);
    };
  }

  /** Human name of the first day of a period, for messages. */
  public String firstDayName() {
    return switch (unit) {
      case DAY -> "any day";
      case WEEK -> "a Monday";
      case MONTH -> "the 1st of a month";
    };
  }

  private String truncUnit() {
    return switch (unit) {
      case DAY -> "day";
      case WEEK -> "week";
      case MONTH -> "month";
    };
  }
}
