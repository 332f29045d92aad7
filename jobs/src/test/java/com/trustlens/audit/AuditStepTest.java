package com.trustlens.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.config.ConfigLoader;
import com.trustlens.pipeline.Pipeline;
import com.trustlens.pipeline.RunContext;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.Panels;
import com.trustlens.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline.audit: reads silver tables, campaign_deception, the panel and cohorts of the lake; one commit. */
@ExtendWith(SharedSpark.class)
class AuditStepTest {
  @TempDir Path dir;
  private final SparkSession spark;

  AuditStepTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void auditWritesCampaignImpactInOneCommitTaggedWithTheRun() throws Exception {
    Path conf = dir.resolve("conf.yaml");
    Files.writeString(conf, """
        inputs:
          campaigns: {path: c.jsonl, format: json}
          exposures: {path: x.csv, format: csv}
          events: {path: e.jsonl, format: json}
        output: {path: lake}
        analysis: {start: 2025-01-06, end: 2025-02-16, horizon: 2, min_cell_size: 1, buckets: 16, metrics: [opened]}
        """);
    ConfigLoader.Loaded loaded = ConfigLoader.load(conf);
    RunContext run = new RunContext("estimate", loaded.hash(), Instant.now());
    Pipeline pipeline = new Pipeline(spark, loaded.config(), run);
    AuditFixture f = new AuditFixture(spark);
    save(f.campaigns(), pipeline.lake().silver("campaigns"));
    save(f.exposures(), pipeline.lake().silver("exposures"));
    save(f.events(), pipeline.lake().silver("events"));
    save(f.deception(), pipeline.lake().gold("campaign_deception"));
    save(Panels.complete(f.panel()), pipeline.lake().internal("panel"));
    save(f.cohorts(), pipeline.lake().gold("customer_cohorts"));

    pipeline.audit();

    String path = pipeline.lake().gold("campaign_impact");
    assertEquals(0L, run.outputVersions().get("campaign_impact"));
    assertEquals(run.runId(), DeltaTable.forPath(spark, path).history(1).select("userMetadata").head().getString(0));
    Dataset<Row> impact = spark.read().format("delta").load(path);
    assertEquals(Schemas.output("campaign_impact").columnNames(), java.util.List.of(impact.columns()));
    Row d1 = impact.first();
    assertEquals("d1", d1.getAs("campaign_id"));
    // Revenue is not among analysis.metrics, yet the audit estimates it: d1's customers lose 3 a week over e = 1..2.
    assertEquals(-18, d1.<Double>getAs("long_term_revenue_effect"), 4);
  }

  private static void save(Dataset<Row> rows, String path) {
    rows.write().format("delta").save(path);
  }
}
