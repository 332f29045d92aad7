package com.trustlens.generate;

import java.util.Arrays;

/**
 * The planted effect of a customer's first delivered deceptive mail (cohort g = its week), by event
 * time e = week - g: multipliers of the weekly propensities and ratios of the weekly hazards, which
 * apply from week g on (e = 0 is the week of the mail itself: its short-term lift).
 *
 * @param open multiplier of the weekly open probability, indexed by e
 * @param clickGivenOpen multiplier of the click probability in a week with an open, indexed by e
 * @param purchase multiplier of the weekly purchase probability, indexed by e
 * @param unsubscribeRatio ratio of the weekly unsubscribe hazard from week g on
 * @param closeRatio ratio of the weekly account_closed hazard from week g on
 * @param complaintRatio ratio of the weekly spam_complaint hazard from week g on
 * @param npsShift points added to NPS answers from week g on (negative)
 */
public record DeceptionEffects(
    double[] open,
    double[] clickGivenOpen,
    double[] purchase,
    double unsubscribeRatio,
    double closeRatio,
    double complaintRatio,
    double npsShift) {

  /**
   * The planted erosion: opens lifted 15 % in the week of the mail, then eroded by 12 % growing to
   * 20 % at e = 6, recovering to 10 % at e = 18 and staying there; clicks per open down 10 %;
   * purchases lifted 5 % in week g, then down 12 % growing to a lasting 18 % at e = 6; unsubscribe
   * hazard x3, closing x2, complaints x4; NPS -1.5.
   */
  public static DeceptionEffects standard(int weeks) {
    double[] open = new double[weeks];
    double[] click = new double[weeks];
    double[] purchase = new double[weeks];
    for (int e = 0; e < weeks; e++) {
      if (e == 0) {
        open[e] = 1.15;
        click[e] = 1.05;
        purchase[e] = 1.05;
        continue;
      }
      double erosion = e <= 6 ? 0.12 + 0.08 * (e - 1) / 5.0 : Math.max(0.10, 0.20 - 0.10 * (e - 6) / 12.0);
      open[e] = round(1 - erosion);
      click[e] = 0.90;
      purchase[e] = round(1 - (e <= 6 ? 0.12 + 0.06 * (e - 1) / 5.0 : 0.18));
    }
    return new DeceptionEffects(open, click, purchase, 3.0, 2.0, 4.0, -1.5);
  }

  /** No effect at all: the counterfactual world Y(0) with the same treatment assignment. */
  public static DeceptionEffects none(int weeks) {
    double[] ones = new double[weeks];
    Arrays.fill(ones, 1.0);
    return new DeceptionEffects(ones, ones.clone(), ones.clone(), 1.0, 1.0, 1.0, 0.0);
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
