package com.trustlens.survival;

import com.trustlens.config.Analysis;
import com.trustlens.config.Bootstrap;
import com.trustlens.config.ControlGroup;
import com.trustlens.config.PeriodUnit;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A three-week world (2025-01-06 to 2025-01-26, Europe/Paris, one stratum) whose survival
 * subjects can be worked out with a pencil. Six customers x1..x6 are first exposed on Wednesday
 * 2025-01-08 at 10:00 Paris (09:00 UTC), two (c5, c6) on Monday 2025-01-20 at 11:00 Paris; so a
 * control is matched to 2025-01-08 when its fixed draw is below 6/8 and to 2025-01-20 otherwise
 * ({@link #MATCHED_DAY}, checked by the tests).
 */
final class SurvivalFixtures {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate START = LocalDate.of(2025, 1, 6);
  static final LocalDate END = LocalDate.of(2025, 1, 26);
  static final String FIRST_DAY = "2025-01-08T09:00:00Z";
  static final String LATER_DAY = "2025-01-20T10:00:00Z";
  /** The exposure day each possible control is drawn to (draws: c1 0.239, c2 0.963, c3 0.024, c4 0.815, ...). */
  static final Map<String, String> MATCHED_DAY = Map.of("c1", "2025-01-08", "c2", "2025-01-20", "c3", "2025-01-08",
      "c4", "2025-01-20", "c5", "2025-01-08", "c6", "2025-01-08", "c7", "2025-01-08", "c8", "2025-01-20");

  private SurvivalFixtures() {}

  static Analysis analysis(ControlGroup controls, List<String> strata, int minCellSize) {
    return new Analysis(PeriodUnit.WEEK, PARIS.getId(), START, END, controls, strata, 6, 12, List.of("opened"),
        minCellSize, 0.95, new Bootstrap(999, 7), Map.of(), 48, 90, 256, true, 10);
  }

  static Dataset<Row> cohorts(SparkSession spark) {
    List<Row> rows = List.of(
        cohort("x1", FIRST_DAY), cohort("x2", FIRST_DAY), cohort("x3", FIRST_DAY),
        cohort("x4", FIRST_DAY), cohort("x5", FIRST_DAY), cohort("x6", FIRST_DAY),
        cohort("c1", null), cohort("c2", null), cohort("c3", null), cohort("c4", null),
        cohort("c5", LATER_DAY), cohort("c6", LATER_DAY), cohort("c7", null), cohort("c8", null),
        // Treated before the window: in neither arm.
        cohort("p1", "2025-01-03T09:00:00Z"));
    return spark.createDataFrame(rows, Schemas.output("customer_cohorts").structType());
  }

  static Dataset<Row> events(SparkSession spark) {
    List<Row> rows = List.of(
        event("x1", "unsubscribe", "2025-01-10T12:00:00Z"),      // day 3
        event("x2", "account_closed", "2025-01-12T12:00:00Z"),   // day 5: churn; censors unsubscribe
        event("x2", "unsubscribe", "2025-01-13T12:00:00Z"),      // after the closure: no longer counts
        event("x4", "unsubscribe", "2025-01-08T08:00:00Z"),      // before the exposure: not at risk
        event("x5", "unsubscribe", "2025-01-08T20:00:00Z"),      // 21:00 Paris, same day: day 1
        event("x6", "unsubscribe", "2025-01-26T23:30:00Z"),      // Monday 00:30 Paris: after the window
        event("x1", "email_open", "2025-01-09T12:00:00Z"),
        event("c2", "unsubscribe", "2025-01-05T12:00:00Z"),      // gone before the window
        event("c3", "unsubscribe", "2025-01-08T08:00:00Z"),      // gone before the day's first send
        event("c4", "unsubscribe", "2025-01-15T10:00:00Z"),      // before its matched day, the 20th
        event("c5", "unsubscribe", "2025-01-21T10:00:00Z"),      // after its own exposure
        event("c6", "unsubscribe", "2025-01-20T08:00:00Z"),      // before its own exposure, same day
        event("c7", "account_closed", "2025-01-10T10:00:00Z"));  // day 3
    return spark.createDataFrame(rows, Schemas.silver("events").structType());
  }

  private static Row cohort(String key, String firstExposure) {
    Periods weeks = new Periods(PeriodUnit.WEEK, PARIS);
    Timestamp at = firstExposure == null ? null : Timestamp.from(Instant.parse(firstExposure));
    Date period = at == null ? null : Date.valueOf(weeks.startOf(at.toInstant().atZone(PARIS).toLocalDate()));
    return RowFactory.create("deceptive_mail", key, period, at, at == null ? null : "k1", at == null ? 0 : 1,
        null, null, null, "all");
  }

  private static Row event(String key, String type, String time) {
    return RowFactory.create(key + "-" + type + "-" + time, key, type, Timestamp.from(Instant.parse(time)), null, null,
        null, scala.collection.immutable.Map$.MODULE$.empty());
  }
}
