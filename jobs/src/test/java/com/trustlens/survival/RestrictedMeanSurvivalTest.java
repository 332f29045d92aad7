package com.trustlens.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RestrictedMeanSurvivalTest {
  private static final double TOL = 1e-12;

  @Test
  void meanIsTheAreaUnderTheCurveUpToTheHorizon() {
    KaplanMeier km = KaplanMeier.fit(KaplanMeierTest.EIGHT, 0.95);
    // Steps: 1 on [0,1), 0.875 on [1,2), 0.72917 on [2,3), 0.4375 on [3,4]: 3.04167 (R: 3.041666666666667).
    RestrictedMeanSurvival at4 = RestrictedMeanSurvival.of(km, 4);
    assertEquals(1 + 0.875 + 0.875 * 5 / 6 + 0.4375, at4.mean(), TOL);
    // Var = sum A(t)^2 d / (n (n - d)), A(t) the area from t to 4:
    //   t=1: (0.875 + 0.72917 + 0.4375)^2 / 56; t=2: (0.72917 + 0.4375)^2 / 30; t=3: 0.4375^2 x 2/15.
    double a1 = 0.875 + 0.875 * 5 / 6 + 0.4375;
    double a2 = 0.875 * 5 / 6 + 0.4375;
    double a3 = 0.4375;
    assertEquals(Math.sqrt(a1 * a1 / 56 + a2 * a2 / 30 + a3 * a3 * 2 / 15), at4.stdErr(), TOL);
    assertEquals(0.38121774301912104, at4.stdErr(), TOL); // R: summary(fit, rmean = 4)$table
  }

  @Test
  void horizonBeyondTheLastDayCountsZeroAfterSurvivalReachedZero() {
    RestrictedMeanSurvival at10 = RestrictedMeanSurvival.of(KaplanMeier.fit(KaplanMeierTest.EIGHT, 0.95), 10);
    // ... + 0.4375 on [3,5) and [5,6), then 0: 3.916667; R: rmean 3.916666666666667, se 0.721487339792932.
    assertEquals(3.916666666666667, at10.mean(), TOL);
    assertEquals(0.721487339792932, at10.stdErr(), 1e-14);
  }

  @Test
  void horizonBeforeTheFirstEventIsTheHorizonWithoutError() {
    RestrictedMeanSurvival r = RestrictedMeanSurvival.of(KaplanMeier.fit(KaplanMeierTest.EIGHT, 0.95), 1);
    assertEquals(1, r.mean(), TOL);
    assertEquals(0, r.stdErr(), TOL);
  }

  @Test
  void emptyGroupHasNoMean() {
    RestrictedMeanSurvival r = RestrictedMeanSurvival.of(KaplanMeier.fit(new RiskTable(java.util.List.of()), 0.95), 90);
    org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(r.mean()));
  }

  @Test
  void differenceHasTheSeOfIndependentArms() {
    RestrictedMeanSurvival exposed = new RestrictedMeanSurvival(90, 80, 3);
    RestrictedMeanSurvival control = new RestrictedMeanSurvival(90, 86, 4);
    RestrictedMeanSurvival.Difference d = exposed.minus(control, 0.95);
    assertEquals(-6, d.estimate(), TOL);
    assertEquals(5, d.stdErr(), TOL);
    assertEquals(-6 - 1.959963984540054 * 5, d.ciLow(), 1e-12);
    assertEquals(-6 + 1.959963984540054 * 5, d.ciHigh(), 1e-12);
    assertEquals(0.23013934044341655, d.pValue(), 1e-12); // 2 (1 - Phi(1.2)), R: 2 * pnorm(-1.2)
    assertThrows(IllegalArgumentException.class, () -> exposed.minus(new RestrictedMeanSurvival(30, 1, 1), 0.95));
  }
}
