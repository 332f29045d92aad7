package com.trustlens.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustlens.testing.Cli;
import com.trustlens.testing.Processes;
import com.trustlens.testing.SharedSpark;
import com.trustlens.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `trustlens report` on a lake written by `trustlens run`, opened from disk in headless Chromium
 * (Debian's, driven by playwright-core from npm): every chart renders as SVG, the page logs no
 * warning or error and asks for nothing on the network, and the figures it shows are those of
 * the Delta tables. Keeps target/report-screenshot.png.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustReportIT {
  static final Path CHECK_DIR = Path.of("target", "report-check").toAbsolutePath();
  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png").toAbsolutePath();
  private TestLake lake;
  private Path page;
  private JsonNode seen;
  private SparkSession spark;

  @BeforeAll
  void writeAndOpenTheReport(SparkSession spark) throws Exception {
    this.spark = spark;
    lake = TestLake.get(spark);
    Path out = Path.of("target", "it-report").toAbsolutePath();
    long t0 = System.nanoTime();
    String printed = Cli.run(spark, 0, "report", "--conf", lake.conf().toString(), "--out", out.toString());
    double writeSeconds = (System.nanoTime() - t0) / 1e9;
    page = out.resolve("index.html");
    assertEquals("Trust report: " + page, printed.strip());
    installPlaywright();
    Files.deleteIfExists(SCREENSHOT);
    Processes.Output browser = Processes.run(CHECK_DIR, Map.of(), 180,
        List.of("node", "check-report.mjs", page.toString(), SCREENSHOT.toString()));
    seen = new ObjectMapper().readTree(browser.stdout());
    System.out.printf("report: written in %.1f s (%,d bytes), checked in Chromium in %.1f s; screenshot %s%n",
        writeSeconds, Files.size(page), browser.seconds(), SCREENSHOT);
  }

  /** npm ci of playwright-core (pinned by package-lock.json) into target/report-check, once. */
  static void installPlaywright() throws Exception {
    Path scripts = Path.of("jobs", "src", "test", "scripts", "report-check");
    Files.createDirectories(CHECK_DIR);
    for (String f : List.of("package.json", "package-lock.json", "check-report.mjs")) {
      Files.copy(scripts.resolve(f), CHECK_DIR.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(CHECK_DIR.resolve("node_modules/playwright-core"))) {
      Processes.run(CHECK_DIR, Map.of(), 300, List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
  }

  @Test
  void pageLogsNothingFailsNothingAndRequestsNothing() {
    assertEquals(0, seen.get("console").size(), "console messages: " + seen.get("console"));
    assertEquals(0, seen.get("pageErrors").size(), "page errors: " + seen.get("pageErrors"));
    assertEquals(0, seen.get("requests").size(), "network requests of an offline page: " + seen.get("requests"));
    assertEquals("TrustLens trust report", seen.get("title").asText());
  }

  @Test
  void everyChartRendersAsSvgWithMarks() {
    List<String> expected = new ArrayList<>();
    // A metric whose every curve point is suppressed has no chart, and the page says so.
    for (Row r : curve().filter("att is not null").select("metric").distinct().collectAsList()) {
      expected.add("erosion-" + r.getString(0));
    }
    List<Row> hidden = summary().select("metric").except(curve().filter("att is not null").select("metric")).collectAsList();
    for (Row r : hidden) {
      assertTrue(html().matches("(?s).*No curve for [^<]*\\b" + r.getString(0) + "\\b[^<]*: every estimate is suppressed.*"),
          r.getString(0) + " has no curve and the page does not say so");
    }
    expected.add("survival-churn");
    expected.add("survival-unsubscribe");
    if (DeltaTable.isDeltaTable(spark, lake.table(ReportReader.CAMPAIGN_IMPACT))) expected.add("campaigns-net");
    List<String> ids = new ArrayList<>();
    for (JsonNode c : seen.get("charts")) {
      ids.add(c.get("id").asText());
      assertEquals("ok", c.get("state").asText(), c.toString());
      assertTrue(c.get("svg").asInt() >= 1 && c.get("marks").asInt() > 0 && c.get("paths").asInt() > 0, c.toString());
    }
    assertEquals(expected.stream().sorted().toList(), ids.stream().sorted().toList());
    assertTrue(Files.exists(SCREENSHOT), "screenshot " + SCREENSHOT);
  }

  @Test
  void headlineFiguresAreThoseOfErosionSummary() {
    Map<String, JsonNode> cells = cells("headlines");
    List<Row> rows = summary().collectAsList();
    assertEquals(8, rows.size());
    int compared = 0;
    for (Row r : rows) {
      for (String field : List.of("short_term_effect", "effect_at_horizon", "cumulative_effect", "overall_att",
          "pretrend_p_value")) {
        Double expected = r.getAs(field);
        String key = r.getAs("metric") + "/" + field;
        if (expected == null) {
          assertFalse(cells.containsKey(key), key + " is null in the table but shown");
          continue;
        }
        compareCell(cells.get(key), expected, key, field.endsWith("p_value") ? 3 : 4);
        compared++;
      }
    }
    assertTrue(compared >= 30, "headline figures compared: " + compared);
  }

  @Test
  void survivalFiguresAreThoseOfSurvivalTest() {
    Map<String, JsonNode> cells = cells("survival-tests");
    for (Row r : spark.read().format("delta").load(lake.table("survival_test")).collectAsList()) {
      for (String field : List.of("rmst_exposed", "rmst_control", "rmst_diff", "p_value")) {
        String key = r.getAs("outcome") + "/" + field;
        compareCell(cells.get(key), r.getAs(field), key, field.equals("p_value") ? 3 : 4);
      }
    }
  }

  @Test
  void dataQualityShowsInputRowsAndQuarantineReasons() {
    Row run = spark.read().format("delta").load(lake.table("runs")).filter(col("command").equalTo("run"))
        .orderBy(col("finished_at").desc()).first();
    Map<String, JsonNode> inputs = cells("inputs");
    Map<String, Long> rowsRead = run.getJavaMap(run.fieldIndex("input_rows"));
    for (Map.Entry<String, Long> e : rowsRead.entrySet()) {
      assertEquals(e.getValue().toString(), inputs.get(e.getKey() + "/rows").get("value").asText(), e.getKey());
    }
    List<String> shown = new ArrayList<>();
    seen.get("cells").forEach(c -> {
      if (c.get("table").asText().equals("quarantine")) shown.add(c.get("value").asText());
    });
    // One line per input and reason, with its count: the quarantine table grouped.
    List<String> expected = new ArrayList<>();
    spark.read().format("delta").load(lake.table("quarantine")).groupBy("source", "reason").count()
        .collectAsList().forEach(r -> expected.add(String.valueOf(r.getLong(2))));
    java.util.Collections.sort(shown);
    java.util.Collections.sort(expected);
    assertTrue(expected.size() >= 5, "the generator plants several kinds of bad rows: " + expected);
    assertEquals(expected, shown);
  }

  @Test
  void campaignAuditShowsTheAuditOrSaysWhyNot() {
    boolean audited = DeltaTable.isDeltaTable(spark, lake.table(ReportReader.CAMPAIGN_IMPACT));
    String notes = seen.get("notes").toString();
    assertEquals(!audited, notes.contains("Campaign audit not available in this run"), notes);
    if (audited) {
      Map<String, JsonNode> cells = cells("campaigns");
      for (Row r : spark.read().format("delta").load(lake.table(ReportReader.CAMPAIGN_IMPACT)).collectAsList()) {
        Object net = r.getAs("net_revenue_effect");
        if (net != null) compareCell(cells.get(r.getAs("campaign_id") + "/net_revenue_effect"), (Double) net, "net", 4);
      }
    }
  }

  @Test
  void runSectionShowsTheCurrentDeltaVersionOfEveryTable() {
    Map<String, JsonNode> versions = cells("versions");
    for (String table : List.of("campaign_deception", "erosion_curve", "erosion_summary", "survival_test", "quarantine")) {
      long current = DeltaTable.forPath(spark, lake.table(table)).history(1).select("version").first().getLong(0);
      assertEquals(Long.toString(current), versions.get(table + "/version").get("value").asText(), table);
    }
  }

  private org.apache.spark.sql.Dataset<Row> curve() {
    return spark.read().format("delta").load(lake.table("erosion_curve"))
        .filter("treatment = 'deceptive_mail' and breakdown = 'all'");
  }

  private String html() {
    try {
      return Files.readString(page);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private org.apache.spark.sql.Dataset<Row> summary() {
    return spark.read().format("delta").load(lake.table("erosion_summary"))
        .filter("treatment = 'deceptive_mail' and breakdown = 'all'");
  }

  /** Numeric cells of one page table, by "row key/field". */
  private Map<String, JsonNode> cells(String table) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode c : seen.get("cells")) {
      if (c.get("table").asText().equals(table)) out.put(c.get("key").asText() + "/" + c.get("field").asText(), c);
    }
    return out;
  }

  /** The cell holds the table's exact value, and shows it rounded to the given significant digits. */
  static void compareCell(JsonNode cell, Double expected, String what, int digits) {
    assertTrue(cell != null, what + " is not shown");
    assertEquals(expected, Double.parseDouble(cell.get("value").asText()), what + " data-value");
    double shown = Double.parseDouble(cell.get("text").asText().replace(",", ""));
    double tolerance = Math.abs(expected) * 0.5 * Math.pow(10, 1 - digits) + 1e-300;
    assertEquals(expected, shown, tolerance, what + " as shown: " + cell.get("text").asText());
  }
}
