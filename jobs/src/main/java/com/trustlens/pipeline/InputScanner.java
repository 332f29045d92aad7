package com.trustlens.pipeline;

import com.trustlens.config.InputFormat;
import com.trustlens.config.InputSpec;
import com.trustlens.ingest.InputFile;
import com.trustlens.ingest.InputState;
import io.delta.tables.DeltaTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lists what every input holds when a run starts (files with length and modification time, the
 * columns' fingerprint, a Delta input's version and non-append commits), without reading rows.
 */
final class InputScanner {
  private final SparkSession spark;

  InputScanner(SparkSession spark) {
    this.spark = spark;
  }

  /** @param lastVersion the Delta version the last run read, null when none (or a file input) */
  InputState scan(String source, InputSpec spec, Long lastVersion) {
    try {
      return spec.format() == InputFormat.DELTA ? delta(source, spec, lastVersion) : files(source, spec);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input " + source + " (" + spec.path() + "): " + e.getMessage(), e);
    }
  }

  // The files Spark reads for a path: the file itself, or the visible files of a folder or glob.
  private InputState files(String source, InputSpec spec) throws IOException {
    Path path = new Path(spec.path());
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    FileStatus[] matches = fs.globStatus(path);
    List<InputFile> files = new ArrayList<>();
    for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
      for (FileStatus f : m.isDirectory() ? fs.listStatus(m.getPath()) : new FileStatus[] {m}) {
        String name = f.getPath().getName();
        if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
          files.add(new InputFile(f.getPath().toString(), f.getLen(), f.getModificationTime()));
        }
      }
    }
    files.sort(java.util.Comparator.comparing(InputFile::path));
    String shape = switch (spec.format()) {
      case CSV -> csvHeaders(fs, files);
      case PARQUET -> files.isEmpty() ? null : spark.read().parquet(files.get(0).path()).schema().json();
      default -> null;
    };
    return new InputState(source, files, shape, null, null);
  }

  // Every distinct header line: a file with other columns changes the fingerprint.
  private static String csvHeaders(FileSystem fs, List<InputFile> files) throws IOException {
    TreeSet<String> headers = new TreeSet<>();
    for (InputFile f : files) {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(fs.open(new Path(f.path())), StandardCharsets.UTF_8))) {
        String line = r.readLine();
        headers.add(line == null ? "" : line.trim());
      }
    }
    return String.join("\n", headers);
  }

  // Delta data files never change in place; what matters is that later commits only added files.
  private InputState delta(String source, InputSpec spec, Long lastVersion) {
    DeltaTable table = DeltaTable.forPath(spark, spec.path());
    long version = table.history(1).select("version").head().getLong(0);
    String rewrite = null;
    if (lastVersion != null) {
      for (Row c : table.history().filter("version > " + lastVersion).orderBy("version")
          .selectExpr("version", "operation", "coalesce(operationParameters['mode'], operationParameters['outputMode'])")
          .collectAsList()) {
        boolean append = ("WRITE".equals(c.getString(1)) || "STREAMING UPDATE".equals(c.getString(1)))
            && "Append".equalsIgnoreCase(c.getString(2));
        if (!append) {
          rewrite = "commit " + c.getLong(0) + " is a " + c.getString(1);
          break;
        }
      }
    }
    var snapshot = spark.read().format("delta").option("versionAsOf", version).load(spec.path());
    List<InputFile> files = new ArrayList<>();
    for (String f : snapshot.inputFiles()) files.add(new InputFile(f, 0, 0));
    files.sort(java.util.Comparator.comparing(InputFile::path));
    return new InputState(source, files, snapshot.schema().json(), version, rewrite);
  }
}
