package com.trustlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration file of a benchmark run: the dataset's Parquet inputs (campaigns as generated,
 * JSON lines), a lake of its own, the window the generator used and otherwise the defaults
 * (deceptive_mail only, no strata, attrition weights on).
 */
final class BenchConfig {
  private BenchConfig() {}

  /** Writes {@code conf.yaml} into {@code runDir} and returns its path; the lake is {@code runDir/lake}. */
  static Path write(BenchData.Prepared data, Path runDir, int shufflePartitions) throws IOException {
    Files.createDirectories(runDir);
    String yaml = """
        # Written by the benchmark (com.trustlens.bench.BenchCommand) for one run.
        inputs:
          customers: {path: "%s", format: parquet}
          campaigns: {path: "%s", format: json}
          exposures: {path: "%s", format: parquet}
          events:    {path: "%s", format: parquet}
        output:
          path: "%s"
        analysis:
          period: week
          timezone: %s
          start: %s
          end: %s
        privacy:
          pseudonym_key: bench-key-not-secret
        spark:
          conf: {spark.sql.shuffle.partitions: "%d"}
        """.formatted(data.parquet("customers"), data.campaigns(), data.parquet("exposures"), data.eventsPath(),
        runDir.resolve("lake").toAbsolutePath(), data.options().zone(), data.options().start(), data.options().end(),
        shufflePartitions);
    Path conf = runDir.resolve("conf.yaml");
    Files.writeString(conf, yaml);
    return conf;
  }
}
