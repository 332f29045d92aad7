package com.trustlens.survival;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan-Meier curve of one group, with Greenwood standard errors and log-log
 * ("exponential Greenwood") confidence intervals, computed as R's survfit(conf.type = "log-log").
 */
public final class KaplanMeier {
  /** The curve on one day of the risk table. */
  public record Point(DayCount counts, double survival, double stdErr, double logStdErr, double ciLow, double ciHigh) {
    public int day() {
      return counts.day();
    }
  }

  private final RiskTable table;
  private final List<Point> points;

  private KaplanMeier(RiskTable table, List<Point> points) {
    this.table = table;
    this.points = List.copyOf(points);
  }

  /**
   * Fits the curve; intervals at the given two-sided confidence level.
   *
   * <p>At each day S = S(before) (1 - d/n); the Greenwood variance of log S sums d / (n (n - d)).
   * std_err is the SE of S itself (R: summary(fit)$std.err), logStdErr that of log S (R:
   * fit$std.err). The interval is S^exp(+-z logStdErr / log S): it stays inside (0, 1).
   */
  public static KaplanMeier fit(RiskTable table, double confidence) {
    double z = zQuantile(confidence);
    List<Point> out = new ArrayList<>();
    double survival = 1;
    double greenwood = 0;
    for (DayCount c : table.days()) {
      double n = c.atRisk();
      double d = c.events();
      if (d > 0) {
        survival *= (n - d) / n;
        // R sets the term to infinity when everybody left: the SE is then undefined (NaN below).
        greenwood += n > d ? d / (n * (n - d)) : Double.POSITIVE_INFINITY;
      }
      double logSe = Math.sqrt(greenwood);
      double se = survival == 0 ? Double.NaN : survival * logSe;
      out.add(new Point(c, survival, se, logSe, lower(survival, logSe, z), upper(survival, logSe, z)));
    }
    return new KaplanMeier(table, out);
  }

  /** z such that a two-sided normal interval has this coverage. */
  static double zQuantile(double confidence) {
    return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  // log S < 0, so z se / log S < 0: the larger exponent gives the lower bound.
  private static double lower(double s, double logSe, double z) {
    if (s == 1) return 1;
    if (s == 0) return Double.NaN;
    return Math.pow(s, Math.exp(-z * logSe / Math.log(s)));
  }

  private static double upper(double s, double logSe, double z) {
    if (s == 1) return 1;
    if (s == 0) return Double.NaN;
    return Math.pow(s, Math.exp(z * logSe / Math.log(s)));
  }

  public RiskTable table() {
    return table;
  }

  public List<Point> points() {
    return points;
  }

  /** Survival at the end of a day (1 before the first row). */
  public double survivalAt(int day) {
    double s = 1;
    for (Point p : points) {
      if (p.day() > day) break;
      s = p.survival();
    }
    return s;
  }
}
