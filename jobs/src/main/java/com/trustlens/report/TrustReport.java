package com.trustlens.report;

import java.util.List;
import java.util.Map;

/**
 * Everything the HTML trust report shows, read from the lake as plain values (strings, numbers,
 * booleans, lists, maps), ready to render as tables and to embed as chart data.
 *
 * @param lake the lake the report was built from (output.path)
 * @param treatment the treatment reported (deceptive_mail by default)
 * @param generatedAt when the report was built, ISO-8601 UTC
 * @param run the last succeeded run (a row of runs), empty when the lake records none
 * @param latestFailure the last run when it failed after that one (a row of runs), else empty
 * @param headlines erosion_summary, one row per metric (breakdown all)
 * @param erosion erosion_curve, one row per metric and event time (breakdown all)
 * @param campaigns campaign_impact with the matched rules, sorted by net revenue effect
 * @param deceptiveCampaigns campaign_deception rows of the deceptive campaigns
 * @param survivalCurves survival_curve over all strata, unsuppressed rows
 * @param survivalTests survival_test, one row per outcome
 * @param inputs rows read and quarantined per input by the last run that ingested
 * @param quarantine rows quarantined by that run, counted by input and reason
 * @param tableVersions the current Delta version of every output table, with the run that wrote it
 */
public record TrustReport(
    String lake,
    String treatment,
    String generatedAt,
    Map<String, Object> run,
    Map<String, Object> latestFailure,
    Section headlines,
    Section erosion,
    Section campaigns,
    Section deceptiveCampaigns,
    Section survivalCurves,
    Section survivalTests,
    Section inputs,
    Section quarantine,
    Section tableVersions) {

  /**
   * The rows of one part of the report, or why there are none.
   *
   * @param table the table they come from
   * @param missing null when the table was read; otherwise a sentence saying why it is not available
   * @param rows the rows, each an ordered map column -> value
   */
  public record Section(String table, String missing, List<Map<String, Object>> rows) {
    public Section {
      rows = List.copyOf(rows);
    }

    static Section of(String table, List<Map<String, Object>> rows) {
      return new Section(table, null, rows);
    }

    static Section notAvailable(String table, String why) {
      return new Section(table, why, List.of());
    }

    public boolean available() {
      return missing == null;
    }
  }
}
