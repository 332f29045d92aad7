package com.trustlens.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {
  private static final double TOL = 1e-12;
  // Eight customers: days 1, 1+, 2, 3, 3, 3+, 5+, 6 (+ = censored). Ties of events (day 3) and
  // of an event with a censoring (days 1 and 3: the censored count as at risk that day).
  static final RiskTable EIGHT = RiskTables.of(new int[] {1, 1, 2, 3, 3, 3, 5, 6}, new int[] {1, 0, 1, 1, 1, 0, 0, 1});

  @Test
  void riskTableCountsTiesLikeR() {
    assertEquals(List.of(new DayCount(1, 8, 1, 1), new DayCount(2, 6, 1, 0), new DayCount(3, 5, 2, 1),
        new DayCount(5, 2, 0, 1), new DayCount(6, 1, 1, 0)), EIGHT.days());
    assertEquals(2, EIGHT.atRisk(4), "a day without a row has the at-risk of the next row (days 5+ and 6)");
    assertEquals(0, EIGHT.atRisk(7));
  }

  @Test
  void survivalIsTheProductOfConditionalSurvivals() {
    KaplanMeier km = KaplanMeier.fit(EIGHT, 0.95);
    double[] expected = {
        7.0 / 8,                        // day 1: 8 at risk, 1 event
        7.0 / 8 * 5 / 6,                // day 2: 6 at risk (one event, one censored on day 1)
        7.0 / 8 * 5 / 6 * 3 / 5,        // day 3: 5 at risk, 2 events -> 0.4375
        0.4375,                         // day 5: censoring only
        0};                             // day 6: the last one leaves
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], km.points().get(i).survival(), TOL, "day " + km.points().get(i).day());
    }
    assertEquals(0.4375, km.survivalAt(4), TOL);
    assertEquals(1, km.survivalAt(0), TOL);
  }

  @Test
  void greenwoodStandardErrorIsThatOfSurvivalAndOfLogSurvival() {
    KaplanMeier km = KaplanMeier.fit(EIGHT, 0.95);
    // Greenwood: Var(log S) = sum d / (n (n - d)) = 1/56, + 1/30, + 2/15.
    double[] varLog = {1.0 / 56, 1.0 / 56 + 1.0 / 30, 1.0 / 56 + 1.0 / 30 + 2.0 / 15};
    double[] survival = {0.875, 0.875 * 5 / 6, 0.4375};
    for (int i = 0; i < 3; i++) {
      KaplanMeier.Point p = km.points().get(i);
      assertEquals(Math.sqrt(varLog[i]), p.logStdErr(), TOL);
      assertEquals(survival[i] * Math.sqrt(varLog[i]), p.stdErr(), TOL);
    }
    // The same numbers R prints (summary(fit)$std.err): 0.11692679333668568, 0.16497623636395281, 0.18793352659029913.
    assertEquals(0.11692679333668568, km.points().get(0).stdErr(), TOL);
    assertEquals(0.18793352659029913, km.points().get(2).stdErr(), TOL);
    assertTrue(Double.isNaN(km.points().get(4).stdErr()), "undefined where survival is 0, as in R");
  }

  @Test
  void logLogIntervalIsSurvivalToThePowerExpOfPlusMinusZSeOverLogS() {
    KaplanMeier.Point day1 = KaplanMeier.fit(EIGHT, 0.95).points().get(0);
    double z = 1.959963984540054;
    double logS = Math.log(0.875);
    double se = Math.sqrt(1.0 / 56);
    // By hand: z se / log S = 1.95996 x 0.133631 / -0.133531 = -1.96143.
    assertEquals(Math.pow(0.875, Math.exp(-z * se / logS)), day1.ciLow(), TOL);
    assertEquals(Math.pow(0.875, Math.exp(z * se / logS)), day1.ciHigh(), TOL);
    // R: survfit(conf.type = "log-log") gives 0.38700001403202522 to 0.98139296587896596.
    assertEquals(0.38700001403202522, day1.ciLow(), TOL);
    assertEquals(0.98139296587896596, day1.ciHigh(), TOL);
    KaplanMeier.Point day1At90 = KaplanMeier.fit(EIGHT, 0.90).points().get(0);
    assertTrue(day1At90.ciLow() > day1.ciLow() && day1At90.ciHigh() < day1.ciHigh(), "a lower level gives a narrower interval");
  }

  @Test
  void intervalIsDegenerateBeforeTheFirstEventAndUndefinedAtZero() {
    KaplanMeier km = KaplanMeier.fit(RiskTables.of(new int[] {1, 2}, new int[] {0, 1}), 0.95);
    assertEquals(1, km.points().get(0).survival());
    assertEquals(1, km.points().get(0).ciLow());
    assertEquals(1, km.points().get(0).ciHigh());
    assertTrue(Double.isNaN(km.points().get(1).ciLow()));
  }

  @Test
  void inconsistentCountsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new RiskTable(List.of(new DayCount(1, 5, 1, 0), new DayCount(2, 5, 1, 0))));
  }
}
