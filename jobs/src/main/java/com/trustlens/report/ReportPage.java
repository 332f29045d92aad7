package com.trustlens.report;

import static com.trustlens.report.Html.escape;

import com.trustlens.report.HtmlTable.Format;
import com.trustlens.report.TrustReport.Section;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link TrustReport} as one self-contained HTML page: tables in HTML, chart data as
 * inline JSON, and vega, vega-lite and vega-embed inlined so that the page works offline.
 */
public final class ReportPage {
  /** Loaded in this order: each sets a global the next one uses. */
  static final List<String> VENDOR = List.of("vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js");

  private ReportPage() {}

  public static String render(TrustReport r) {
    StringBuilder sb = new StringBuilder(1_000_000);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>TrustLens trust report</title>\n<style>\n").append(Html.asset("report.css")).append("</style>\n")
        .append("</head><body>\n")
        .append(header(r))
        .append("<nav><a href=\"#headlines\">Headline</a><a href=\"#erosion\">Erosion curves</a>")
        .append("<a href=\"#campaigns\">Campaign audit</a><a href=\"#survival\">Survival</a>")
        .append("<a href=\"#quality\">Data quality</a><a href=\"#run\">Run</a></nav>\n<main>\n")
        .append(ReportSections.headlines(r))
        .append(ReportSections.erosion(r, metricsWithCurves(r)))
        .append(ReportSections.campaigns(r))
        .append(ReportSections.survival(r, outcomes(r)))
        .append(ReportSections.quality(r))
        .append(ReportSections.run(r))
        .append("</main>\n<footer>Built by <code>trustlens report</code> from the Delta tables of ")
        .append(escape(r.lake())).append(". Charts: vega, vega-lite and vega-embed (BSD-3-Clause), inlined.</footer>\n")
        .append("<script type=\"application/json\" id=\"trustlens-data\">").append(Html.inlineJson(chartData(r)))
        .append("</script>\n");
    for (String lib : VENDOR) sb.append(Html.script(Html.asset(lib), lib));
    sb.append(Html.script(Html.asset("report.js"), "report.js"));
    return sb.append("</body></html>\n").toString();
  }

  private static String header(TrustReport r) {
    String run = r.run().isEmpty() ? "no succeeded run recorded" : "run " + r.run().get("run_id");
    StringBuilder sb = new StringBuilder("<header><h1>TrustLens trust report</h1><p>What deceptive mails cost in "
        + "customer trust: treatment <code>" + escape(r.treatment()) + "</code>, " + escape(run) + ", built "
        + escape(r.generatedAt()) + "</p></header>\n");
    if (!r.latestFailure().isEmpty()) {
      Map<String, Object> f = r.latestFailure();
      sb.append("<p class=\"alert\">The latest run, ").append(escape(f.get("run_id") + " (" + f.get("command") + ")"))
          .append(", failed: ").append(escape(String.valueOf(f.get("message"))))
          .append(". The tables below are those the earlier runs left.</p>\n");
    }
    return sb.toString();
  }

  /** Metrics with at least one estimated point, in headline order. */
  static List<String> metricsWithCurves(TrustReport r) {
    return allMetrics(r).stream().filter(m -> hasCurve(r, m)).toList();
  }

  /** Metrics of the headlines or curves whose every point is suppressed or missing. */
  static List<String> metricsWithoutCurves(TrustReport r) {
    return allMetrics(r).stream().filter(m -> !hasCurve(r, m)).toList();
  }

  private static List<String> allMetrics(TrustReport r) {
    Set<String> metrics = new LinkedHashSet<>();
    for (Map<String, Object> row : r.headlines().rows()) metrics.add((String) row.get("metric"));
    for (Map<String, Object> row : r.erosion().rows()) metrics.add((String) row.get("metric"));
    return List.copyOf(metrics);
  }

  private static boolean hasCurve(TrustReport r, String metric) {
    return r.erosion().rows().stream().anyMatch(row -> metric.equals(row.get("metric")) && row.get("att") != null);
  }

  static List<String> outcomes(TrustReport r) {
    Set<String> outcomes = new LinkedHashSet<>();
    for (Map<String, Object> row : r.survivalCurves().rows()) outcomes.add((String) row.get("outcome"));
    return List.copyOf(outcomes);
  }

  private static Map<String, Object> chartData(TrustReport r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("erosion", r.erosion().rows());
    data.put("survivalCurves", r.survivalCurves().rows());
    data.put("campaigns", r.campaigns().rows());
    return data;
  }

  /** Rows of a section as a table, or the note saying why it is missing. */
  static String tableOrNote(Section s, HtmlTable table, String css, String whenEmpty) {
    if (!s.available()) return "<p class=\"note\">" + escape(s.missing()) + "</p>\n";
    if (s.rows().isEmpty()) return "<p class=\"lead\">" + escape(whenEmpty) + "</p>\n";
    return table.render(css, s.rows());
  }

  static HtmlTable keyValues() {
    return new HtmlTable(null).column("key", "", Format.TEXT).column("value", "", Format.TEXT);
  }
}
