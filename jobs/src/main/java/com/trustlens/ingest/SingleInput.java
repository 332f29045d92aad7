package com.trustlens.ingest;

import com.trustlens.config.InputSpec;
import com.trustlens.schema.Schemas;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads one input file outside a run (e.g. `classify --campaigns FILE`) with the same reader and
 * checks as ingest: its silver rows and what was set aside. Sources with customer ids need a run.
 */
public final class SingleInput {
  private SingleInput() {}

  /** Silver rows of the file, and the counts of what went to quarantine (which is not written). */
  public record Read(Dataset<Row> silver, SourceCounts counts) {}

  public static Read read(SparkSession spark, String source, InputSpec spec, ZoneId zone) {
    if (!source.equals("campaigns")) {
      throw new IllegalArgumentException(source + " carries customer ids: read it through a run, which pseudonymises them");
    }
    Ingest ingest = new Ingest(zone, java.time.LocalDate.EPOCH, null);
    Dataset<Row> checked = ingest.check(source, new RawReader(spark).read(source, spec, Schemas.input(source)));
    SourceCounts counts = SourceCounts.of(source, checked, ingest.quarantine(source, checked, Instant.now()));
    return new Read(ingest.silver(source, checked), counts);
  }
}
