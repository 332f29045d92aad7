package com.trustlens.survival;

import java.util.List;
import java.util.Locale;

/**
 * Exposed against control for one treatment and outcome: the log-rank test (stratified when
 * several strata are given) and the restricted mean survival time of each arm and their difference.
 */
public record SurvivalComparison(
    String treatment,
    String outcome,
    RiskTable exposed,
    RiskTable control,
    LogRankTest logRank,
    RestrictedMeanSurvival rmstExposed,
    RestrictedMeanSurvival rmstControl,
    RestrictedMeanSurvival.Difference rmstDifference) {

  /**
   * @param exposed the exposed arm over all strata (RMST is that of the pooled curves)
   * @param strata per stratum, exposed then control (a single entry when unstratified)
   */
  public static SurvivalComparison of(String treatment, String outcome, RiskTable exposed, RiskTable control,
      List<LogRankTest.Stratum> strata, int horizon, double confidence) {
    RestrictedMeanSurvival e = RestrictedMeanSurvival.of(KaplanMeier.fit(exposed, confidence), horizon);
    RestrictedMeanSurvival c = RestrictedMeanSurvival.of(KaplanMeier.fit(control, confidence), horizon);
    return new SurvivalComparison(treatment, outcome, exposed, control, LogRankTest.of(strata), e, c,
        e.minus(c, confidence));
  }

  /** Whether either arm is too small to publish (analysis.min_cell_size). */
  public boolean suppressed(int minCellSize) {
    return exposed.subjects() < minCellSize || control.subjects() < minCellSize;
  }

  /** One line for the run's progress output. */
  public String headline(double confidence) {
    return String.format(Locale.ROOT,
        "%s %s: %,d exposed vs %,d controls; mean days without %s in the first %d: %.1f vs %.1f (%+.1f, %s%% CI"
            + " %+.1f to %+.1f); log-rank chi2 %.2f, p %.2g",
        treatment, outcome, exposed.subjects(), control.subjects(), outcome, rmstExposed.horizon(), rmstExposed.mean(),
        rmstControl.mean(), rmstDifference.estimate(), java.math.BigDecimal.valueOf(confidence).movePointRight(2)
            .stripTrailingZeros().toPlainString(), rmstDifference.ciLow(), rmstDifference.ciHigh(),
        logRank.chiSquare(), logRank.pValue());
  }
}
