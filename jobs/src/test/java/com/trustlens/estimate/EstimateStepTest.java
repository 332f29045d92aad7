package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ConfigLoader;
import com.trustlens.pipeline.Pipeline;
import com.trustlens.pipeline.RunContext;
import com.trustlens.testing.Panels;
import com.trustlens.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline.estimate: reads the panel and cohorts of the lake, writes the four erosion tables, one commit each. */
@ExtendWith(SharedSpark.class)
class EstimateStepTest {
  @TempDir Path dir;
  private final SparkSession spark;

  EstimateStepTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void estimateWritesEachErosionTableInOneCommitTaggedWithTheRun() throws IOException {
    World w = EstimatorAgreementTest.randomWorld(3);
    Path conf = dir.resolve("conf.yaml");
    Files.writeString(conf, """
        inputs:
          campaigns: {path: c.jsonl, format: json}
          exposures: {path: x.csv, format: csv}
          events: {path: e.jsonl, format: json}
        output: {path: lake}
        analysis:
          start: 2025-01-06
          end: 2025-03-02
          metrics: [revenue, opened]
          pre_periods: 2
          horizon: 2
          min_cell_size: 5
          buckets: 16
          bootstrap: {replicates: 99, seed: 3}
        """);
    ConfigLoader.Loaded loaded = ConfigLoader.load(conf);
    RunContext run = new RunContext("estimate", loaded.hash(), Instant.now());
    Pipeline pipeline = new Pipeline(spark, loaded.config(), run);
    Panels.complete(w.panel(spark)).write().format("delta").save(pipeline.lake().internal("panel"));
    w.cohorts(spark).write().format("delta").save(pipeline.lake().gold("customer_cohorts"));

    pipeline.estimate();

    for (String table : new String[] {"erosion_att_gt", "erosion_curve", "erosion_aggregates", "erosion_summary"}) {
      assertEquals(0L, run.outputVersions().get(table), table);
      String path = pipeline.lake().gold(table);
      assertEquals(run.runId(), DeltaTable.forPath(spark, path).history(1).select("userMetadata").head().getString(0));
    }
    // 2 metrics x 6 breakdowns (all, dose=1, dose=2, dose=3+, segment=gold, segment=silver).
    assertEquals(12, spark.read().format("delta").load(pipeline.lake().gold("erosion_summary")).count());
    // Event times -2..2 per metric and breakdown.
    assertEquals(5 * 12, spark.read().format("delta").load(pipeline.lake().gold("erosion_curve")).count());
    assertTrue(spark.read().format("delta").load(pipeline.lake().gold("erosion_att_gt")).count() > 0);
  }
}
