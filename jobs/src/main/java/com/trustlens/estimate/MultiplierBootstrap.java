package com.trustlens.estimate;

import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaNStrategy;

/**
 * Multiplier bootstrap over buckets: each replicate draws one Mammen weight per bucket (mean 0,
 * variance 1) and perturbs every estimate by sum_b V_b phi_b, which keeps their joint dependence;
 * the uniform band's critical value is the confidence-quantile of max_j |perturbation_j| / se_j.
 */
final class MultiplierBootstrap {
  private static final double ROOT5 = Math.sqrt(5);
  private static final double LOW = (1 - ROOT5) / 2;
  private static final double HIGH = (1 + ROOT5) / 2;
  private static final double P_LOW = (ROOT5 + 1) / (2 * ROOT5);

  private final double[][] weights;

  /** Draws replicates x buckets weights from a seeded generator: the same seed gives the same bands. */
  MultiplierBootstrap(int replicates, int buckets, long seed) {
    Well19937c random = new Well19937c(seed);
    weights = new double[replicates][buckets];
    for (double[] row : weights) {
      for (int b = 0; b < buckets; b++) {
        row[b] = random.nextDouble() < P_LOW ? LOW : HIGH;
      }
    }
  }

  /**
   * Critical value for a band over the estimates with a standard error above {@link Estimate#ZERO_SE}, or
   * NaN when there are none. Never below the pointwise one (as the reference package falls back).
   */
  double criticalValue(List<Estimate> estimates, double confidence, double pointwise) {
    List<Estimate> usable = estimates.stream().filter(Estimate::hasVariance).toList();
    if (usable.isEmpty()) return Double.NaN;
    double[] maxima = new double[weights.length];
    double[] se = usable.stream().mapToDouble(Estimate::se).toArray();
    for (int r = 0; r < weights.length; r++) {
      double max = 0;
      for (int j = 0; j < usable.size(); j++) {
        double[] phi = usable.get(j).phi();
        double z = 0;
        for (int b = 0; b < phi.length; b++) z += weights[r][b] * phi[b];
        max = Math.max(max, Math.abs(z) / se[j]);
      }
      maxima[r] = max;
    }
    double q = new Percentile().withEstimationType(Percentile.EstimationType.R_1)
        .withNaNStrategy(NaNStrategy.FAILED).evaluate(maxima, confidence * 100);
    return Math.max(q, pointwise);
  }
}
