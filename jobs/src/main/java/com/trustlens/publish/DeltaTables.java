package com.trustlens.publish;

import com.trustlens.schema.TableSchema;
import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.CreateTableWriter;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes TrustLens tables to Delta: each write is one commit, tagged with the run id in the
 * commit's userMetadata, with the schema file's column comments and table description.
 */
public final class DeltaTables {
  static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private final SparkSession spark;
  private final String runId;

  public DeltaTables(SparkSession spark, String runId) {
    this.spark = spark;
    this.runId = runId;
  }

  /** Replaces the table's contents in one commit (creating it if needed); returns the version written. */
  public long replace(TableSchema schema, String path, Dataset<Row> data) {
    return replace(schema, path, data, Map.of());
  }

  /** As {@link #replace(TableSchema, String, Dataset)}, with table properties of the caller's (e.g. provenance). */
  public long replace(TableSchema schema, String path, Dataset<Row> data, Map<String, String> properties) {
    return commit(path, () -> creator(schema, path, data, properties).createOrReplace());
  }

  /** Appends rows in one commit (creating the table if needed); returns the version written. */
  public long append(TableSchema schema, String path, Dataset<Row> data) {
    boolean exists = exists(path);
    return commit(path, () -> {
      if (exists) writer(schema, path, data).append();
      else creator(schema, path, data).create();
    });
  }

  /**
   * Replaces the rows matching a condition in one commit (creating the table if needed), so a
   * retried run does not add its rows twice; returns the version written.
   */
  public long replaceWhere(TableSchema schema, String path, Dataset<Row> data, Column condition) {
    boolean exists = exists(path);
    return commit(path, () -> {
      if (exists) writer(schema, path, data).overwrite(condition);
      else creator(schema, path, data).create();
    });
  }

  /**
   * Inserts the rows whose key is not in the table yet, in one commit (creating the table if
   * needed): keyed silver state grows without a row twice; returns the version written.
   */
  public long mergeNew(TableSchema schema, String path, Dataset<Row> data, java.util.List<String> key) {
    boolean exists = exists(path);
    String on = String.join(" AND ", key.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").toList());
    return commit(path, () -> {
      if (!exists) creator(schema, path, data).create();
      else DeltaTable.forPath(spark, path).as("t").merge(schema.conform(data).as("s"), on)
          .whenNotMatched().insertAll().execute();
    });
  }

  public boolean exists(String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /** Reads a table written by TrustLens. */
  public Dataset<Row> read(String path) {
    return spark.read().format("delta").load(path);
  }

  /** Reads a table as it was at a version (Delta time travel). */
  public Dataset<Row> read(String path, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /**
   * Why a version of a table cannot be read any more (its log entry or a data file gone, as after
   * a VACUUM past the retention), or null when it can.
   */
  public String unreadable(String path, long version) {
    try {
      for (String file : read(path, version).inputFiles()) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
        if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
          return "data file " + file + " of version " + version + " is gone";
        }
      }
      return null;
    } catch (Exception e) {
      return "version " + version + " cannot be read: " + e.getMessage();
    }
  }

  /** Latest version of a table. */
  public long version(String path) {
    return DeltaTable.forPath(spark, path).history(1).select("version").head().getLong(0);
  }

  /** Properties of a table as last written. */
  public Map<String, String> properties(String path) {
    return DeltaTable.forPath(spark, path).detail().select("properties").head().getJavaMap(0);
  }

  private static DataFrameWriterV2<Row> writer(TableSchema schema, String path, Dataset<Row> data) {
    return schema.conform(data).writeTo(identifier(path));
  }

  private static CreateTableWriter<Row> creator(TableSchema schema, String path, Dataset<Row> data) {
    return creator(schema, path, data, Map.of());
  }

  // Table description and properties (the schema's, then the caller's) are set when the table is (re)created.
  private static CreateTableWriter<Row> creator(TableSchema schema, String path, Dataset<Row> data,
      Map<String, String> extra) {
    CreateTableWriter<Row> w = writer(schema, path, data).using("delta");
    Map<String, String> all = properties(schema);
    all.putAll(extra);
    for (Map.Entry<String, String> p : all.entrySet()) {
      w = w.tableProperty(p.getKey(), p.getValue());
    }
    return w;
  }

  private static Map<String, String> properties(TableSchema schema) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("comment", schema.description());
    props.put("trustlens.layer", schema.layer());
    if (schema.layer().equals("gold")) {
      // Dashboards extract gold tables incrementally through the change data feed.
      props.put("delta.enableChangeDataFeed", "true");
    }
    return props;
  }

  /** A Delta write; the V2 writer declares checked catalog exceptions. */
  private interface Write {
    void run() throws Exception;
  }

  private long commit(String path, Write write) {
    String previous = spark.conf().getOption(USER_METADATA).getOrElse(() -> null);
    spark.conf().set(USER_METADATA, runId);
    try {
      write.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot write Delta table " + path + ": " + e.getMessage(), e);
    } finally {
      if (previous == null) spark.conf().unset(USER_METADATA);
      else spark.conf().set(USER_METADATA, previous);
    }
    return version(path);
  }

  /** The catalog identifier of a path-based Delta table. */
  public static String identifier(String path) {
    return "delta.`" + path.replace("`", "``") + "`";
  }
}
