package com.trustlens.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ATT(g,t) of one cell from the sufficient statistics, conditional on strata: within each stratum
 * the treated mean change minus the eligible controls' (weighted) mean change, weighted by the
 * cohort's treated customers per stratum (the regression-adjustment estimator with stratum dummies).
 * A stratum whose treated customers have no eligible control is left out and named.
 *
 * <p>Influence function per bucket b, with N the treated customers of the strata kept, and per
 * stratum s: nT treated customers, wC the controls' summed attrition weights (their count without
 * weights), muC their weighted mean change, ATT_s, and D the (weighted) sums of changes:
 * {@code phi_b = sum_s [DT_sb - nT_sb (muC_s + ATT)] / N - (nT_s / N) (DC_sb - wC_sb muC_s) / wC_s}.
 * It is linear in the bucket's sums, so bucket sums are exact; it includes the estimation of the
 * stratum weights (the ATT_s - ATT term). With attrition weights, the estimation of the treatment
 * hazards h(v) adds {@code -(nT_s / N) sum_v K_s(v) infl_sb(v)}, where K_s(v) = dmuC_s / dh_s(v) =
 * [A(v) - muC B(v)] / (wC (1 - h(v))) with A, B the weighted changes and weights of the controls
 * whose horizon reaches v, and infl the hazards' influence ({@link TreatmentHazards#influence}).
 */
final class GroupTimeEffects {
  private final CellStatistics stats;
  private final Map<Integer, double[][]> hazardInfluence = new HashMap<>();

  GroupTimeEffects(CellStatistics stats) {
    this.stats = stats;
  }

  /** Totals of one stratum of a cell: treated and control customers, control weights, sums of changes. */
  private record Totals(double nT, double dT, double nC, double wC, double dC) {}

  private Totals totals(int cell, int s, Breakdown breakdown, int metric) {
    double nT = 0, dT = 0, nC = 0, wC = 0, dC = 0;
    for (int b = 0; b < stats.buckets; b++) {
      for (int a = 1; a < CellStatistics.ARMS; a++) {
        if (!breakdown.takesDose(a)) continue;
        nT += stats.count(s, a, cell, b);
        dT += stats.change(s, metric, a, cell, b);
      }
      nC += stats.count(s, CellStatistics.CONTROL_ARM, cell, b);
      wC += stats.weight(s, CellStatistics.CONTROL_ARM, cell, b);
      dC += stats.change(s, metric, CellStatistics.CONTROL_ARM, cell, b);
    }
    return new Totals(nT, dT, nC, wC, dC);
  }

  /**
   * The estimate of a cell, or a result without estimate when no stratum has both arms. For an
   * absorbing metric, a customer's change is an event (0 or 1 of them), and the cell also counts
   * the events its smaller arm expects at the arms' pooled rate, per stratum.
   */
  CellEffect estimate(int cell, Breakdown breakdown, int metric, boolean absorbing) {
    int strata = stats.strata().size();
    Totals[] totals = new Totals[strata];
    List<String> withoutControls = new ArrayList<>();
    double treated = 0;
    double controls = 0;
    double att = 0;
    double events = 0;
    for (int s = 0; s < strata; s++) {
      if (!breakdown.takesStratum(s)) continue;
      Totals x = totals(cell, s, breakdown, metric);
      if (x.nT() == 0) continue;
      if (x.nC() == 0) {
        withoutControls.add(stats.strata().get(s));
        continue;
      }
      totals[s] = x;
      treated += x.nT();
      controls += x.nC();
      att += x.dT() - x.nT() * x.dC() / x.wC();
      // The pooled rate rather than each arm's own: an arm with no event would expect none.
      double rate = (Math.abs(x.dT()) + Math.abs(x.dC())) / (x.nT() + x.wC());
      events += Math.min(x.nT(), x.nC()) * rate;
    }
    double expectedEvents = absorbing ? events : Double.POSITIVE_INFINITY;
    if (treated == 0) {
      return new CellEffect(cell, null, 0, (long) controls, withoutControls, expectedEvents);
    }
    att /= treated;
    double[] phi = new double[stats.buckets];
    for (int s = 0; s < strata; s++) {
      if (totals[s] != null) addInfluence(phi, cell, s, breakdown, metric, totals[s], treated, att);
    }
    return new CellEffect(cell, new Estimate(att, phi), (long) treated, (long) controls, withoutControls, expectedEvents);
  }

