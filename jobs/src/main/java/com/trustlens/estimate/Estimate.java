package com.trustlens.estimate;

/**
 * A point estimate and its influence function summed per bucket ({@code phi[b]}): the estimate's
 * error is the sum over buckets, so its variance is the sum of squares (customers clustered within
 * buckets, buckets independent).
 */
record Estimate(double att, double[] phi) {

  double variance() {
    double v = 0;
    for (double p : phi) v += p * p;
    return v;
  }

  double se() {
    return Math.sqrt(variance());
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
