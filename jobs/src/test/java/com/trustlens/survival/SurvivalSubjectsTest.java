package com.trustlens.survival;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.testing.DataFrames;
import com.trustlens.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SurvivalSubjectsTest {
  private final SparkSession spark;

  SurvivalSubjectsTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> subjects(ControlGroup controls) {
    return new SurvivalSubjects(SurvivalFixtures.PARIS, SurvivalFixtures.START, SurvivalFixtures.END, controls,
        SurvivalOutcome.ALL).apply(SurvivalFixtures.cohorts(spark), SurvivalFixtures.events(spark));
  }

  @Test
  void eachPossibleControlIsDrawnToTheDayTheFixtureSays() {
    // The pencil values below rest on these fixed draws: 6 of the 8 exposed start on 2025-01-08.
    List<Row> draws = SurvivalFixtures.cohorts(spark)
        .filter(col("customer_key").isin(SurvivalFixtures.MATCHED_DAY.keySet().toArray()))
        .select(col("customer_key"), ControlMatching.draw().as("draw")).collectAsList();
    assertEquals(SurvivalFixtures.MATCHED_DAY.size(), draws.size());
    for (Row r : draws) {
      String day = r.getDouble(1) < 0.75 ? "2025-01-08" : "2025-01-20";
      assertEquals(SurvivalFixtures.MATCHED_DAY.get(r.getString(0)), day, r.getString(0) + " draws " + r.getDouble(1));
    }
  }

  @Test
  void exposureDaysShareTheUnitIntervalByTheirExposedCustomers() {
    Dataset<Row> exposed = exposedAsMatchingSeesThem();
    Dataset<Row> actual = ControlMatching.exposureDays(exposed);
    Object[][] expected = {
        {"deceptive_mail", "all", java.sql.Date.valueOf("2025-01-08"), ts(SurvivalFixtures.FIRST_DAY), 0.0, 0.75},
        {"deceptive_mail", "all", java.sql.Date.valueOf("2025-01-20"), ts(SurvivalFixtures.LATER_DAY), 0.75, 1.0}};
    DataFrames.assertSameRows(DataFrames.rows(spark, actual.schema(), expected), actual);
  }

  // The exposed as ControlMatching sees them: every first exposure in the window, gone or not.
  private Dataset<Row> exposedAsMatchingSeesThem() {
    return SurvivalFixtures.cohorts(spark).filter("first_exposure_at >= timestamp'2025-01-05 23:00:00'")
        .select(col("treatment"), col("customer_key"), col("stratum"),
            SurvivalSubjects.localDate(col("first_exposure_at"), SurvivalFixtures.PARIS).as("start_date"),
            col("first_exposure_at").as("start_at"));
  }

  private static java.sql.Timestamp ts(String instant) {
    return java.sql.Timestamp.from(java.time.Instant.parse(instant));
  }

  @Test
  void controlsAreDrawnToDaysInTheProportionsOfTheExposedAndOnlyOnce() {
    // 1 exposed customer on the 8th, 3 on the 20th; 4000 never-treated customers.
    Dataset<Row> cohorts = spark.sql("""
        select 'deceptive_mail' as treatment, concat('n', id) as customer_key,
          case when id < 2 then timestamp'2025-01-08 09:00:00' when id < 5 then timestamp'2025-01-20 10:00:00' end
            as first_exposure_at, 'all' as stratum
        from range(1, 4005)""");
    Dataset<Row> exposed = cohorts.filter("first_exposure_at is not null")
        .select(col("treatment"), col("customer_key"), col("stratum"),
            SurvivalSubjects.localDate(col("first_exposure_at"), SurvivalFixtures.PARIS).as("start_date"),
            col("first_exposure_at").as("start_at"));
    Dataset<Row> controls = new ControlMatching(SurvivalFixtures.PARIS, false).apply(cohorts, exposed);
    long total = controls.count();
    long early = controls.filter("start_date = date'2025-01-08'").count();
    assertEquals(4000, total, "every never-treated customer once");
    assertEquals(4000, controls.select("customer_key").distinct().count());
    // Binomial(4000, 1/4): sd 27; 6 sd either side.
    assertTrue(Math.abs(early - 1000) < 165, early + " controls on the 8th");
  }

  private static void add(List<Object[]> rows, String arm, String outcome, int day, int event) {
    rows.add(new Object[] {"deceptive_mail", outcome, arm, "all", day, event});
  }

  // Both outcomes alike, except where an account closure censors unsubscribe.
  private static void both(List<Object[]> rows, String arm, int day, int event) {
    add(rows, arm, "unsubscribe", day, event);
    add(rows, arm, "churn", day, event);
  }

  @Test
  void subjectsStartTheirClocksOnTheirExposureDayOrTheirMatchedDay() {
    Dataset<Row> actual = subjects(ControlGroup.NOT_YET_TREATED);
    List<Object[]> rows = new ArrayList<>();
    // Exposed from 2025-01-08 (day 1) to the window end 2025-01-26 (day 19).
    both(rows, "exposed", 3, 1);                 // x1: unsubscribed on the 10th
    add(rows, "exposed", "unsubscribe", 5, 0);   // x2: closed the account on the 12th
    add(rows, "exposed", "churn", 5, 1);
    both(rows, "exposed", 19, 0);                // x3: nothing happened
    both(rows, "exposed", 1, 1);                 // x5: unsubscribed the evening of the mail
    both(rows, "exposed", 19, 0);                // x6: unsubscribed after the window's last day (Paris)
    both(rows, "exposed", 2, 1);                 // c5: exposed on the 20th, unsubscribed on the 21st
    // x4 and c6 had unsubscribed before their exposure: not at risk. p1 was treated before the window.
    // Controls, clock from 2025-01-08 (day 1).
    both(rows, "control", 19, 0);                // c1: censored at the window end
    both(rows, "control", 7, 0);                 // c8: matched to the 20th (day 1), censored on the 26th
    both(rows, "control", 13, 0);                // c5: censored on the day of its own exposure (20th)
    both(rows, "control", 13, 1);                // c6: unsubscribed on the 20th before its exposure
    add(rows, "control", "unsubscribe", 3, 0);   // c7: closed the account on the 10th
    add(rows, "control", "churn", 3, 1);
    // c2 left before the window, c3 the morning of the 8th before the first send, c4 (matched to the
    // 20th) on the 15th: not at risk on their matched day.
    DataFrames.assertSameRows(DataFrames.rows(spark, actual.schema(), rows.toArray(Object[][]::new)), actual);
  }

  @Test
  void neverTreatedDesignKeepsLaterTreatedCustomersOutOfTheControls() {
    Dataset<Row> controls = subjects(ControlGroup.NEVER_TREATED).filter("arm = 'control' and outcome = 'churn'");
    List<Object[]> rows = new ArrayList<>();
    add(rows, "control", "churn", 19, 0);   // c1
    add(rows, "control", "churn", 7, 0);    // c8
    add(rows, "control", "churn", 3, 1);    // c7
    DataFrames.assertSameRows(DataFrames.rows(spark, controls.schema(), rows.toArray(Object[][]::new)), controls);
  }

  @Test
  void countsGiveAtRiskFromLaterExits() {
    Dataset<Row> actual = new SurvivalCounts(false).apply(subjects(ControlGroup.NOT_YET_TREATED));
    Object[][] expected = {
        // treatment, outcome, arm, stratum, day, at_risk, events, censored
        {"deceptive_mail", "unsubscribe", "exposed", "all", 1, 6L, 1L, 0L},
        {"deceptive_mail", "unsubscribe", "exposed", "all", 2, 5L, 1L, 0L},
        {"deceptive_mail", "unsubscribe", "exposed", "all", 3, 4L, 1L, 0L},
        {"deceptive_mail", "unsubscribe", "exposed", "all", 5, 3L, 0L, 1L},
        {"deceptive_mail", "unsubscribe", "exposed", "all", 19, 2L, 0L, 2L},
        {"deceptive_mail", "churn", "exposed", "all", 1, 6L, 1L, 0L},
        {"deceptive_mail", "churn", "exposed", "all", 2, 5L, 1L, 0L},
        {"deceptive_mail", "churn", "exposed", "all", 3, 4L, 1L, 0L},
        {"deceptive_mail", "churn", "exposed", "all", 5, 3L, 1L, 0L},
        {"deceptive_mail", "churn", "exposed", "all", 19, 2L, 0L, 2L},
        {"deceptive_mail", "unsubscribe", "control", "all", 3, 5L, 0L, 1L},
        {"deceptive_mail", "unsubscribe", "control", "all", 7, 4L, 0L, 1L},
        {"deceptive_mail", "unsubscribe", "control", "all", 13, 3L, 1L, 1L},
        {"deceptive_mail", "unsubscribe", "control", "all", 19, 1L, 0L, 1L},
        {"deceptive_mail", "churn", "control", "all", 3, 5L, 1L, 0L},
        {"deceptive_mail", "churn", "control", "all", 7, 4L, 0L, 1L},
        {"deceptive_mail", "churn", "control", "all", 13, 3L, 1L, 1L},
        {"deceptive_mail", "churn", "control", "all", 19, 1L, 0L, 1L}};
    DataFrames.assertSameRows(DataFrames.rows(spark, actual.schema(), expected), actual);
  }

  @Test
  void stratifiedCountsAddTheCurveOverAllStrata() {
    Dataset<Row> subjects = spark.sql("""
        select * from values
          ('t', 'churn', 'exposed', 'segment=a', 2, 1), ('t', 'churn', 'exposed', 'segment=a', 4, 0),
          ('t', 'churn', 'exposed', 'segment=b', 2, 0), ('t', 'churn', 'exposed', 'segment=b', 3, 1)
        as s(treatment, outcome, arm, stratum, day, event)""");
    Dataset<Row> actual = new SurvivalCounts(true).apply(subjects);
    Object[][] expected = {
        {"t", "churn", "exposed", "segment=a", 2, 2L, 1L, 0L},
        {"t", "churn", "exposed", "segment=a", 4, 1L, 0L, 1L},
        {"t", "churn", "exposed", "segment=b", 2, 2L, 0L, 1L},
        {"t", "churn", "exposed", "segment=b", 3, 1L, 1L, 0L},
        {"t", "churn", "exposed", "all", 2, 4L, 1L, 1L},
        {"t", "churn", "exposed", "all", 3, 2L, 1L, 0L},
        {"t", "churn", "exposed", "all", 4, 1L, 0L, 1L}};
    DataFrames.assertSameRows(DataFrames.rows(spark, actual.schema(), expected), actual);
  }
}
