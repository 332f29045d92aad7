package com.trustlens.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogRankTestTest {
  private static final double TOL = 1e-12;

  // Freireich et al. (1963) remission times in weeks, the textbook log-rank example (Kleinbaum &
  // Klein, Survival Analysis, ch. 2): 6-MP (censored +) against placebo.
  static final RiskTable SIX_MP = RiskTables.of(
      new int[] {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35},
      new int[] {1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0});
  static final RiskTable PLACEBO = RiskTables.of(
      new int[] {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23},
      new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});

  @Test
  void textbookExampleGivesTheBookChiSquare() {
    LogRankTest t = LogRankTest.of(List.of(new LogRankTest.Stratum(SIX_MP, PLACEBO)));
    // The book: O = 9, E = 19.25 for 6-MP, (O - E)^2 / Var = 16.79 on 1 df, p < 0.0001.
    // R survdiff: chisq 16.792940989216525, var 6.2569605736754994, p 4.1688091093345626e-05.
    assertEquals(9, t.observed(), TOL);
    assertEquals(19.250500948031128, t.expected(), 1e-9);
    assertEquals(6.2569605736754994, t.variance(), 1e-9);
    assertEquals(16.792940989216525, t.chiSquare(), 1e-9);
    assertEquals(4.1688091093345626e-05, t.pValue(), 1e-15);
    assertEquals(1, t.degreesOfFreedom());
    assertEquals(1, t.strata());
  }

  @Test
  void armsSwappedGiveTheSameChiSquare() {
    LogRankTest t = LogRankTest.of(List.of(new LogRankTest.Stratum(PLACEBO, SIX_MP)));
    assertEquals(21, t.observed(), TOL);
    assertEquals(16.792940989216525, t.chiSquare(), 1e-9);
  }

  @Test
  void stratifiedTestSumsObservedExpectedAndVariancesOverStrata() {
    // Stratum a: exposed 1, 3+, 4; control 2, 3.   Stratum b: exposed 2, 5+; control 1+, 4, 4.
    // a, day 1: n 3+2, d 1 (exposed): E 3/5,  V (3/5)(2/5) = 0.24
    //    day 2: n 2+2, d 1:            E 1/2,  V 1/4
    //    day 3: n 2+1, d 1 (+ 1 cens.): E 2/3,  V (2/3)(1/3) = 2/9
    //    day 4: n 1+0, d 1:            E 1,    V 0 (one at risk)
    // b, day 2: n 2+2, d 1:            E 1/2,  V 1/4
    //    day 4: n 1+2, d 2:            E 2/3,  V 2 (1/3)(2/3)(1/2) = 2/9
    // O = 3, E = 3.9333, V = 1.18444: chi2 = 0.9333^2 / 1.18444 = 0.73546 (R: 0.73545966228893023).
    LogRankTest t = LogRankTest.of(List.of(
        new LogRankTest.Stratum(RiskTables.of(new int[] {1, 3, 4}, new int[] {1, 0, 1}),
            RiskTables.of(new int[] {2, 3}, new int[] {1, 1})),
        new LogRankTest.Stratum(RiskTables.of(new int[] {2, 5}, new int[] {1, 0}),
            RiskTables.of(new int[] {1, 4, 4}, new int[] {0, 1, 1}))));
    assertEquals(3, t.observed(), TOL);
    assertEquals(0.6 + 0.5 + 2.0 / 3 + 1 + 0.5 + 2.0 / 3, t.expected(), TOL);
    assertEquals(0.24 + 0.25 + 2.0 / 9 + 0.25 + 2.0 / 9, t.variance(), TOL);
    assertEquals(0.73545966228893023, t.chiSquare(), 1e-12);
    assertEquals(2, t.strata());
  }

  @Test
  void noEventsMeansNoTest() {
    LogRankTest t = LogRankTest.of(List.of(new LogRankTest.Stratum(
        RiskTables.of(new int[] {3}, new int[] {0}), RiskTables.of(new int[] {4}, new int[] {0}))));
    assertTrue(Double.isNaN(t.chiSquare()));
    assertTrue(Double.isNaN(t.pValue()));
  }

  @Test
  void pValueKeepsItsDigitsFarInTheTail() {
    // P(chi2_1 > 100) = erfc(sqrt(50)); R: pchisq(100, 1, lower.tail = FALSE) = 1.5239706048321054e-23.
    // 1 - cdf would give 0.
    assertEquals(1.5239706048321054e-23, LogRankTest.upperTail(100, 1), 1e-35);
  }
}
