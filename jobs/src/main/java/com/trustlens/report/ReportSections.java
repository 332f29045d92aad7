package com.trustlens.report;

import static com.trustlens.report.Html.escape;

import com.trustlens.report.HtmlTable.Format;
import com.trustlens.report.TrustReport.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The sections of the trust report page, one method each, in page order. */
final class ReportSections {
  private ReportSections() {}

  static String headlines(TrustReport r) {
    int horizon = horizon(r);
    HtmlTable t = new HtmlTable("metric")
        .column("metric", "metric", Format.TEXT)
        .column("short_term_effect", "short term (e = 0)", Format.EFFECT)
        .column("effect_at_horizon", "at horizon (e = " + horizon + ")", Format.EFFECT)
        .column("cumulative_effect", "cumulative (e = 0.." + horizon + ")", Format.EFFECT)
        .column("overall_att", "overall ATT", Format.EFFECT)
        .column("ci_low", "CI low", Format.EFFECT)
        .column("ci_high", "CI high", Format.EFFECT)
        .column("p_value_holm", "p (Holm)", Format.P_VALUE)
        .column("pretrend_p_value", "pre-trend p", Format.P_VALUE)
        .column("n_treated", "exposed customers", Format.COUNT);
    return "<section id=\"headlines\"><h2>Headline per metric</h2>\n<p class=\"lead\">Effect of a first deceptive "
        + "mail on each metric, per customer and period, against comparable customers not exposed yet: on the "
        + "period of the mail, at the horizon, summed over the periods 0.." + horizon + ", and averaged (overall ATT, "
        + "with its interval and Holm-adjusted p-value). A small pre-trend p-value warns that exposed and control "
        + "customers already drifted apart before the mail.</p>\n"
        + ReportPage.tableOrNote(r.headlines(), t, "headlines", "No metric was estimated.") + "</section>\n";
  }

  static String erosion(TrustReport r, List<String> metrics) {
    StringBuilder sb = new StringBuilder("<section id=\"erosion\"><h2>Erosion curves</h2>\n<p class=\"lead\">ATT(e) "
        + "is the average change of a metric among customers e periods after their first deceptive mail, beyond the "
        + "change seen over the same periods among comparable customers who had not received one yet (staggered "
        + "difference in differences). Points left of the grey line (e &lt; 0) are placebo periods and should hug "
        + "zero. Vertical bars: pointwise confidence intervals; shaded: the uniform band, which covers the whole "
        + "curve at once; where it leaves zero, the erosion is real.</p>\n");
    if (!r.erosion().available()) {
      return sb.append("<p class=\"note\">").append(escape(r.erosion().missing())).append("</p></section>\n").toString();
    }
    List<String> withoutCurve = ReportPage.metricsWithoutCurves(r);
    String hidden = withoutCurve.isEmpty() ? "" : "<p class=\"note\">No curve for " + escape(String.join(", ", withoutCurve))
        + ": every estimate is suppressed (too few customers, or too few expected events for an absorbing metric;"
        + " see erosion_curve.suppressed).</p>\n";
    if (metrics.isEmpty()) {
      return sb.append("<p class=\"note\">No metric has an estimated curve.</p>\n").append(hidden).append("</section>\n")
          .toString();
    }
    sb.append(hidden).append("<div class=\"charts\">\n");
    for (String m : metrics) {
      sb.append("<figure><figcaption>").append(escape(m)).append("</figcaption><div class=\"chart\" id=\"erosion-")
          .append(escape(m)).append("\" data-kind=\"erosion\" data-metric=\"").append(escape(m)).append("\"></div></figure>\n");
    }
    return sb.append("</div></section>\n").toString();
  }

  static String campaigns(TrustReport r) {
    StringBuilder sb = new StringBuilder("<section id=\"campaigns\"><h2>Campaign audit</h2>\n<p class=\"lead\">Each "
        + "deceptive campaign's catch against the pond: its open rate on the day against the sender's honest "
        + "campaigns (short-term lift), the long-term erosion among the customers it first exposed, and the net "
        + "revenue effect at the horizon. Most costly first, with the deception rules it matched.</p>\n");
    Section impact = r.campaigns();
    if (impact.available()) {
      if (!impact.rows().isEmpty()) {
        sb.append("<figure><figcaption>net revenue effect per campaign</figcaption>")
            .append("<div class=\"chart\" id=\"campaigns-net\" data-kind=\"campaigns\"></div></figure>\n");
      }
      HtmlTable t = new HtmlTable("campaign_id")
          .column("campaign_id", "campaign", Format.TEXT)
          .column("recipients", "recipients", Format.COUNT)
          .column("open_rate", "open rate", Format.PERCENT)
          .column("baseline_open_rate", "baseline open rate", Format.PERCENT)
          .column("short_term_lift", "short-term lift", Format.EFFECT)
          .column("long_term_effect", "long-term effect", Format.EFFECT)
          .column("net_revenue_effect", "net revenue effect", Format.EFFECT)
          .column("rules", "matched rules", Format.TEXT);
      return sb.append(ReportPage.tableOrNote(impact, t, "campaigns", "No campaign was audited.")).append("</section>\n")
          .toString();
    }
    sb.append("<p class=\"note\">").append(escape(impact.missing())).append("</p>\n");
    HtmlTable flagged = new HtmlTable("campaign_id")
        .column("campaign_id", "campaign", Format.TEXT)
        .column("sent_at", "sent at (UTC)", Format.TEXT)
        .column("kind", "kind", Format.TEXT)
        .column("deception_score", "deception score", Format.NUMBER)
        .column("label_source", "decided by", Format.TEXT)
        .column("rules", "matched rules", Format.TEXT);
    sb.append("<h3>Campaigns flagged as deceptive</h3>\n");
    return sb.append(ReportPage.tableOrNote(r.deceptiveCampaigns(), flagged, "deceptive-campaigns",
        "No campaign was flagged as deceptive.")).append("</section>\n").toString();
  }

