package com.trustlens.survival;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.Analysis;
import com.trustlens.config.Bootstrap;
import com.trustlens.config.ControlGroup;
import com.trustlens.config.PeriodUnit;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A seeded world for the cross-check against R: 640 customers in two strata over a 25-week window,
 * four deceptive sends, customers treated before the window, later (not-yet-treated controls) or
 * never, unsubscribes and closures before, during and after the window; exposed customers
 * unsubscribe more. Day resolution gives many ties; the window end, controls' own exposures and
 * closures (for unsubscribe) censor.
 */
final class RCrossCheckData {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate START = LocalDate.of(2025, 1, 6);
  static final LocalDate END = LocalDate.of(2025, 6, 29);
  private static final int CUSTOMERS = 640;
  private static final Instant[] SENDS = {
      Instant.parse("2025-01-15T09:00:00Z"), Instant.parse("2025-02-05T09:00:00Z"),
      Instant.parse("2025-03-05T09:00:00Z"), Instant.parse("2025-04-09T08:00:00Z")};
  private static final Instant BEFORE_WINDOW = Instant.parse("2024-12-10T09:00:00Z");
  private static final Instant EXITS_FROM = Instant.parse("2024-12-01T00:00:00Z");
  private static final Instant EXITS_TO = Instant.parse("2025-08-01T00:00:00Z");

  private RCrossCheckData() {}

  static Analysis analysis(int horizon, double confidence) {
    return new Analysis(PeriodUnit.WEEK, PARIS.getId(), START, END, ControlGroup.NOT_YET_TREATED, List.of("segment"),
        6, 12, List.of("opened"), 1, confidence, new Bootstrap(999, 7), Map.of(), 48, horizon, 256, true, 10);
  }

  /** First exposure per customer: 5% before the window, 45% on one of the sends, the rest never. */
  private static final Instant[] EXPOSURES = new Instant[CUSTOMERS];

  static {
    Random r = new Random(7L);
    for (int i = 0; i < CUSTOMERS; i++) {
      double u = r.nextDouble();
      EXPOSURES[i] = u < 0.05 ? BEFORE_WINDOW : u < 0.50 ? SENDS[r.nextInt(SENDS.length)] : null;
    }
  }

  private static Instant exposure(int i) {
    return EXPOSURES[i];
  }

  private static String stratum(int i) {
    return i % 3 == 0 ? "segment=gold" : "segment=standard";
  }

  static Dataset<Row> cohorts(SparkSession spark) {
    Periods weeks = new Periods(PeriodUnit.WEEK, PARIS);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      Instant e = exposure(i);
      Timestamp at = e == null ? null : Timestamp.from(e);
      Date period = e == null ? null : Date.valueOf(weeks.startOf(e.atZone(PARIS).toLocalDate()));
      rows.add(RowFactory.create("deceptive_mail", "k" + i, period, at, e == null ? null : "c1", e == null ? 0 : 1,
          null, null, null, stratum(i)));
    }
    return spark.createDataFrame(rows, Schemas.output("customer_cohorts").structType());
  }

  static Dataset<Row> events(SparkSession spark) {
    Random r = new Random(20250106L);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      Instant e = exposure(i);
      // Gold customers leave less: a stratum effect the stratified test must absorb.
      double leave = i % 3 == 0 ? 0.25 : 0.4;
      if (r.nextDouble() < leave) rows.add(event(rows.size(), i, "unsubscribe", uniform(r, EXITS_FROM, EXITS_TO)));
      if (e != null && r.nextDouble() < 0.12) {
        rows.add(event(rows.size(), i, "unsubscribe", e.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 80)))));
      }
      if (r.nextDouble() < 0.12) rows.add(event(rows.size(), i, "account_closed", uniform(r, EXITS_FROM, EXITS_TO)));
      if (r.nextDouble() < 0.5) rows.add(event(rows.size(), i, "email_open", uniform(r, EXITS_FROM, EXITS_TO)));
    }
    return spark.createDataFrame(rows, Schemas.silver("events").structType());
  }

  private static Instant uniform(Random r, Instant from, Instant to) {
    return from.plusSeconds((long) (r.nextDouble() * Duration.between(from, to).getSeconds()));
  }

  private static Row event(int id, int customer, String type, Instant at) {
    return RowFactory.create("e" + id, "k" + customer, type, Timestamp.from(at), null, null, null,
        scala.collection.immutable.Map$.MODULE$.empty());
  }

  /** The data must exercise what the check is for: size, both arms and strata, ties, censoring. */
  static void requireNonTrivial(List<Map<String, String>> rCurves, Dataset<Row> subjects) {
    long n = subjects.filter("outcome = 'churn'").count();
    assertTrue(n >= 300 && n <= 1000, n + " churn subjects");
    for (String arm : List.of("exposed", "control")) {
      for (String s : List.of("segment=gold", "segment=standard")) {
        long k = subjects.filter("outcome = 'churn' and arm = '" + arm + "' and stratum = '" + s + "'").count();
        assertTrue(k >= 40, k + " " + arm + " subjects in " + s);
      }
    }
    assertTrue(rCurves.stream().anyMatch(r -> Integer.parseInt(r.get("n_event")) >= 2), "tied events");
    assertTrue(rCurves.stream().anyMatch(r -> Integer.parseInt(r.get("n_event")) >= 1
        && Integer.parseInt(r.get("n_censor")) >= 1), "an event and a censoring on the same day");
    assertTrue(subjects.filter("event = 0").count() >= 200, "censoring");
    assertTrue(subjects.filter("event = 1").count() >= 100, "events");
  }
}
