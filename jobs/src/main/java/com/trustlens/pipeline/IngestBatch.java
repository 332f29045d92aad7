package com.trustlens.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.trustlens.config.TrustLensConfig;
import com.trustlens.ingest.Ingest;
import com.trustlens.ingest.SourceCounts;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The rows one run ingests (all of every input, or an incremental run's new files), checked once
 * and kept in memory: their quarantine and quality gate, then their silver rows.
 */
final class IngestBatch implements AutoCloseable {
  private final Ingest ingest;
  private final TrustLensConfig config;
  private final RunContext run;
  private final Map<String, Dataset<Row>> checked = new LinkedHashMap<>();
  private final Map<String, SourceCounts> counts = new LinkedHashMap<>();

  /** @param raw raw rows per input, as {@link com.trustlens.ingest.RawReader} reads them */
  IngestBatch(Ingest ingest, TrustLensConfig config, RunContext run, Map<String, Dataset<Row>> raw) {
    this.ingest = ingest;
    this.config = config;
    this.run = run;
    raw.forEach((source, rows) -> checked.put(source,
        ingest.check(source, rows).persist(StorageLevel.MEMORY_AND_DISK())));
  }

  /** Silver rows of one input of the batch (not written). */
  Dataset<Row> silver(String source) {
    return ingest.silver(source, checked.get(source));
  }

  Iterable<String> sources() {
    return checked.keySet();
  }

  /**
   * Counts every input, writes the batch's quarantine rows (tagged with the run id) and applies
   * the quality gate, which throws for an input over quality.max_bad_fraction.
   *
   * @param replaced the quarantine rows the batch's rows replace (all of its inputs' for a full run)
   */
  Map<String, SourceCounts> quarantine(DeltaTables tables, Lake lake, Column replaced,
      BiFunction<String, Long, Void> wrote) {
    List<Dataset<Row>> quarantines = new ArrayList<>();
    for (Map.Entry<String, Dataset<Row>> e : checked.entrySet()) {
      String source = e.getKey();
      Dataset<Row> q = ingest.quarantine(source, e.getValue(), run.startedAt());
      quarantines.add(q);
      SourceCounts c = Progress.step("ingest " + source, () -> SourceCounts.of(source, e.getValue(), q),
          r -> String.format(Locale.ROOT, "%,d rows, %,d quarantined, %,d duplicates",
              r.rows(), r.quarantined(), r.duplicates()));
      counts.put(source, c);
      run.inputRows.put(source, c.rows());
      run.quarantinedRows.put(source, c.quarantined());
      run.duplicateRows.put(source, c.duplicates());
    }
    if (!quarantines.isEmpty()) {
      Dataset<Row> quarantine = quarantines.stream().reduce(Dataset::unionByName).orElseThrow()
          .withColumn("run_id", lit(run.runId()));
      wrote.apply("quarantine", tables.replaceWhere(Schemas.output("quarantine"), lake.gold("quarantine"), quarantine,
          replaced));
    }
    for (SourceCounts c : counts.values()) {
      c.requireQuality(config.inputs().present().get(c.source()).path(), config.quality().maxBadFraction());
    }
    return counts;
  }

  /** Writes every input's silver rows with the given write (returning the version) and logs the table's size. */
  void writeSilver(DeltaTables tables, Lake lake, SilverWrite write, BiFunction<String, Long, Void> wrote) {
    for (String source : checked.keySet()) {
      Dataset<Row> silver = silver(source);
      Progress.step("silver " + source, () -> {
        wrote.apply("_silver/" + source, write.write(source, silver));
        return tables.read(lake.silver(source)).count();
      }, Progress::rows);
    }
  }

  /** How a batch's silver rows reach their table: replaced (full run) or merged (incremental). */
  interface SilverWrite {
    long write(String source, Dataset<Row> silver);
  }

  @Override
  public void close() {
    checked.values().forEach(Dataset::unpersist);
  }
}
