package com.trustlens.estimate;

import java.util.List;

/**
 * Weighted averages of group-time effects with their influence functions, as the reference
 * package's aggte: weights proportional to cohort size P(G = g), whose estimation adds the term
 * wif to the influence function. With n customers, n_b of them in bucket b, N_k (N_kb) the
 * customers of the k-th component's cohort, p_k = N_k / n and S = sum_k p_k:
 * {@code phi_b = sum_k (p_k / S) phi_kb + (1/n) sum_k W_bk att_k}, where
 * {@code W_bk = (N_kb - n_b p_k) / S - p_k / S^2 sum_j (N_jb - n_b p_j)}.
 */
final class EffectAggregator {
  private final double[] population;
  private final double customers;

  /** @param population analysed customers per bucket */
  EffectAggregator(double[] population) {
    this.population = population.clone();
    double n = 0;
    for (double p : population) n += p;
    this.customers = n;
  }

  /** An estimate carried by a cohort: its customers (total and per bucket) weigh it. */
  record Component(Estimate estimate, double cohortSize, double[] cohortCounts) {}

  /** Cohort-size weighted average, with the influence of the estimated weights. */
  Estimate weighted(List<Component> parts) {
    int buckets = population.length;
    double total = 0;
    for (Component c : parts) total += c.cohortSize / customers;
    double att = 0;
    double[] phi = new double[buckets];
    double[] centeredSum = new double[buckets];
    for (Component c : parts) {
      double p = c.cohortSize / customers;
      att += p / total * c.estimate.att();
      for (int b = 0; b < buckets; b++) {
        phi[b] += p / total * c.estimate.phi()[b];
        centeredSum[b] += c.cohortCounts[b] - population[b] * p;
      }
    }
    for (Component c : parts) {
      double p = c.cohortSize / customers;
      double a = c.estimate.att() / customers;
      for (int b = 0; b < buckets; b++) {
        double w = (c.cohortCounts[b] - population[b] * p) / total - centeredSum[b] * p / (total * total);
        phi[b] += w * a;
      }
    }
    return new Estimate(att, phi);
  }

  /** Plain average (the periods of one cohort: no estimated weights). */
  static Estimate mean(List<Estimate> parts, int buckets) {
    Estimate sum = Estimate.sum(parts, buckets);
    double k = parts.size();
    double[] phi = sum.phi().clone();
    for (int b = 0; b < buckets; b++) phi[b] /= k;
    return new Estimate(sum.att() / k, phi);
  }
}
