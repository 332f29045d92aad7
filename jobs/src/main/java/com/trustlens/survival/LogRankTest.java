package com.trustlens.survival;

import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank test of two arms (as R's survdiff), stratified when given several strata: the
 * observed-minus-expected counts and hypergeometric variances of each stratum are summed before
 * the chi-square is formed, so arms are only compared within a stratum.
 */
public record LogRankTest(double observed, double expected, double variance, int strata, double chiSquare,
    int degreesOfFreedom, double pValue) {

  /** The two arms' risk tables within one stratum. */
  public record Stratum(RiskTable first, RiskTable second) {}

  /** Tests the first arm against the second; observed and expected refer to the first arm. */
  public static LogRankTest of(List<Stratum> strata) {
    double o = 0;
    double e = 0;
    double v = 0;
    for (Stratum s : strata) {
      TreeSet<Integer> days = new TreeSet<>();
      s.first().days().forEach(c -> days.add(c.day()));
      s.second().days().forEach(c -> days.add(c.day()));
      for (int day : days) {
        double n1 = s.first().atRisk(day);
        double n = n1 + s.second().atRisk(day);
        double d1 = s.first().events(day);
        double d = d1 + s.second().events(day);
        if (d == 0) continue;
        o += d1;
        e += d * n1 / n;
        // With one customer at risk the hypergeometric variance is 0 (R skips it the same way).
        if (n > 1) v += d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1);
      }
    }
    // R reports 0 when there is nothing to compare; a NaN says "no test" more honestly.
    double chi2 = v > 0 ? (o - e) * (o - e) / v : Double.NaN;
    return new LogRankTest(o, e, v, strata.size(), chi2, 1, upperTail(chi2, 1));
  }

  /**
   * P(X > x) for X chi-square with df degrees of freedom, as the regularized upper incomplete
   * gamma function: 1 - cdf would lose every digit below 1e-16.
   */
  static double upperTail(double x, int df) {
    if (Double.isNaN(x)) return Double.NaN;
    return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
  }
}
