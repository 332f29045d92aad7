package com.trustlens.survival;

import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * The restricted mean survival time of a Kaplan-Meier curve up to a horizon (the area under the
 * curve from day 0 to the horizon: mean days without the outcome within it) and its standard
 * error, as R's survival computes them for print(fit, rmean = horizon).
 */
public record RestrictedMeanSurvival(int horizon, double mean, double stdErr) {

  /**
   * The area is a sum of rectangles under the step curve, the last one extended to the horizon
   * (also beyond the last follow-up, as R does). Var = sum over days t up to the horizon of
   * A(t)^2 d / (n (n - d)), A(t) the area from t to the horizon (0 where n = d, as in R). An
   * empty group has no mean (NaN).
   */
  public static RestrictedMeanSurvival of(KaplanMeier curve, int horizon) {
    if (curve.table().subjects() == 0) return new RestrictedMeanSurvival(horizon, Double.NaN, Double.NaN);
    List<KaplanMeier.Point> kept = curve.points().stream().filter(p -> p.day() <= horizon).toList();
    int k = kept.size();
    // Rectangle i spans from the day of point i-1 (day 0 for i = 0) to the day of point i, or
    // to the horizon for i = k, at the height of the survival before it.
    double[] area = new double[k + 1];
    double previousDay = 0;
    double previousSurvival = 1;
    for (int i = 0; i <= k; i++) {
      double day = i < k ? kept.get(i).day() : horizon;
      area[i] = (day - previousDay) * previousSurvival;
      if (i < k) {
        previousDay = day;
        previousSurvival = kept.get(i).survival();
      }
    }
    double mean = 0;
    for (double a : area) mean += a;
    double variance = 0;
    double after = 0;
    for (int i = k - 1; i >= 0; i--) {
      after += area[i + 1];
      DayCount c = kept.get(i).counts();
      long survivors = c.atRisk() - c.events();
      double h = survivors == 0 ? 0 : (double) c.events() / ((double) c.atRisk() * survivors);
      variance += after * after * h;
    }
    return new RestrictedMeanSurvival(horizon, mean, Math.sqrt(variance));
  }

  /** exposed - control, with the SE of independent arms and a normal interval and p-value. */
  public record Difference(double estimate, double stdErr, double ciLow, double ciHigh, double pValue) {}

  public Difference minus(RestrictedMeanSurvival other, double confidence) {
    if (other.horizon != horizon) {
      throw new IllegalArgumentException("restricted means at different horizons: " + horizon + " and " + other.horizon);
    }
    double diff = mean - other.mean;
    double se = Math.sqrt(stdErr * stdErr + other.stdErr * other.stdErr);
    double z = KaplanMeier.zQuantile(confidence);
    // Two-sided normal p-value through erfc: no cancellation in the far tail.
    double p = se > 0 ? Erf.erfc(Math.abs(diff) / se / Math.sqrt(2)) : Double.NaN;
    return new Difference(diff, se, diff - z * se, diff + z * se, p);
  }
}
