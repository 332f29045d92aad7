package com.trustlens.pipeline;

import static org.apache.spark.sql.functions.col;

import com.trustlens.ingest.InputFile;
import com.trustlens.ingest.InputState;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The table _internal/ingest_log: what the last complete run read of every input and under which
 * configuration; written when a run completes, emptied when silver tables are rebuilt otherwise.
 */
final class IngestLog {
  /** What the log says: the configuration hash (null when empty) and the state of every input. */
  record Last(String configHash, Map<String, InputState> inputs) {}

  private final SparkSession spark;
  private final DeltaTables tables;
  private final String path;

  IngestLog(SparkSession spark, DeltaTables tables, Lake lake) {
    this.spark = spark;
    this.tables = tables;
    this.path = lake.internal("ingest_log");
  }

  Last read() {
    if (!tables.exists(path)) return new Last(null, Map.of());
    List<Row> rows = tables.read(path).orderBy(col("source"), col("path")).collectAsList();
    String hash = rows.isEmpty() ? null : rows.get(0).getAs("config_hash");
    Map<String, List<InputFile>> files = new LinkedHashMap<>();
    Map<String, Row> any = new LinkedHashMap<>();
    for (Row r : rows) {
      String source = r.getAs("source");
      any.putIfAbsent(source, r);
      // A Delta input or a folder with no file yet is logged as one row without a path.
      if (!((String) r.getAs("path")).isEmpty()) {
        files.computeIfAbsent(source, s -> new ArrayList<>())
            .add(new InputFile(r.getAs("path"), r.<Long>getAs("size"), r.<Long>getAs("modified_at")));
      }
    }
    Map<String, InputState> inputs = new LinkedHashMap<>();
    any.forEach((source, r) -> inputs.put(source, new InputState(source, files.getOrDefault(source, List.of()),
        r.getAs("shape"), r.getAs("delta_version"), null)));
    return new Last(hash, inputs);
  }

  /** Records the inputs a complete run read; returns the version written. */
  long write(Map<String, InputState> inputs, String configHash, String runId) {
    List<Row> rows = new ArrayList<>();
    for (InputState s : inputs.values()) {
      if (s.files().isEmpty()) {
        rows.add(RowFactory.create(s.source(), "", 0L, 0L, s.deltaVersion(), s.shape(), configHash, runId));
      }
      for (InputFile f : s.files()) {
        rows.add(RowFactory.create(s.source(), f.path(), f.size(), f.modifiedAt(), s.deltaVersion(), s.shape(),
            configHash, runId));
      }
    }
    return replace(rows);
  }

  /** Forgets what was read, so that the next run is full (silver tables were rebuilt outside a run). */
  void clear() {
    if (tables.exists(path)) replace(List.of());
  }

  private long replace(List<Row> rows) {
    Dataset<Row> data = spark.createDataFrame(rows, Schemas.internal("ingest_log").structType());
    return tables.replace(Schemas.internal("ingest_log"), path, data);
  }
}
