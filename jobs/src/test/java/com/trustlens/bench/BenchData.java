package com.trustlens.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import com.trustlens.generate.GenerateOptions;
import com.trustlens.generate.SyntheticCrm;
import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The benchmark's inputs, generated once per (customers, weeks, cohorts, seed) with the project's
 * generator and kept under the cache folder: raw files as generated, then customers, exposures and
 * events as Parquet (every column as text, as the raw files hold them, so ingest does the same
 * checks), and events copied once more under new ids for the doubled-events scenario.
 */
final class BenchData {
  private static final String DONE = "dataset.properties";

  /** A prepared dataset: where its inputs are and how many rows they hold. */
  record Prepared(Path dir, GenerateOptions options, int eventCopies, long events, long exposures) {
    String eventsPath() {
      return dir.resolve(eventCopies == 1 ? "parquet/events" : "parquet/events-x" + eventCopies).toString();
    }

    String parquet(String source) {
      return dir.resolve("parquet/" + source).toString();
    }

    String campaigns() {
      return dir.resolve("raw/campaigns").toString();
    }

    String label() {
      return dir.getFileName() + (eventCopies == 1 ? "" : "-events-x" + eventCopies);
    }
  }

  private BenchData() {}

  /** The dataset, generated and converted on first use, read from the cache afterwards. */
  static Prepared prepare(SparkSession spark, Path cache, int customers, int weeks, int cohorts, long seed,
      int eventCopies) throws IOException {
    Path dir = cache.resolve("c" + customers + "-w" + weeks + "-k" + cohorts + "-s" + seed).toAbsolutePath();
    Properties meta = new Properties();
    Path done = dir.resolve(DONE);
    if (Files.exists(done)) {
      try (Reader r = Files.newBufferedReader(done)) {
        meta.load(r);
      }
    } else {
      meta = generate(spark, dir, customers, weeks, cohorts, seed);
    }
    GenerateOptions options = options(dir, customers, weeks, cohorts, seed);
    long events = Long.parseLong(meta.getProperty("events"));
    if (eventCopies > 1) {
      Path copies = dir.resolve("parquet/events-x" + eventCopies);
      if (!Files.exists(copies.resolve("_SUCCESS"))) {
        copyEvents(spark, dir.resolve("parquet/events").toString(), copies.toString(), eventCopies);
      }
    }
    return new Prepared(dir, options, eventCopies, events * eventCopies, Long.parseLong(meta.getProperty("exposures")));
  }

  private static GenerateOptions options(Path dir, int customers, int weeks, int cohorts, long seed) {
    return new GenerateOptions(dir.resolve("raw").toString(), customers, weeks, seed, GenerateOptions.START_DEFAULT,
        GenerateOptions.ZONE_DEFAULT, cohorts, 0.0, false, GenerateOptions.Layout.FOLDERS, 0);
  }

  private static Properties generate(SparkSession spark, Path dir, int customers, int weeks, int cohorts, long seed)
      throws IOException {
    long t0 = System.nanoTime();
    // truth.json is the generator's last file: raw inputs with it are complete.
    if (!Files.exists(dir.resolve("raw/truth.json"))) {
      System.err.printf("bench: generating %s (once; cached for later runs)%n", dir);
      SyntheticCrm.standard(spark, options(dir, customers, weeks, cohorts, seed)).write();
    }
    System.err.printf("bench: converting %s to Parquet%n", dir);
    Dataset<Row> customersCsv = spark.read().option("header", "true").csv(dir.resolve("raw/customers").toString());
    customersCsv.write().mode("overwrite").parquet(dir.resolve("parquet/customers").toString());
    spark.read().option("header", "true").csv(dir.resolve("raw/exposures").toString())
        .write().mode("overwrite").parquet(dir.resolve("parquet/exposures").toString());
    spark.read().schema(asText("events")).json(dir.resolve("raw/events").toString())
        .write().mode("overwrite").parquet(dir.resolve("parquet/events").toString());
    Properties meta = new Properties();
    meta.setProperty("events", Long.toString(spark.read().parquet(dir.resolve("parquet/events").toString()).count()));
    meta.setProperty("exposures", Long.toString(spark.read().parquet(dir.resolve("parquet/exposures").toString()).count()));
    meta.setProperty("generate_seconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    try (Writer w = Files.newBufferedWriter(dir.resolve(DONE))) {
      meta.store(w, "bench dataset: written last, so a folder without it is regenerated");
    }
    return meta;
  }

  // The contract columns as text: JSON values are read as they are written, as ingest reads them.
  private static StructType asText(String source) {
    StructType s = new StructType();
    for (ColumnSpec c : Schemas.input(source).columns()) {
      s = s.add(c.name(), DataTypes.StringType);
    }
    return s;
  }

  // Every event again under a new id: the same customers and weeks with twice the activity.
  private static void copyEvents(SparkSession spark, String from, String to, int copies) {
    Dataset<Row> events = spark.read().parquet(from);
    Dataset<Row> all = events;
    for (int k = 2; k <= copies; k++) {
      all = all.unionByName(events.withColumn("event_id", concat(col("event_id"), lit("-copy" + k))));
    }
    all.write().mode("overwrite").parquet(to);
  }
}
