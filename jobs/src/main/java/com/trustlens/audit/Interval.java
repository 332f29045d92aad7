package com.trustlens.audit;

/**
 * An estimate with its standard error and interval, from its influence function summed per
 * customer bucket: {@code se^2 = sum_b phi_b^2}, as in the estimation (docs/estimation.md).
 */
record Interval(double estimate, double se, double low, double high) {

  /** @param quantile the t quantile of the interval's confidence */
  static Interval of(double estimate, double[] influence, double quantile) {
    double v = 0;
    for (double p : influence) v += p * p;
    double se = Math.sqrt(v);
    return new Interval(estimate, se, estimate - quantile * se, estimate + quantile * se);
  }

  /** A sum of estimates on the same customers: estimates and influences add. */
  static double[] add(double[] a, double[] b) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) out[i] += b[i];
    return out;
  }

  /** An influence function times a fixed factor (a per-customer effect times a customer count). */
  static double[] times(double[] a, double factor) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) out[i] *= factor;
    return out;
  }
}
