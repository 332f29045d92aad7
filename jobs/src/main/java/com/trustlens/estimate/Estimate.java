package com.trustlens.estimate;

/**
 * A point estimate and its influence function summed per bucket ({@code phi[b]}): the estimate's
 * error is the sum over buckets, so its variance is the sum of squares (customers clustered within
 * buckets, buckets independent).
 */
record Estimate(double att, double[] phi) {

  /**
   * Standard errors at or below this are zero up to rounding (R did's mboot uses the same bound):
   * a metric constant in a period gives se 0 on one machine and 1e-17 on another, whose noise
   * perturbations divided by that se would otherwise set the band or
   * enter the pre-trend test.
   */
  static final double ZERO_SE = Math.sqrt(Math.ulp(1.0)) * 10;

  double variance() {
    double v = 0;
    for (double p : phi) v += p * p;
    return v;
  }

  double se() {
    return Math.sqrt(variance());
  }

  /** Whether the standard error is above {@link #ZERO_SE}, i.e. not zero up to rounding. */
  boolean hasVariance() {
    return se() > ZERO_SE;
  }

  /** Sum of estimates (a cumulative effect): point estimates and influence functions add. */
  static Estimate sum(java.util.List<Estimate> parts, int buckets) {
    double att = 0;
    double[] phi = new double[buckets];
    for (Estimate e : parts) {
      att += e.att;
      for (int b = 0; b < buckets; b++) phi[b] += e.phi[b];
    }
    return new Estimate(att, phi);
  }
}
