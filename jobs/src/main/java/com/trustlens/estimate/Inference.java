package com.trustlens.estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Pointwise inference from bucket influence functions: the variance is estimated from B bucket
 * sums, so intervals and p-values use Student's t with B - 1 degrees of freedom (at B = 256 within
 * 0.5 % of the normal quantile; exact small-sample behaviour when buckets are few).
 */
final class Inference {
  private final TDistribution t;
  private final double quantile;

  /** @param occupiedBuckets buckets holding customers */
  Inference(int occupiedBuckets, double confidence) {
    this.t = new TDistribution(null, Math.max(1, occupiedBuckets - 1));
    this.quantile = t.inverseCumulativeProbability(0.5 + confidence / 2);
  }

  /** Critical value of a pointwise interval at the configured confidence. */
  double quantile() {
    return quantile;
  }

  /** Two-sided p-value of estimate = 0, or null without a positive standard error. */
  Double pValue(Estimate e) {
    double se = e.se();
    if (!(se > 0)) return null;
    return 2 * t.cumulativeProbability(-Math.abs(e.att() / se));
  }

  /** Holm's step-down adjustment of a family of p-values (nulls stay null, and are not counted). */
  static List<Double> holm(List<Double> p) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i) != null) order.add(i);
    }
    order.sort(Comparator.comparingDouble(p::get));
    List<Double> out = new ArrayList<>(java.util.Collections.nCopies(p.size(), (Double) null));
    double running = 0;
    int m = order.size();
    for (int k = 0; k < m; k++) {
      running = Math.max(running, Math.min(1, (m - k) * p.get(order.get(k))));
      out.set(order.get(k), running);
    }
    return out;
  }
}