  static String survival(TrustReport r, List<String> outcomes) {
    StringBuilder sb = new StringBuilder("<section id=\"survival\"><h2>Survival: staying subscribed, staying a "
        + "customer</h2>\n<p class=\"lead\">Kaplan-Meier curves of exposed customers (clock from their first "
        + "deceptive mail) and matched controls (clock from the same calendar day), with log-log intervals. The "
        + "restricted mean survival time (RMST) is the mean number of days without the outcome within the horizon: "
        + "a negative difference is the days of subscription or custom lost per exposed customer.</p>\n");
    if (!outcomes.isEmpty()) {
      sb.append("<div class=\"charts\">\n");
      for (String o : outcomes) {
        sb.append("<figure><figcaption>").append(escape(o)).append("</figcaption><div class=\"chart\" id=\"survival-")
            .append(escape(o)).append("\" data-kind=\"survival\" data-outcome=\"").append(escape(o))
            .append("\"></div></figure>\n");
      }
      sb.append("</div>\n");
    }
    HtmlTable t = new HtmlTable("outcome")
        .column("outcome", "outcome", Format.TEXT)
        .column("n_exposed", "exposed", Format.COUNT)
        .column("n_control", "controls", Format.COUNT)
        .column("logrank_chi2", "log-rank chi2", Format.NUMBER)
        .column("p_value", "log-rank p", Format.P_VALUE)
        .column("horizon_days", "horizon (days)", Format.COUNT)
        .column("rmst_exposed", "RMST exposed", Format.NUMBER)
        .column("rmst_control", "RMST control", Format.NUMBER)
        .column("rmst_diff", "RMST difference", Format.EFFECT)
        .column("rmst_diff_ci_low", "CI low", Format.EFFECT)
        .column("rmst_diff_ci_high", "CI high", Format.EFFECT);
    return sb.append(ReportPage.tableOrNote(r.survivalTests(), t, "survival-tests", "No survival comparison."))
        .append("</section>\n").toString();
  }

  static String quality(TrustReport r) {
    HtmlTable inputs = new HtmlTable("source")
        .column("source", "input", Format.TEXT)
        .column("rows", "rows read", Format.COUNT)
        .column("quarantined", "quarantined", Format.COUNT)
        .column("duplicates", "exact duplicates dropped", Format.COUNT);
    HtmlTable reasons = new HtmlTable(null)
        .column("source", "input", Format.TEXT)
        .column("reason", "reason", Format.TEXT)
        .column("rows", "rows", Format.COUNT);
    return "<section id=\"quality\"><h2>Data quality</h2>\n<p class=\"lead\">What the last run that read the inputs "
        + "found: rows read, rows sent to the <code>quarantine</code> table (never silently dropped) and why.</p>\n"
        + ReportPage.tableOrNote(r.inputs(), inputs, "inputs", "No input was read.")
        + "<h3>Quarantined rows by reason</h3>\n"
        + ReportPage.tableOrNote(r.quarantine(), reasons, "quarantine", "No row was quarantined.") + "</section>\n";
  }

  static String run(TrustReport r) {
    List<Map<String, Object>> facts = new ArrayList<>();
    for (String key : List.of("run_id", "command", "status", "started_at", "finished_at", "config_hash")) {
      if (r.run().containsKey(key)) facts.add(Map.of("key", key, "value", String.valueOf(r.run().get(key))));
    }
    facts.add(Map.of("key", "lake", "value", r.lake()));
    HtmlTable versions = new HtmlTable("table")
        .column("table", "table", Format.TEXT)
        .column("version", "Delta version", Format.COUNT)
        .column("run_id", "written by run", Format.TEXT)
        .column("command", "command", Format.TEXT)
        .column("finished_at", "finished at (UTC)", Format.TEXT);
    return "<section id=\"run\"><h2>Run</h2>\n<p class=\"lead\">The last succeeded run and the current version of "
        + "every table (read an older one with <code>trustlens show TABLE --version N</code>).</p>\n"
        + ReportPage.keyValues().render("run", facts)
        + ReportPage.tableOrNote(r.tableVersions(), versions, "versions", "The lake has no table yet.") + "</section>\n";
  }

  /** The largest event time of the curve: analysis.horizon of the run that wrote it. */
  static int horizon(TrustReport r) {
    return r.erosion().rows().stream().map(row -> (Integer) row.get("event_time")).max(Integer::compare).orElse(0);
  }
}
