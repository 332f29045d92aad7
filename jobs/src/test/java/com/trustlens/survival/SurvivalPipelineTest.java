package com.trustlens.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.config.ConfigLoader;
import com.trustlens.pipeline.Lake;
import com.trustlens.pipeline.Pipeline;
import com.trustlens.pipeline.RunContext;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class SurvivalPipelineTest {
  private final SparkSession spark;
  @TempDir Path dir;

  SurvivalPipelineTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void survivalStepWritesBothTablesInOneCommitEachFromTheLake() throws Exception {
    Path conf = dir.resolve("conf.yaml");
    Files.writeString(conf, """
        inputs:
          campaigns: {path: none.jsonl, format: json}
          exposures: {path: none.csv, format: csv}
          events: {path: none.jsonl, format: json}
        output: {path: lake}
        analysis: {start: 2025-01-06, end: 2025-01-26, min_cell_size: 1}
        """);
    var loaded = ConfigLoader.load(conf);
    Lake lake = new Lake(loaded.config().output().path());
    DeltaTables setup = new DeltaTables(spark, "setup");
    setup.replace(Schemas.output("customer_cohorts"), lake.gold("customer_cohorts"), SurvivalFixtures.cohorts(spark));
    setup.replace(Schemas.silver("events"), lake.silver("events"), SurvivalFixtures.events(spark));

    RunContext run = new RunContext("estimate", loaded.hash(), Instant.now());
    var comparisons = new Pipeline(spark, loaded.config(), run).survival();

    assertEquals(2, comparisons.size());
    assertEquals(0L, run.outputVersions().get("survival_curve"));
    assertEquals(0L, run.outputVersions().get("survival_test"));
    assertEquals(22, setup.read(lake.gold("survival_curve")).count());
    assertEquals(46.0, setup.read(lake.gold("survival_test")).filter("outcome = 'unsubscribe'")
        .first().<Double>getAs("rmst_exposed"), 1e-12);
  }
}
