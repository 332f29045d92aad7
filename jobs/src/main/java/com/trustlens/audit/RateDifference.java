package com.trustlens.audit;

/**
 * A campaign's rate of a response (opens, clicks or revenue per delivery) against its baseline's,
 * with customers as units. Both are ratio estimators, sum(y) / sum(n) over customers, so the
 * difference's influence function summed over a bucket's customers is linear in the bucket's sums:
 * {@code phi_b = (Y_b - rate N_b) / N - (Y'_b - baseline N'_b) / N'} (primes: baseline). A customer
 * who received both the campaign and baseline mails sits in one bucket with both terms, so the
 * covariance between the two rates is part of {@code sum_b phi_b^2}.
 *
 * @param rate the campaign's rate, null without recipients
 * @param baseline the baseline's rate, null without baseline deliveries
 * @param difference rate - baseline, null when either is
 * @param influence per bucket (null when difference is)
 */
record RateDifference(Double rate, Double baseline, Double difference, double[] influence) {

  /**
   * @param n deliveries of the campaign per bucket (one per recipient)
   * @param y their summed response per bucket
   * @param nBase deliveries of the baseline per bucket
   * @param yBase their summed response per bucket
   */
  static RateDifference of(double[] n, double[] y, double[] nBase, double[] yBase) {
    double total = sum(n);
    double totalBase = sum(nBase);
    Double rate = total > 0 ? sum(y) / total : null;
    Double baseline = totalBase > 0 ? sum(yBase) / totalBase : null;
    if (rate == null || baseline == null) return new RateDifference(rate, baseline, null, null);
    double[] phi = new double[n.length];
    for (int b = 0; b < n.length; b++) {
      phi[b] = (y[b] - rate * n[b]) / total - (yBase[b] - baseline * nBase[b]) / totalBase;
    }
    return new RateDifference(rate, baseline, rate - baseline, phi);
  }

  static double sum(double[] xs) {
    double s = 0;
    for (double x : xs) s += x;
    return s;
  }
}
