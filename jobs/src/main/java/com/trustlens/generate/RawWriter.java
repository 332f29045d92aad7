package com.trustlens.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.trustlens.generate.GenerateOptions.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the raw inputs through Hadoop's FileSystem, so --out may be any Hadoop URI. Rows carry
 * their input's name, sort keys and a {@code bucket} that never decreases along them; one shuffle
 * puts each bucket in one task, which sorts it and writes it to its own folder per input
 * ({@code partitionBy}), so several inputs made from the same rows are written in one pass. The FILES
 * layout then concatenates the buckets in order into one file with the header written once; the
 * FOLDERS layout moves each bucket's file to {@code <name>/part-NNNNN.<ext>}, each file starting
 * with the header. Either way the lines come out in the global sort order, so the bytes do not
 * depend on how Spark partitioned the work (and no sampling pass is needed, unlike a global sort).
 */
final class RawWriter {
  /** What a write counted on the way (Spark observed metrics, exact). */
  record Written(long lines, long duplicates) {}

  private static final String TMP = "_generate_tmp";
  private final SparkSession spark;
  private final Path out;
  private final Layout layout;
  private final FileSystem fs;

  RawWriter(SparkSession spark, String out, Layout layout) {
    this.spark = spark;
    this.out = new Path(out);
    this.layout = layout;
    try {
      this.fs = this.out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(this.out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create output folder " + out + ": " + e.getMessage(), e);
    }
    // No .crc files beside the outputs on the local file system.
    fs.setWriteChecksum(false);
  }

  /** One raw input: its name (file stem or folder), extension and CSV header (null for JSON lines). */
  record Output(String name, String ext, String header) {}

  /**
   * Writes rows ({@code source}, {@code sort_ts}, {@code sort_id}, {@code line}, {@code duplicate})
   * of one or more outputs in one job; {@code bucket} is a column in [0, buckets).
   */
  Map<String, Written> write(Dataset<Row> rows, List<Output> outputs, Column bucket, int buckets) {
    Dataset<Row> data = rows.select(col("source"), bucket.as("bucket"), lit(1).as("order"), col("sort_ts"),
        col("sort_id"), col("line"), col("duplicate"));
    for (Output o : outputs) {
      if (layout == Layout.FOLDERS && o.header() != null) {
        data = data.unionByName(spark.range(buckets).select(lit(o.name()).as("source"),
            col("id").cast("int").as("bucket"), lit(0).as("order"), lit(null).cast("timestamp").as("sort_ts"),
            lit(null).cast("string").as("sort_id"), lit(o.header()).as("line"), lit(false).as("duplicate")));
      }
    }
    List<Column> counts = new ArrayList<>();
    for (Output o : outputs) {
      Column mine = col("source").equalTo(o.name());
      counts.add(sum(when(mine, col("order")).otherwise(0)).as(o.name() + "_lines"));
      counts.add(count(when(mine.and(col("duplicate")), 1)).as(o.name() + "_duplicates"));
    }
    String job = outputs.stream().map(Output::name).reduce((a, b) -> a + "+" + b).orElseThrow();
    Observation counted = new Observation("written-" + job);
    Path tmp = new Path(out, TMP);
    // Observed after the shuffle, so each row is counted once; the sort comes last so that the
    // writer sees rows already ordered by its folders and adds no sort of its own.
    data.repartition(buckets, col("bucket"))
        .observe(counted, counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new))
        .sortWithinPartitions(col("source"), col("bucket"), col("order"), col("sort_ts"), col("sort_id"), col("line"))
        .select(col("source"), col("bucket"), col("line"))
        .write().mode("overwrite").partitionBy("source", "bucket").text(new Path(tmp, job).toString());
    Map<String, Object> metrics = metrics(counted, job);
    Map<String, Written> written = new LinkedHashMap<>();
    try {
      for (Output o : outputs) {
        Path parts = new Path(new Path(tmp, job), "source=" + o.name());
        if (layout == Layout.FILES) {
          concatenate(parts, new Path(out, o.name() + "." + o.ext()), o.header());
        } else {
          moveBuckets(parts, new Path(out, o.name()), o.ext());
        }
        written.put(o.name(), new Written(((Number) metrics.get(o.name() + "_lines")).longValue(),
            ((Number) metrics.get(o.name() + "_duplicates")).longValue()));
      }
      fs.delete(new Path(tmp, job), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble " + job + " under " + out + ": " + e.getMessage(), e);
    }
    return written;
  }

  private static Map<String, Object> metrics(Observation observation, String name) {
    try {
      return observation.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting the lines of " + name, e);
    }
  }

  /** Writes a small text file (truth.json). */
  void writeText(String fileName, String text) {
    try (FSDataOutputStream o = fs.create(new Path(out, fileName), true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + fileName + " under " + out + ": " + e.getMessage(), e);
    }
  }

  /** Removes the temporary folder once every input is written. */
  void finish() {
    try {
      fs.delete(new Path(out, TMP), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + new Path(out, TMP) + ": " + e.getMessage(), e);
    }
  }

  /** Bucket folders bucket=K in numeric order, each holding its data files in name order. */
  private FileStatus[][] bucketFiles(Path tmp) throws IOException {
    if (!fs.exists(tmp)) {
      return new FileStatus[0][];
    }
    FileStatus[] dirs = fs.listStatus(tmp, p -> p.getName().startsWith("bucket="));
    Arrays.sort(dirs, Comparator.comparingInt(d -> Integer.parseInt(d.getPath().getName().substring("bucket=".length()))));
    FileStatus[][] files = new FileStatus[dirs.length][];
    for (int i = 0; i < dirs.length; i++) {
      files[i] = fs.listStatus(dirs[i].getPath(), p -> p.getName().startsWith("part-"));
      Arrays.sort(files[i], Comparator.comparing(f -> f.getPath().getName()));
    }
    return files;
  }

  private void concatenate(Path tmp, Path target, String header) throws IOException {
    try (OutputStream o = fs.create(target, true)) {
      if (header != null) {
        o.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (FileStatus[] bucket : bucketFiles(tmp)) {
        for (FileStatus f : bucket) {
          try (InputStream in = fs.open(f.getPath())) {
            IOUtils.copyBytes(in, o, 1 << 16, false);
          }
        }
      }
    }
  }

  private void moveBuckets(Path tmp, Path folder, String ext) throws IOException {
    fs.delete(folder, true);
    fs.mkdirs(folder);
    int n = 0;
    for (FileStatus[] bucket : bucketFiles(tmp)) {
      for (FileStatus f : bucket) {
        Path to = new Path(folder, String.format("part-%05d.%s", n++, ext));
        if (!fs.rename(f.getPath(), to)) {
          throw new IOException("cannot move " + f.getPath() + " to " + to);
        }
      }
    }
  }
}
