package com.trustlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.Cli;
import com.trustlens.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `trustlens show TABLE --version N`: Delta time travel over an output table. */
@ExtendWith(SharedSpark.class)
class ShowCommandTest {
  @TempDir Path dir;

  private static Dataset<Row> deception(SparkSession spark, String campaign, double score) {
    Row row = RowFactory.create(campaign, score, score >= 0.5, scala.collection.JavaConverters
        .asScalaBuffer(List.<String>of()).toList(), "rules", "fr", null, "promotional");
    return spark.createDataFrame(List.of(row), Schemas.output("campaign_deception").structType());
  }

  @Test
  void versionReadsTheTableAsAnEarlierRunLeftIt(SparkSession spark) throws Exception {
    Path conf = Files.writeString(dir.resolve("conf.yaml"), """
        inputs:
          campaigns: {path: c.jsonl, format: json}
          exposures: {path: x.csv, format: csv}
          events: {path: e.jsonl, format: json}
        output: {path: lake}
        analysis: {start: 2025-01-06, end: 2025-03-02}
        spark: {master: "local[2]", conf: {spark.sql.shuffle.partitions: "2"}}
        """);
    String path = dir.resolve("lake/campaign_deception").toString();
    new DeltaTables(spark, "run-1").replace(Schemas.output("campaign_deception"), path, deception(spark, "c1", 0.9));
    new DeltaTables(spark, "run-2").replace(Schemas.output("campaign_deception"), path, deception(spark, "c1", 0.2));

    String[] show = {"show", "campaign_deception", "--conf", conf.toString(), "--format", "csv", "--where",
        "campaign_id = 'c1'"};
    assertEquals("c1,0.2,false", firstRow(Cli.run(spark, 0, show)));
    assertEquals("c1,0.9,true", firstRow(Cli.run(spark, 0, concat(show, "--version", "0"))));
    assertEquals("c1,0.2,false", firstRow(Cli.run(spark, 0, concat(show, "--version", "1"))));
  }

  private static String firstRow(String csv) {
    List<String> lines = csv.lines().toList();
    assertEquals(2, lines.size(), csv);
    return String.join(",", List.of(lines.get(1).split(",")).subList(0, 3));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
