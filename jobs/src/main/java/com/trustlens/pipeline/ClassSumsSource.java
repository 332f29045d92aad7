package com.trustlens.pipeline;

import com.trustlens.estimate.EstimationSettings;
import java.util.Map;

/**
 * What the stored class sums were built from, kept in the table's properties: the versions of
 * the panel and customer_cohorts and the settings that place customers in classes. Sums whose
 * source is not the lake's current one are never read.
 *
 * @param panel version of _internal/panel
 * @param cohorts version of customer_cohorts
 * @param settings window, control group and buckets (see {@link #settingsOf})
 */
record ClassSumsSource(long panel, long cohorts, String settings) {
  static final String PANEL = "trustlens.source.panel";
  static final String COHORTS = "trustlens.source.customer_cohorts";
  static final String SETTINGS = "trustlens.source.settings";

  Map<String, String> properties() {
    return Map.of(PANEL, Long.toString(panel), COHORTS, Long.toString(cohorts), SETTINGS, settings);
  }

  /** The source recorded in a table's properties; null when any is absent (sums of an older release). */
  static ClassSumsSource of(Map<String, String> properties) {
    String p = properties.get(PANEL);
    String c = properties.get(COHORTS);
    String s = properties.get(SETTINGS);
    return p == null || c == null || s == null ? null : new ClassSumsSource(Long.parseLong(p), Long.parseLong(c), s);
  }

  /** The settings a customer's class and period index depend on. */
  static String settingsOf(EstimationSettings s) {
    return String.join(";", "start=" + s.periodAt(0), "second=" + s.periodAt(Math.min(1, s.periodCount() - 1)),
        "periods=" + s.periodCount(), "control=" + s.controlGroup(), "buckets=" + s.buckets(), "seed=" + s.seed());
  }
}
