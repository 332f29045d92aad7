package com.trustlens.estimate;

import java.util.HashMap;
import java.util.Map;

/**
 * Per stratum of one treatment, the period-by-period hazard of first treatment among customers
 * reachable and untreated, h(v) = E(v) / R(v), with E and R kept per bucket for the influence of
 * the hazards' estimation: customer j adds (E_j(v) - h(v) R_j(v)) / R(v) to the error of h(v).
 */
final class TreatmentHazards {
  // Keeps the log of a survival probability finite when every customer at risk was treated.
  private static final double MAX_HAZARD = 1 - 1e-9;

  private final int periods;
  private final int buckets;
  private final Map<String, double[][]> atRisk = new HashMap<>();
  private final Map<String, double[][]> events = new HashMap<>();

  TreatmentHazards(int periods, int buckets) {
    this.periods = periods;
    this.buckets = buckets;
  }

  /** Adds customers of a stratum and bucket at risk up to period {@code last}, first treated then when {@code event}. */
  void add(String stratum, int bucket, int last, boolean event, long customers) {
    double[][] r = atRisk.computeIfAbsent(stratum, s -> new double[periods][buckets]);
    double[][] e = events.computeIfAbsent(stratum, s -> new double[periods][buckets]);
    for (int v = 0; v <= Math.min(last, periods - 1); v++) r[v][bucket] += customers;
    if (event && last >= 0 && last < periods) e[last][bucket] += customers;
  }

  /** h(v) of a stratum (0 where nobody is at risk). */
  double hazard(String stratum, int v) {
    double r = total(atRisk, stratum, v);
    return r > 0 ? Math.min(MAX_HAZARD, total(events, stratum, v) / r) : 0;
  }

  /** C(u) = sum over v <= u of -log(1 - h(v)): a control's weight is exp(C(horizon) - C(g)). */
  double[] cumulative(String stratum) {
    double[] c = new double[periods];
    double sum = 0;
    for (int v = 0; v < periods; v++) {
      sum -= Math.log1p(-hazard(stratum, v));
      c[v] = sum;
    }
    return c;
  }

  /** Per bucket, the influence of customers on h(v): (E_b(v) - h(v) R_b(v)) / R(v). */
  double[] influence(String stratum, int v) {
    double[] out = new double[buckets];
    double r = total(atRisk, stratum, v);
    if (r == 0) return out;
    double h = hazard(stratum, v);
    for (int b = 0; b < buckets; b++) {
      out[b] = (events.get(stratum)[v][b] - h * atRisk.get(stratum)[v][b]) / r;
    }
    return out;
  }

  Iterable<String> strata() {
    return atRisk.keySet();
  }

  private static double total(Map<String, double[][]> counts, String stratum, int v) {
    double[][] c = counts.get(stratum);
    if (c == null) return 0;
    double t = 0;
    for (double x : c[v]) t += x;
    return t;
  }
}
