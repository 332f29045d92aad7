package com.trustlens.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SurvivalTest {
  private static final double TOL = 1e-12;
  private final SparkSession spark;

  SurvivalTest(SparkSession spark) {
    this.spark = spark;
  }

  private Survival.Result run(ControlGroup controls, int minCellSize) {
    return new Survival(SurvivalFixtures.analysis(controls, List.of(), minCellSize))
        .apply(SurvivalFixtures.cohorts(spark), SurvivalFixtures.events(spark));
  }

  private static Row only(List<Row> rows) {
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  @Test
  void testTableComparesTheArmsOfTheFixture() {
    Survival.Result r = run(ControlGroup.NOT_YET_TREATED, 1);
    assertEquals(Schemas.output("survival_test").structType(), r.test().schema());
    Row unsub = only(r.test().filter("outcome = 'unsubscribe'").collectAsList());
    assertEquals("not_yet_treated", unsub.getAs("control_group"));
    assertEquals(6L, (long) unsub.getAs("n_exposed"));
    assertEquals(5L, (long) unsub.getAs("n_control"));
    assertEquals(3L, (long) unsub.getAs("events_exposed"));
    assertEquals(1L, (long) unsub.getAs("events_control"));
    // Exposed: 5/6 after day 1, 4/6 after day 2, 1/2 after day 3: area to day 90 = 1 + 5/6 + 4/6 + 87/2 = 46.
    // Controls: 1 until day 13, then 2/3: 13 + 77 x 2/3 = 64.333.
    assertEquals(46.0, unsub.getAs("rmst_exposed"), TOL);
    assertEquals(13 + 77 * 2.0 / 3, unsub.getAs("rmst_control"), TOL);
    assertEquals(46.0 - 13 - 77 * 2.0 / 3, unsub.getAs("rmst_diff"), TOL);
    assertEquals(90, (int) unsub.getAs("horizon_days"));
    // The log-rank of the same counts, from the pencil risk tables of SurvivalSubjectsTest.
    LogRankTest expected = LogRankTest.of(List.of(new LogRankTest.Stratum(
        RiskTables.of(new int[] {3, 5, 19, 1, 19, 2}, new int[] {1, 0, 0, 1, 0, 1}),
        RiskTables.of(new int[] {19, 7, 13, 13, 3}, new int[] {0, 0, 0, 1, 0}))));
    assertEquals(expected.chiSquare(), unsub.getAs("logrank_chi2"), TOL);
    assertEquals(expected.pValue(), unsub.getAs("p_value"), TOL);
    assertEquals(1, (int) unsub.getAs("logrank_strata"));
    assertEquals(false, unsub.getAs("suppressed"));
    Row churn = only(r.test().filter("outcome = 'churn'").collectAsList());
    assertEquals(4L, (long) churn.getAs("events_exposed"));
    assertEquals(2L, (long) churn.getAs("events_control"));
  }

  @Test
  void curveStartsAtDayZeroAndFollowsTheProductLimit() {
    Survival.Result r = run(ControlGroup.NOT_YET_TREATED, 1);
    assertEquals(Schemas.output("survival_curve").structType(), r.curve().schema());
    assertEquals(6 + 6 + 5 + 5, r.curve().count());
    List<Row> exposed = r.curve().filter("outcome = 'unsubscribe' and arm = 'exposed'").orderBy("day").collectAsList();
    int[] days = {0, 1, 2, 3, 5, 19};
    double[] survival = {1, 5.0 / 6, 4.0 / 6, 0.5, 0.5, 0.5};
    for (int i = 0; i < days.length; i++) {
      assertEquals(days[i], (int) exposed.get(i).getAs("day"));
      assertEquals(survival[i], exposed.get(i).getAs("survival"), TOL);
    }
    Row day0 = exposed.get(0);
    assertEquals(6L, (long) day0.getAs("at_risk"));
    assertEquals(0.0, day0.getAs("std_err"), TOL);
    assertEquals(1.0, day0.getAs("ci_low"), TOL);
  }

  @Test
  void curveCellsWithFewAtRiskAreNulledNotDropped() {
    Survival.Result r = run(ControlGroup.NOT_YET_TREATED, 4);
    assertEquals(22, r.curve().count());
    // At risk below 4: exposed days 5 (3) and 19 (2), controls days 13 (3) and 19 (1), for both outcomes.
    List<Row> small = r.curve().filter("suppressed").collectAsList();
    assertEquals(8, small.size());
    for (Row row : small) {
      for (String c : List.of("at_risk", "events", "censored", "survival", "std_err", "ci_low", "ci_high")) {
        assertNull(row.getAs(c), c + " of " + row);
      }
    }
    assertEquals(0, r.curve().filter("not suppressed and (at_risk < 4 or survival is null)").count());
  }

  @Test
  void testRowIsSuppressedWhenAnArmIsTooSmall() {
    Row unsub = only(run(ControlGroup.NOT_YET_TREATED, 6).test().filter("outcome = 'unsubscribe'").collectAsList());
    assertTrue(unsub.<Boolean>getAs("suppressed"));
    for (String c : List.of("n_control", "n_exposed", "logrank_chi2", "p_value", "rmst_exposed", "rmst_diff", "rmst_diff_se")) {
      assertNull(unsub.getAs(c), c);
    }
    assertEquals(90, (int) unsub.getAs("horizon_days"));
  }

  @Test
  void stratifiedRunTestsWithinStrataAndKeepsTheOverallCurve() {
    var analysis = SurvivalFixtures.analysis(ControlGroup.NEVER_TREATED, List.of("segment"), 1);
    Survival.Result r = new Survival(analysis).apply(
        SurvivalFixtures.cohorts(spark).withColumn("stratum",
            org.apache.spark.sql.functions.expr("case when customer_key in ('x1', 'x2', 'x3', 'c1', 'c7') "
                + "then 'segment=a' else 'segment=b' end")),
        SurvivalFixtures.events(spark));
    Row churn = only(r.test().filter("outcome = 'churn'").collectAsList());
    assertEquals(2, (int) churn.getAs("logrank_strata"));
    assertEquals("never_treated", churn.getAs("control_group"));
    assertEquals(List.of("all", "segment=a", "segment=b"),
        r.curve().select("stratum").distinct().orderBy("stratum").collectAsList().stream().map(x -> x.getString(0)).toList());
  }
}
