package com.trustlens.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustlens.testing.Processes;
import com.trustlens.testing.SharedSpark;
import com.trustlens.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notebooks of notebooks/, executed headless by notebooks/run-all.sh (Jupyter's nbconvert with
 * the Java kernel) on a lake written by `trustlens run`: no cell fails, every chart is drawn, and
 * the figures they print are those of the Delta tables.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksIT {
  static final Path EXECUTED = Path.of("target", "notebooks").toAbsolutePath();
  private final ObjectMapper json = new ObjectMapper();
  private SparkSession spark;
  private TestLake lake;

  @BeforeAll
  void executeEveryNotebook(SparkSession spark) throws IOException {
    this.spark = spark;
    lake = TestLake.get(spark);
    List<String> committed;
    try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
      committed = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList();
    }
    assertTrue(committed.size() >= 3, "notebooks: " + committed);
    for (String name : committed) Files.deleteIfExists(EXECUTED.resolve(name));
    Processes.Output out = Processes.run(Path.of("").toAbsolutePath(), Map.of("TRUSTLENS_LAKE", lake.lake().toString()),
        1800, List.of("bash", "notebooks/run-all.sh"));
    System.out.printf("notebooks: %d executed in %.1f s%n%s", committed.size(), out.seconds(), out.stdout());
  }

  @Test
  void committedNotebooksHaveNoOutputs() throws IOException {
    for (String name : List.of("01-erosion-curves.ipynb", "02-campaign-audit.ipynb", "03-survival.ipynb")) {
      for (JsonNode cell : json.readTree(Path.of("notebooks", name).toFile()).get("cells")) {
        if (cell.has("outputs")) assertEquals(0, cell.get("outputs").size(), name + " was committed with outputs");
      }
    }
  }

  @Test
  void erosionNotebookDrawsEveryMetricAndPrintsTheSummaryOfTheLake() throws IOException {
    JsonNode nb = executed("01-erosion-curves.ipynb");
    List<Row> summary = spark.read().format("delta").load(lake.table("erosion_summary"))
        .filter("treatment = 'deceptive_mail' AND breakdown = 'all'").collectAsList();
    // One chart for opened, one per metric with a shown curve point, one by breakdown; the others are named.
    List<String> withoutCurve = spark.read().format("delta").load(lake.table("erosion_curve"))
        .filter("treatment = 'deceptive_mail' AND breakdown = 'all'").groupBy("metric")
        .agg(org.apache.spark.sql.functions.count("att").as("shown")).filter("shown = 0")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(1 + summary.size() - withoutCurve.size() + 1, images(nb));
    String text = text(nb);
    for (String m : withoutCurve) {
      assertTrue(text.contains(m + ": every estimate suppressed"), m + " has no chart and no note in\n" + text);
    }
    Row opened = summary.stream().filter(r -> r.getAs("metric").equals("opened")).findFirst().orElseThrow();
    // As Spark's round(x, 4) shows it.
    String expected = String.valueOf(java.math.BigDecimal.valueOf(opened.<Double>getAs("overall_att"))
        .setScale(4, java.math.RoundingMode.HALF_UP).doubleValue());
    assertTrue(text.matches("(?s).*\\|opened +\\|[^\\n]*\\|" + java.util.regex.Pattern.quote(expected) + " +\\|.*"),
        "overall ATT of opened " + expected + " in\n" + text);
  }

  @Test
  void auditNotebookShowsTheAuditOrSaysWhyNot() throws IOException {
    JsonNode nb = executed("02-campaign-audit.ipynb");
    boolean audited = DeltaTable.isDeltaTable(spark, lake.table("campaign_impact"));
    String text = text(nb);
    assertEquals(!audited, text.contains("Campaign audit not available in this run"), text);
    long deceptive = spark.read().format("delta").load(lake.table("campaign_deception")).filter("deceptive").count();
    assertTrue(text.contains(" campaigns, " + deceptive + " flagged as deceptive"), text);
    // Rule families and first-campaign cohorts, plus the two audit charts when audited.
    assertEquals(audited ? 4 : 2, images(nb));
  }

  @Test
  void survivalNotebookDrawsEveryOutcomeAndStratumAndPrintsTheRestrictedMeans() throws IOException {
    JsonNode nb = executed("03-survival.ipynb");
    String text = text(nb);
    List<Row> tests = spark.read().format("delta").load(lake.table("survival_test"))
        .filter("treatment = 'deceptive_mail' AND NOT suppressed").collectAsList();
    for (Row t : tests) {
      String sentence = String.format(Locale.ROOT, "%s: over the first %d days, exposed customers went %.1f days on average"
          + " without it, controls %.1f", t.<String>getAs("outcome"), t.<Integer>getAs("horizon_days"),
          t.<Double>getAs("rmst_exposed"), t.<Double>getAs("rmst_control"));
      assertTrue(text.contains(sentence), sentence + "\nnot in\n" + text);
    }
    long strata = spark.read().format("delta").load(lake.table("survival_curve"))
        .filter("stratum <> 'all' AND NOT suppressed").select("stratum").distinct().count();
    assertEquals(tests.size() + strata, images(nb));
  }

  private JsonNode executed(String name) throws IOException {
    JsonNode nb = json.readTree(EXECUTED.resolve(name).toFile());
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode out : cell.path("outputs")) {
        assertTrue(!out.path("output_type").asText().equals("error"), name + ": a cell failed: " + out);
      }
    }
    return nb;
  }

  private static int images(JsonNode nb) {
    int n = 0;
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode out : cell.path("outputs")) {
        if (out.path("data").has("image/png")) n++;
      }
    }
    return n;
  }

  private static String text(JsonNode nb) {
    List<String> parts = new ArrayList<>();
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode out : cell.path("outputs")) {
        JsonNode t = out.path("text");
        if (t.isTextual()) parts.add(t.asText());
        else t.forEach(line -> parts.add(line.asText()));
      }
    }
    return String.join("", parts);
  }
}