  private void addInfluence(double[] phi, int cell, int s, Breakdown breakdown, int metric, Totals x, double treated,
      double att) {
    double muC = x.dC() / x.wC();
    double controlWeight = x.nT() / treated / x.wC();
    for (int b = 0; b < stats.buckets; b++) {
      double tb = 0;
      double sb = 0;
      for (int a = 1; a < CellStatistics.ARMS; a++) {
        if (!breakdown.takesDose(a)) continue;
        tb += stats.count(s, a, cell, b);
        sb += stats.change(s, metric, a, cell, b);
      }
      double treatedPart = (sb - tb * (muC + att)) / treated;
      double controlPart = controlWeight * (stats.change(s, metric, CellStatistics.CONTROL_ARM, cell, b)
          - stats.weight(s, CellStatistics.CONTROL_ARM, cell, b) * muC);
      phi[b] += treatedPart - controlPart;
    }
    if (stats.hazards != null) {
      addHazardInfluence(phi, cell, s, metric, muC, x.wC(), x.nT() / treated);
    }
  }

  // The controls' mean moves with every hazard h(v), v in (g, last horizon], through their weights.
  private void addHazardInfluence(double[] phi, int cell, int s, int metric, double muC, double wC, double share) {
    int g = stats.design.cells().get(cell).cohort();
    String stratum = stats.strata().get(s);
    double a = 0;
    double w = 0;
    for (int v = stats.design.periodCount() - 1; v > g; v--) {
      a += stats.horizonSum(s, cell, v, 1 + metric);
      w += stats.horizonSum(s, cell, v, 0);
      if (w == 0) continue;
      double k = (a - muC * w) / (wC * (1 - stats.hazards.hazard(stratum, v)));
      double[] infl = influence(s, stratum)[v];
      for (int b = 0; b < stats.buckets; b++) phi[b] -= share * k * infl[b];
    }
  }

  private double[][] influence(int s, String stratum) {
    return hazardInfluence.computeIfAbsent(s, k -> {
      double[][] out = new double[stats.design.periodCount()][];
      for (int v = 0; v < out.length; v++) out[v] = stats.hazards.influence(stratum, v);
      return out;
    });
  }

  /** Treated customers of a cohort per bucket within a breakdown (all strata): the cohort-size weights' data. */
  double[] cohortCounts(int anyCellOfCohort, Breakdown breakdown) {
    double[] out = new double[stats.buckets];
    for (int s = 0; s < stats.strata().size(); s++) {
      if (!breakdown.takesStratum(s)) continue;
      for (int a = 1; a < CellStatistics.ARMS; a++) {
        if (!breakdown.takesDose(a)) continue;
        for (int b = 0; b < stats.buckets; b++) out[b] += stats.count(s, a, anyCellOfCohort, b);
      }
    }
    return out;
  }

  /**
   * The result for one cell.
   *
   * @param estimate null when no stratum has both treated customers and eligible controls
   * @param treated treated customers of the strata kept
   * @param controls eligible controls of the strata kept
   * @param strataWithoutControls strata with treated customers but no eligible control
   * @param expectedEvents for an absorbing metric, the events the smaller arm expects at the pooled
   *     rate (summed over strata); infinite for other metrics
   */
  record CellEffect(int cell, Estimate estimate, long treated, long controls, List<String> strataWithoutControls,
      double expectedEvents) {}
}
