package com.trustlens.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ConfigLoader;
import com.trustlens.generate.GenerateOptions;
import com.trustlens.ingest.RunPlan;
import com.trustlens.generate.SyntheticCrm;
import com.trustlens.testing.Cli;
import com.trustlens.testing.ProgressCapture;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `trustlens run` over inputs that grew: the incremental run must leave every table as a full run
 * over all the inputs does; a changed file must make the run full.
 */
@ExtendWith(SharedSpark.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunTest {
  private static final Path ROOT = Path.of("target", "incremental-run").toAbsolutePath();
  private static final Path INCREMENTAL = ROOT.resolve("incremental");
  private static final Path FULL = ROOT.resolve("full");
  /** Every table but runs (a log of runs) and ingest_log (paths differ between the two lakes). */
  private static final List<String> TABLES = List.of("_silver/customers", "_silver/campaigns", "_silver/exposures",
      "_silver/events", "_internal/panel", "_internal/class_sums", "campaign_deception", "customer_cohorts", "trust_metrics",
      "erosion_att_gt", "erosion_curve", "erosion_aggregates", "erosion_summary", "survival_curve", "survival_test",
      "campaign_impact", "quarantine");

  @Test
  @Order(1)
  void incrementalRunOverGrownInputsEqualsFullRun(SparkSession spark) throws IOException {
    // -Dtrustlens.it.reuseIncremental=true compares the lakes of an earlier test run (while iterating).
    if (!Boolean.getBoolean("trustlens.it.reuseIncremental") || !Files.isDirectory(FULL.resolve("lake/runs"))) {
      buildLakes(spark);
    }
    for (String table : TABLES) {
      Dataset<Row> full = comparable(spark, FULL, table);
      Dataset<Row> incremental = comparable(spark, INCREMENTAL, table);
      assertEquals(0, full.exceptAll(incremental).count() + incremental.exceptAll(full).count(),
          table + " differs between the incremental and the full run");
      assertTrue(full.count() > 0 || table.equals("quarantine"), table + " is empty");
    }
  }

  private static void buildLakes(SparkSession spark) throws IOException {
    deleteRecursively(ROOT);
    Path generated = ROOT.resolve("generated");
    GenerateOptions options = GenerateOptions.defaults(generated.toString()).withSize(300, 12).withSeed(5)
        .withPartitions(2).validate();
    SyntheticCrm.standard(spark, options).write();
    String cutoff = options.start().plusWeeks(10).toString();
    List<List<String>> events = SplitInputs.events(generated.resolve("events.jsonl"), cutoff);
    List<List<String>> exposures = SplitInputs.exposures(generated.resolve("exposures.csv"), cutoff);
    for (Path dir : List.of(INCREMENTAL, FULL)) {
      Files.createDirectories(dir);
      Files.copy(generated.resolve("customers.csv"), dir.resolve("customers.csv"));
      Files.copy(generated.resolve("campaigns.jsonl"), dir.resolve("campaigns.jsonl"));
      Files.writeString(dir.resolve("trustlens.yaml"), config(options));
      SplitInputs.write(dir.resolve("events/part-1.jsonl"), events.get(0));
      SplitInputs.write(dir.resolve("exposures/part-1.csv"), exposures.get(0));
    }
    assertTrue(run(spark, INCREMENTAL).contains("full run: no record of a complete earlier run in this lake"));
    for (Path dir : List.of(INCREMENTAL, FULL)) {
      SplitInputs.write(dir.resolve("events/part-2.jsonl"), events.get(1));
      SplitInputs.write(dir.resolve("exposures/part-2.csv"), exposures.get(1));
    }
    String second = run(spark, INCREMENTAL);
    assertTrue(second.contains("incremental run: customers 0 new files, campaigns 0 new files, exposures 1 new file,"
        + " events 1 new file; panel rebuilt from 2025-03-10"), second);
    assertTrue(second.contains("panel from 2025-03-10        900 customer x period rows rewritten"), second);
    // The estimate and the audit read class sums updated from the last run's, not summed over the panel again.
    assertTrue(second.matches("(?s).*class x period rows updated \\([0-9]+ customers changed class, periods from 2025-03-10"
        + " summed again\\).*"), second);
    assertTrue(!second.contains("class x period rows from the panel"), second);
    run(spark, FULL);
  }

  @Test
  @Order(2)
  void aChangedFileMakesTheRunFull(SparkSession spark) throws IOException {
    Path part1 = INCREMENTAL.resolve("events/part-1.jsonl");
    Files.writeString(part1, Files.readAllLines(part1).get(0) + "\n", StandardOpenOption.APPEND);
    assertEquals("input events: file:" + part1 + " changed (size or modification time) since the last run",
        plan(spark, false).fullReason());
  }

  @Test
  @Order(3)
  void fullOptionForcesAFullRun(SparkSession spark) {
    assertEquals("--full was given", plan(spark, true).fullReason());
  }

  @Test
  @Order(4)
  void aNewConfigurationMakesTheRunFull(SparkSession spark) throws IOException {
    Path conf = INCREMENTAL.resolve("trustlens.yaml");
    Files.writeString(conf, Files.readString(conf).replace("horizon: 4", "horizon: 3"));
    assertTrue(plan(spark, false).fullReason().startsWith("the configuration changed since the last run"));
  }

  // What `trustlens run` would decide, without running it.
  private static RunPlan plan(SparkSession spark, boolean full) {
    ConfigLoader.Loaded loaded = ConfigLoader.load(INCREMENTAL.resolve("trustlens.yaml"));
    Pipeline pipeline = new Pipeline(spark, loaded.config(), new RunContext("run", loaded.hash(), Instant.now()));
    return new IncrementalRun(pipeline).plan(full);
  }

  private static String run(SparkSession spark, Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--conf", dir.resolve("trustlens.yaml").toString()));
    args.addAll(Arrays.asList(more));
    try (ProgressCapture progress = new ProgressCapture()) {
      Cli.run(spark, 0, args.toArray(String[]::new));
      return String.join("\n", progress.lines());
    }
  }

  // Run ids, times and file folders differ between the two lakes; doubles may differ in the last bits.
  private static Dataset<Row> comparable(SparkSession spark, Path dir, String table) {
    Dataset<Row> t = spark.read().format("delta").load(dir.resolve("lake").resolve(table).toString());
    List<Column> cols = new ArrayList<>();
    for (StructField f : t.schema().fields()) {
      String n = f.name();
      if (n.equals("run_id") || n.equals("ingested_at")) continue;
      if (n.equals("file")) cols.add(regexp_extract(col(n), "[^/]*$", 0).as(n));
      else if (f.dataType() instanceof DoubleType) cols.add(round(col(n), 9).as(n));
      else if (f.dataType() instanceof MapType) cols.add(to_json(col(n)).as(n));
      else cols.add(col(n));
    }
    return t.select(cols.toArray(Column[]::new));
  }

  private static String config(GenerateOptions g) {
    return """
        inputs:
          customers: {path: customers.csv, format: csv}
          campaigns: {path: campaigns.jsonl, format: json}
          exposures: {path: exposures, format: csv}
          events:    {path: events, format: json}
        output: {path: lake}
        analysis:
          start: %s
          end: %s
          strata: [segment]
          pre_periods: 3
          horizon: 4
          min_cell_size: 5
          buckets: 16
          bootstrap: {replicates: 99, seed: 7}
          survival_horizon_days: 28
        treatments:
          - {name: late_send, kind: late_send, after_hours: 24}
          - {name: unanswered_contact, kind: unanswered_contact, after_hours: 48}
        privacy: {pseudonym_key: incremental-test-key}
        spark: {master: "local[2]", conf: {spark.sql.shuffle.partitions: "2"}}
        """.formatted(g.start(), g.end());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
