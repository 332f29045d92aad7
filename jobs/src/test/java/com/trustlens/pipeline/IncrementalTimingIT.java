package com.trustlens.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.trustlens.generate.GenerateOptions;
import com.trustlens.generate.SyntheticCrm;
import com.trustlens.testing.Cli;
import com.trustlens.testing.ProgressCapture;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measures one more week of events on a 30-week history (demo size: 5,000 customers), incremental
 * against full; run on demand with {@code mvn -o test -Dtest=IncrementalTimingIT -Dtrustlens.timing=true},
 * writes target/incremental-timing.txt.
 */
@ExtendWith(SharedSpark.class)
class IncrementalTimingIT {
  private static final Path ROOT = Path.of("target", "incremental-timing").toAbsolutePath();

  @Test
  void oneMoreWeekIncrementalAgainstFull(SparkSession spark) throws IOException {
    assumeTrue(Boolean.getBoolean("trustlens.timing"), "set -Dtrustlens.timing=true to measure");
    int customers = Integer.getInteger("trustlens.timing.customers", 5000);
    GenerateOptions options = GenerateOptions.defaults(ROOT.resolve("generated").toString()).withSize(customers, 31)
        .withPartitions(2).validate();
    SyntheticCrm.standard(spark, options).write();
    String cutoff = options.start().plusWeeks(30).toString();
    Path dir = ROOT.resolve("run");
    Path generated = ROOT.resolve("generated");
    var events = SplitInputs.events(generated.resolve("events.jsonl"), cutoff);
    var exposures = SplitInputs.exposures(generated.resolve("exposures.csv"), cutoff);
    Files.createDirectories(dir);
    Files.copy(generated.resolve("customers.csv"), dir.resolve("customers.csv"));
    Files.copy(generated.resolve("campaigns.jsonl"), dir.resolve("campaigns.jsonl"));
    Files.writeString(dir.resolve("trustlens.yaml"), config(options));
    SplitInputs.write(dir.resolve("events/part-1.jsonl"), events.get(0));
    SplitInputs.write(dir.resolve("exposures/part-1.csv"), exposures.get(0));
    List<String> report = new ArrayList<>();
    report.add(String.format("%d customers, 30 weeks of history: %d event lines, then week 31: %d event lines, %d exposure rows",
        customers, events.get(0).size(), events.get(1).size(), exposures.get(1).size() - 1));
    report.add(timed(spark, dir, "history (full run over 30 weeks)"));
    SplitInputs.write(dir.resolve("events/part-2.jsonl"), events.get(1));
    SplitInputs.write(dir.resolve("exposures/part-2.csv"), exposures.get(1));
    report.add(timed(spark, dir, "incremental (week 31 added)"));
    report.add(timed(spark, dir, "full (--full, same inputs)", "--full"));
    Files.write(Path.of("target", "incremental-timing.txt"), report);
    report.forEach(System.out::println);
  }

  private static String timed(SparkSession spark, Path dir, String what, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--conf", dir.resolve("trustlens.yaml").toString()));
    args.addAll(List.of(more));
    long t0 = System.nanoTime();
    try (ProgressCapture progress = new ProgressCapture()) {
      Cli.run(spark, 0, args.toArray(String[]::new));
      return String.format("%s: %.1f s%n  %s", what, (System.nanoTime() - t0) / 1e9,
          String.join("\n  ", progress.lines()));
    }
  }

  private static String config(GenerateOptions g) {
    return """
        inputs:
          customers: {path: customers.csv, format: csv}
          campaigns: {path: campaigns.jsonl, format: json}
          exposures: {path: exposures, format: csv}
          events:    {path: events, format: json}
        output: {path: lake}
        analysis:
          start: %s
          end: %s
          strata: [segment]
        treatments:
          - {name: late_send, kind: late_send, after_hours: 24}
          - {name: unanswered_contact, kind: unanswered_contact, after_hours: 48}
        privacy: {pseudonym_key: timing-key}
        spark: {master: "local[2]", conf: {spark.sql.shuffle.partitions: "4"}}
        """.formatted(g.start(), g.end());
  }
}
