package com.trustlens.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import com.trustlens.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What dashboards rely on in every table TrustLens writes: comments, description, change data feed, no partitions. */
@ExtendWith(SharedSpark.class)
class DeltaTablesTest {
  @TempDir Path dir;

  static Dataset<Row> deception(SparkSession spark, String campaign, double score) {
    TableSchema schema = Schemas.output("campaign_deception");
    Row row = RowFactory.create(campaign, score, score >= 0.5, scala.collection.JavaConverters
        .asScalaBuffer(List.of("fake_apology.apology_with_offer_fr")).toList(), "rules", "fr", null, "promotional");
    return spark.createDataFrame(List.of(row), schema.structType());
  }

  @Test
  void goldTablesCarryCommentsDescriptionAndChangeDataFeedWithoutPartitions(SparkSession spark) {
    TableSchema schema = Schemas.output("campaign_deception");
    String path = dir.resolve("campaign_deception").toString();
    DeltaTables tables = new DeltaTables(spark, "run-1");
    assertEquals(0, tables.replace(schema, path, deception(spark, "c1", 0.9)));

    Row detail = spark.sql("DESCRIBE DETAIL " + DeltaTables.identifier(path)).first();
    assertEquals(schema.description(), detail.getAs("description"));
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertEquals("true", properties.get("delta.enableChangeDataFeed"));
    assertEquals("gold", properties.get("trustlens.layer"));
    assertEquals(0, detail.getList(detail.fieldIndex("partitionColumns")).size());
    for (StructField f : tables.read(path).schema().fields()) {
      ColumnSpec spec = schema.requireColumn(f.name());
      assertEquals(spec.description(), f.getComment().get(), f.name());
    }
  }

  @Test
  void changeDataFeedGivesDashboardsOnlyWhatARunChanged(SparkSession spark) {
    TableSchema schema = Schemas.output("campaign_deception");
    String path = dir.resolve("cdf").toString();
    DeltaTables tables = new DeltaTables(spark, "run-1");
    tables.replace(schema, path, deception(spark, "c1", 0.9));
    new DeltaTables(spark, "run-2").append(schema, path, deception(spark, "c2", 0.1));

    List<Row> changes = spark.read().format("delta").option("readChangeFeed", "true").option("startingVersion", 1)
        .load(path).select("campaign_id", "_change_type", "_commit_version").collectAsList();
    assertEquals(List.of(RowFactory.create("c2", "insert", 1L)), changes);
  }

  @Test
  void anEarlierVersionIsReadableUntilItsFilesAreGoneAndPropertiesTravelWithAReplace(SparkSession spark)
      throws java.io.IOException {
    TableSchema schema = Schemas.output("campaign_deception");
    String path = dir.resolve("versions").toString();
    DeltaTables tables = new DeltaTables(spark, "run-1");
    tables.replace(schema, path, deception(spark, "c1", 0.9), Map.of("trustlens.source.panel", "4"));
    tables.replace(schema, path, deception(spark, "c2", 0.1), Map.of("trustlens.source.panel", "5"));
    assertEquals(1, tables.version(path));
    assertEquals("5", tables.properties(path).get("trustlens.source.panel"));
    assertEquals("c1", tables.read(path, 0).first().getAs("campaign_id"));
    assertEquals(null, tables.unreadable(path, 0));

    // As a VACUUM past the retention would leave it: version 0's data file deleted.
    for (String file : tables.read(path, 0).inputFiles()) java.nio.file.Files.delete(Path.of(java.net.URI.create(file)));
    assertTrue(tables.unreadable(path, 0).startsWith("data file "), tables.unreadable(path, 0));
    assertTrue(tables.unreadable(path, 0).endsWith(" of version 0 is gone"), tables.unreadable(path, 0));
    assertEquals(null, tables.unreadable(path, 1));
    assertTrue(tables.unreadable(path, 7).startsWith("version 7 cannot be read: "), tables.unreadable(path, 7));
  }

  @Test
  void silverTablesHaveNoChangeDataFeed(SparkSession spark) {
    String path = dir.resolve("silver_campaigns").toString();
    TableSchema schema = Schemas.silver("campaigns");
    new DeltaTables(spark, "run-1").replace(schema, path, spark.createDataFrame(List.of(), schema.structType()));
    Row detail = spark.sql("DESCRIBE DETAIL " + DeltaTables.identifier(path)).first();
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    assertFalse(properties.containsKey("delta.enableChangeDataFeed"), properties.toString());
    assertTrue(detail.<String>getAs("description").length() > 0);
  }
}
