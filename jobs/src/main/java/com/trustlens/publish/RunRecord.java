package com.trustlens.publish;

import com.trustlens.schema.Schemas;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** The row a run leaves in the runs table. */
public record RunRecord(
    String runId,
    String command,
    Instant startedAt,
    Instant finishedAt,
    String status,
    String message,
    String configHash,
    Map<String, Long> inputRows,
    Map<String, Long> quarantinedRows,
    Map<String, Long> duplicateRows,
    Map<String, Long> outputVersions) {

  /** Appends this record to the runs table at path, in one commit. */
  public long append(SparkSession spark, String path) {
    Row row = RowFactory.create(runId, command, Timestamp.from(startedAt), Timestamp.from(finishedAt), status, message,
        configHash, scalaMap(inputRows), scalaMap(quarantinedRows), scalaMap(duplicateRows), scalaMap(outputVersions));
    var schema = Schemas.output("runs");
    Dataset<Row> df = spark.createDataFrame(List.of(row), schema.structType());
    return new DeltaTables(spark, runId).append(schema, path, df);
  }

  @SuppressWarnings("deprecation")
  private static scala.collection.Map<String, Long> scalaMap(Map<String, Long> m) {
    return scala.collection.JavaConverters.mapAsScalaMap(new java.util.LinkedHashMap<>(m));
  }
}
