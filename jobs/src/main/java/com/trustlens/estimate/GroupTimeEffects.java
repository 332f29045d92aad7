package com.trustlens.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * ATT(g,t) of one cell from the sufficient statistics, conditional on strata: within each stratum
 * the treated mean change minus the eligible controls' mean change, weighted by the cohort's treated
 * customers per stratum (the regression-adjustment estimator with stratum dummies). A stratum whose
 * treated customers have no eligible control is left out and named.
 *
 * <p>Influence function per bucket b, with N the treated customers of the strata kept, and per
 * stratum s: nT treated customers, wC the controls' summed attrition weights (their count without
 * weights), muC their weighted mean change, ATT_s, and D the (weighted) sums of changes:
 * {@code phi_b = sum_s [DT_sb - nT_sb (muC_s + ATT)] / N - (nT_s / N) (DC_sb - wC_sb muC_s) / wC_s}.
 * It is linear in the bucket's sums, so bucket sums are exact; it includes the estimation of the
 * stratum weights (the ATT_s - ATT term).
 */
final class GroupTimeEffects {
  private final CellStatistics stats;

  GroupTimeEffects(CellStatistics stats) {
    this.stats = stats;
  }

  /** The estimate of a cell, or a result without estimate when no stratum has both arms. */
  CellEffect estimate(int cell, Breakdown breakdown, int metric) {
    int strata = stats.strata().size();
    int buckets = stats.buckets;
    double[] nT = new double[strata];
    double[] dT = new double[strata];
    double[] nC = new double[strata];
    double[] wC = new double[strata];
    double[] dC = new double[strata];
    for (int s = 0; s < strata; s++) {
      if (!breakdown.takesStratum(s)) continue;
      for (int b = 0; b < buckets; b++) {
        for (int a = 1; a < CellStatistics.ARMS; a++) {
          if (!breakdown.takesDose(a)) continue;
          nT[s] += stats.count(s, a, cell, b);
          dT[s] += stats.change(s, metric, a, cell, b);
        }
        nC[s] += stats.count(s, CellStatistics.CONTROL_ARM, cell, b);
        wC[s] += stats.weight(s, CellStatistics.CONTROL_ARM, cell, b);
        dC[s] += stats.change(s, metric, CellStatistics.CONTROL_ARM, cell, b);
      }
    }
    List<String> withoutControls = new ArrayList<>();
    double treated = 0;
    double controls = 0;
    double att = 0;
    for (int s = 0; s < strata; s++) {
      if (nT[s] == 0) continue;
      if (nC[s] == 0) {
        withoutControls.add(stats.strata().get(s));
        continue;
      }
      treated += nT[s];
      controls += nC[s];
      att += dT[s] - nT[s] * dC[s] / wC[s];
    }
    if (treated == 0) {
      return new CellEffect(cell, null, (long) treated, (long) controls, withoutControls);
    }
    att /= treated;
    double[] phi = new double[buckets];
    for (int s = 0; s < strata; s++) {
      if (nT[s] == 0 || nC[s] == 0) continue;
      double muC = dC[s] / wC[s];
      double controlWeight = nT[s] / treated / wC[s];
      for (int b = 0; b < buckets; b++) {
        double tb = 0;
        double sb = 0;
        for (int a = 1; a < CellStatistics.ARMS; a++) {
          if (!breakdown.takesDose(a)) continue;
          tb += stats.count(s, a, cell, b);
          sb += stats.change(s, metric, a, cell, b);
        }
        double treatedPart = (sb - tb * (muC + att)) / treated;
        double controlPart = controlWeight
            * (stats.change(s, metric, CellStatistics.CONTROL_ARM, cell, b) - stats.weight(s, CellStatistics.CONTROL_ARM, cell, b) * muC);
        phi[b] += treatedPart - controlPart;
      }
    }
    return new CellEffect(cell, new Estimate(att, phi), (long) treated, (long) controls, withoutControls);
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
   */
  record CellEffect(int cell, Estimate estimate, long treated, long controls, List<String> strataWithoutControls) {}
}
