package com.trustlens.testing;

import com.trustlens.generate.GenerateOptions;
import com.trustlens.generate.SyntheticCrm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * A lake written by `trustlens run` over a small synthetic CRM from the generator, built once per test JVM under
 * target/it-lake and shared by the integration tests that read lakes (report, notebooks, JDBC).
 *
 * @param dir the folder of the inputs and the configuration
 * @param conf the configuration file
 * @param lake output.path
 * @param runOutput what `trustlens run` printed on standard output
 * @param progress the progress lines it logged
 * @param seconds how long the run took
 */
public record TestLake(Path dir, Path conf, Path lake, String runOutput, List<String> progress, double seconds) {
  static final int CUSTOMERS = 1000;
  static final int WEEKS = 18;
  private static TestLake built;

  /** The shared lake, built on first use with the suite's session. */
  public static synchronized TestLake get(SparkSession spark) {
    if (built == null) built = build(spark, Path.of("target", "it-lake").toAbsolutePath());
    return built;
  }

  private static TestLake build(SparkSession spark, Path dir) {
    // -Dtrustlens.it.reuseLake=true keeps the lake of an earlier test run (while iterating on a reader).
    if (Boolean.getBoolean("trustlens.it.reuseLake") && Files.isDirectory(dir.resolve("lake/runs"))) {
      return new TestLake(dir, dir.resolve("trustlens.yaml"), dir.resolve("lake"), "", List.of(), 0);
    }
    deleteRecursively(dir);
    GenerateOptions options = GenerateOptions.defaults(dir.toString()).withSize(CUSTOMERS, WEEKS).withSeed(11)
        .withPartitions(2).validate();
    SyntheticCrm.standard(spark, options).write();
    Path conf = write(dir.resolve("trustlens.yaml"), config(options));
    long t0 = System.nanoTime();
    try (ProgressCapture progress = new ProgressCapture()) {
      String out = Cli.run(spark, 0, "run", "--conf", conf.toString());
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("test lake: trustlens run over %d customers x %d weeks took %.1f s%n",
          CUSTOMERS, WEEKS, seconds);
      return new TestLake(dir, conf, dir.resolve("lake"), out, progress.lines(), seconds);
    }
  }

  private static String config(GenerateOptions g) {
    return """
        inputs:
          customers: {path: customers.csv, format: csv}
          campaigns: {path: campaigns.jsonl, format: json}
          exposures: {path: exposures.csv, format: csv}
          events:    {path: events.jsonl, format: json}
        output: {path: lake}
        analysis:
          start: %s
          end: %s
          strata: [segment]
          pre_periods: 3
          horizon: 5
          min_cell_size: 10
          buckets: 32
          bootstrap: {replicates: 199, seed: 7}
          survival_horizon_days: 42
        privacy: {pseudonym_key: small-crm-test-key}
        spark: {master: "local[2]", conf: {spark.sql.shuffle.partitions: "2"}}
        """.formatted(g.start(), g.end());
  }

  /** Path of an output table of the lake. */
  public String table(String name) {
    return lake.resolve(name).toString();
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder and everything under it; nothing when it does not exist. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
