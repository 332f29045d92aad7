package com.trustlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustlens.report.TrustReport.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report page from a hand-made model: what it shows, what it embeds, and how it escapes. */
class ReportPageTest {
  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  private static TrustReport report(Section campaigns) {
    Section none = Section.of("x", List.of());
    return new TrustReport("/lake", "deceptive_mail", "2025-01-01T00:00:00Z",
        row("run_id", "r1", "command", "run", "status", "succeeded"), Map.of(),
        Section.of("erosion_summary", List.of(row("metric", "opened", "short_term_effect", -0.123456789,
            "effect_at_horizon", null, "pretrend_p_value", 0.5, "n_treated", 1234L))),
        Section.of("erosion_curve", List.of(row("metric", "opened", "event_time", -1, "att", 0.01),
            row("metric", "opened", "event_time", 4, "att", -0.2))),
        campaigns, none, none, none, none, none, none);
  }

  @Test
  void headlineCellsCarryTheExactValueAndShowItRounded() {
    String html = ReportPage.render(report(Section.notAvailable("campaign_impact", CampaignAuditReader.NOT_AVAILABLE)));
    assertTrue(html.contains("<tr data-key=\"opened\">"), "headline row of opened");
    assertTrue(html.contains("data-field=\"short_term_effect\" data-value=\"-0.123456789\">-0.1235</td>"), "rounded");
    assertTrue(html.contains("data-field=\"effect_at_horizon\" title=\"not estimated or suppressed\">&mdash;"), "null");
    assertTrue(html.contains(">1,234</td>"), "counts with separators");
    assertTrue(html.contains("at horizon (e = 4)"), "the horizon is the curve's last event time");
    assertTrue(html.contains("id=\"erosion-opened\" data-kind=\"erosion\""), "one chart per metric");
  }

  @Test
  void aMetricWhoseEveryPointIsSuppressedHasNoChartAndTheNoteNamesIt() {
    Section none = Section.of("x", List.of());
    TrustReport r = new TrustReport("/lake", "deceptive_mail", "2025-01-01T00:00:00Z",
        row("run_id", "r1", "command", "run", "status", "succeeded"), Map.of(),
        Section.of("erosion_summary", List.of(row("metric", "opened", "n_treated", 1234L),
            row("metric", "complained", "n_treated", 1234L))),
        Section.of("erosion_curve", List.of(row("metric", "opened", "event_time", 0, "att", -0.2),
            row("metric", "complained", "event_time", 0, "att", null))),
        Section.notAvailable("campaign_impact", CampaignAuditReader.NOT_AVAILABLE), none, none, none, none, none, none);
    String html = ReportPage.render(r);
    assertTrue(html.contains("id=\"erosion-opened\""));
    assertFalse(html.contains("id=\"erosion-complained\""), "no chart without a point");
    assertTrue(html.contains("<p class=\"note\">No curve for complained: every estimate is suppressed"), html);
  }

  @Test
  void missingCampaignAuditIsSaidNotHidden() {
    String html = ReportPage.render(report(Section.notAvailable("campaign_impact", CampaignAuditReader.NOT_AVAILABLE)));
    assertTrue(html.contains("<p class=\"note\">Campaign audit not available in this run"));
    assertFalse(html.contains("data-kind=\"campaigns\""), "no chart without data");
  }

  @Test
  void chartDataIsInlineJsonThatNoValueCanBreakOutOf() throws Exception {
    String hostile = "</script><script>alert(1)</script>&";
    String html = ReportPage.render(report(Section.of("campaign_impact",
        List.of(row("campaign_id", hostile, "net_revenue_effect", -5.0, "rules", List.of("a.b"))))));
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"trustlens-data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(m.find());
    assertFalse(m.group(1).contains("<") || m.group(1).contains(">") || m.group(1).contains("&"), m.group(1));
    JsonNode data = new ObjectMapper().readTree(m.group(1));
    assertEquals(hostile, data.get("campaigns").get(0).get("campaign_id").asText());
    assertEquals(2, data.get("erosion").size());
    assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;"), "escaped in the table");
  }

  @Test
  void pageIsSelfContained() {
    String html = ReportPage.render(report(Section.notAvailable("campaign_impact", "n/a")));
    assertFalse(html.contains("<script src") || html.contains("<link"), "no external script or stylesheet");
    for (String lib : ReportPage.VENDOR) {
      assertTrue(html.contains(Html.asset(lib).substring(0, 200)), lib + " inlined");
    }
    assertTrue(html.indexOf("vegaEmbed=") < html.indexOf("specs[el.dataset.kind]"), "libraries before the page script");
  }
}
