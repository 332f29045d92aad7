package com.trustlens.generate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustlens.testing.Cli;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first half of the pipeline end to end (`trustlens ingest`, `classify`, `cohorts`) over a
 * generated CRM: its quarantine, counts and trust curves checked against truth.json and against a
 * plain-Java reading of the raw files (RawValidator, RawPanel) that shares no code with ingest.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineOnGeneratedCrmTest {
  private static final GenerateOptions OPTIONS = GenerateOptions.defaults("unset").withSize(400, 14).withSeed(21)
      .withPartitions(2);

  private final SparkSession spark;
  private final Path dir;
  private final RawFiles files;
  private final JsonNode truth;
  private final Path lake;

  PipelineOnGeneratedCrmTest(SparkSession spark) throws IOException {
    this.spark = spark;
    dir = Files.createTempDirectory("trustlens-e2e");
    SyntheticCrm.standard(spark, OPTIONS.withOut(dir.toString()).validate()).write();
    files = new RawFiles(dir);
    truth = files.truth();
    lake = dir.resolve("lake");
    write(dir.resolve("trustlens.yaml"), """
        inputs:
          customers: {path: customers.csv, format: csv}
          campaigns: {path: campaigns.jsonl, format: json}
          exposures: {path: exposures.csv, format: csv}
          events:    {path: events.jsonl, format: json}
        output: {path: lake}
        analysis:
          start: %s
          end: %s
          strata: [segment]
          pre_periods: 2
          horizon: 3
          min_cell_size: 1
          buckets: 16
          bootstrap: {replicates: 99, seed: 7}
        privacy: {pseudonym_key: e2e-test-key}
        """.formatted(OPTIONS.start(), OPTIONS.end()));
    run();
  }

  @AfterAll
  void deleteFiles() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  // The first half of the pipeline, step by step as a user would run it (estimation is tested elsewhere).
  private void run() {
    for (String step : List.of("ingest", "classify", "cohorts")) {
      Cli.run(spark, 0, step, "--quiet", "--conf", dir.resolve("trustlens.yaml").toString());
    }
  }

  @Test
  void quarantineHoldsExactlyThePlantedBadRowsAndCountsMatchTheFiles() {
    // Expected: every bad row of truth.json with its reason. Customers' raw text is masked in the
    // quarantine (e-mails, dates), so they are compared by reason only.
    Map<String, Integer> expectedReasons = new TreeMap<>();
    Set<String> expectedRaw = new HashSet<>();
    for (JsonNode b : truth.get("bad_rows")) {
      String source = b.get("source").asText();
      expectedReasons.merge(source + "|" + b.get("expected_reason").asText(), 1, Integer::sum);
      if (!source.equals("customers")) expectedRaw.add(source + "|" + b.get("expected_reason").asText() + "|" + b.get("raw").asText());
    }
    Map<String, Integer> reasons = new TreeMap<>();
    Set<String> raw = new HashSet<>();
    for (Row r : table("quarantine").select("source", "reason", "raw").collectAsList()) {
      reasons.merge(r.getString(0) + "|" + r.getString(1), 1, Integer::sum);
      if (!r.getString(0).equals("customers")) raw.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2));
    }
    assertTrue(expectedReasons.size() >= 8, "the generator plants many kinds of bad rows: " + expectedReasons);
    assertEquals(expectedReasons, reasons);
    assertEquals(expectedRaw, raw);

    Row runRow = table("runs").filter(col("command").equalTo("ingest")).orderBy(col("started_at").desc()).first();
    Map<String, Long> inputRows = runRow.getJavaMap(runRow.fieldIndex("input_rows"));
    Map<String, Long> duplicates = runRow.getJavaMap(runRow.fieldIndex("duplicate_rows"));
    for (String source : List.of("customers", "campaigns", "exposures", "events")) {
      assertEquals(truth.get("files").get(source).get("data_lines").asLong(), inputRows.get(source), source + " rows read");
    }
    assertEquals(truth.get("duplicates").get("events").asLong(), duplicates.get("events"), "exact duplicate events");
    // Silver events: one row per event_id of the clean lines, whatever the re-deliveries.
    assertEquals(RawPanel.cleanEvents(files).size(), table("_silver/events").count());
    assertEquals(table("_silver/events").count(), table("_silver/events").select("event_id").distinct().count());
  }

  @Test
  void exposedCurvesOfTrustMetricsEqualAPlainReadingOfTheRawFiles() {
    Map<String, Double> expected = expectedExposedOpens();
    Map<String, Double> actual = new HashMap<>();
    for (Row r : table("trust_metrics")
        .filter(col("treatment").equalTo("deceptive_mail").and(col("arm").equalTo("exposed")).and(col("metric").equalTo("opened")))
        .select(col("cohort_period").cast("string"), col("period").cast("string"), col("value"), col("customers"))
        .collectAsList()) {
      actual.put(r.getString(0) + "/" + r.getString(1) + "/n", (double) r.getLong(3));
      actual.put(r.getString(0) + "/" + r.getString(1) + "/mean", r.getDouble(2));
    }
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((k, v) -> assertEquals(v, actual.get(k), 1e-12, k));
  }

  @Test
  void aSecondRunOverTheSameInputsWritesTheSameTables() {
    List<Row> quarantine = table("quarantine").drop("run_id", "ingested_at").orderBy("source", "raw").collectAsList();
    List<Row> metrics = table("trust_metrics").orderBy("treatment", "arm", "cohort_period", "period", "metric").collectAsList();
    List<Row> events = table("_silver/events").orderBy("event_id").collectAsList();
    run();
    assertEquals(quarantine, table("quarantine").drop("run_id", "ingested_at").orderBy("source", "raw").collectAsList());
    assertEquals(metrics, table("trust_metrics").orderBy("treatment", "arm", "cohort_period", "period", "metric").collectAsList());
    assertEquals(events, table("_silver/events").orderBy("event_id").collectAsList());
  }

  /**
   * Per cohort and week, the share of the cohort's customers who opened a mail: cohorts are the
   * first delivered exposure to a deceptive campaign of truth.json, among the customers with a
   * clean row who had signed up by the window start.
   */
  private Map<String, Double> expectedExposedOpens() {
    LocalDate start = OPTIONS.start();
    int weeks = OPTIONS.weeks();
    Set<String> panelCustomers = new HashSet<>();
    for (String line : files.dataLines("customers.csv")) {
      String[] f = line.split(",", -1);
      if (RawValidator.customer(line).isEmpty() && (f[2].isEmpty() || !LocalDate.parse(f[2]).isAfter(start))) {
        panelCustomers.add(f[0]);
      }
    }
    Set<String> deceptive = new HashSet<>();
    truth.get("campaigns").get("deceptive").forEach(c -> deceptive.add(c.asText()));
    Map<String, Integer> cohorts = new HashMap<>();
    for (String line : files.dataLines("exposures.csv")) {
      String[] f = line.split(",", -1);
      if (RawValidator.exposure(line).isEmpty() && deceptive.contains(f[1]) && f[3].equals("true") && f[5].equals("false")) {
        cohorts.merge(f[0], RawPanel.week(start, RawFiles.instant(f[2])), Math::min);
      }
    }
    Map<String, RawPanel.History> histories = RawPanel.of(files, start);
    Map<String, int[]> sums = new TreeMap<>();
    cohorts.forEach((customer, g) -> {
      if (!panelCustomers.contains(customer) || g < 0 || g >= weeks) return;
      RawPanel.History h = histories.getOrDefault(customer, new RawPanel.History());
      for (int t = 0; t < weeks; t++) {
        int[] s = sums.computeIfAbsent(start.plusWeeks(g) + "/" + start.plusWeeks(t), k -> new int[2]);
        s[0] += h.metric("opened", t);
        s[1]++;
      }
    });
    assertTrue(sums.size() >= 3 * weeks, "several cohorts: " + sums.size() / weeks);
    Map<String, Double> out = new HashMap<>();
    sums.forEach((k, s) -> {
      out.put(k + "/n", (double) s[1]);
      out.put(k + "/mean", (double) s[0] / s[1]);
    });
    return out;
  }

  private org.apache.spark.sql.Dataset<Row> table(String name) {
    return spark.read().format("delta").load(lake.resolve(name).toString());
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
