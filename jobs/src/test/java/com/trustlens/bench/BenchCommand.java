package com.trustlens.bench;

import com.trustlens.config.ConfigLoader;
import com.trustlens.config.SparkSettings;
import com.trustlens.estimate.EstimationSettings;
import com.trustlens.pipeline.Progress;
import com.trustlens.pipeline.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * trustlens bench (jobs/bench/run.sh): times the pipeline step by step and the estimate step
 * against a naive per-cell port and DuckDB, at several sizes and numbers of cohorts.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Scaling benchmark: generates each dataset once (cached under --cache), times `trustlens run` "
        + "step by step --runs times, then the estimate step four ways on the same panel (TrustLens's estimator, "
        + "its sufficient-statistics pass alone, a naive per-cell port of the reference approach, DuckDB SQL); "
        + "writes DIR/results.md and DIR/results.csv and prints the table."},
    footer = {"", "Example:", "  jobs/bench/run.sh --customers 100000 --weeks 52 --cohorts 4,52 --runs 3 --out target/bench"})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--customers", split = ",", defaultValue = "100000", paramLabel = "N[,N...]",
      description = "Dataset sizes in customers (default ${DEFAULT-VALUE}).")
  List<Integer> customers;

  @Option(names = "--weeks", defaultValue = "52", paramLabel = "W", description = "Weeks; events grow with them (default ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--cohorts", split = ",", defaultValue = "4,52", paramLabel = "K[,K...]",
      description = "Numbers of cohorts (weeks with deceptive mails) to compare (default ${DEFAULT-VALUE}).")
  List<Integer> cohorts;

  @Option(names = "--no-double-events",
      description = "Skip the variant that runs the largest number of cohorts with every event copied once more under a new id.")
  boolean noDoubleEvents;

  @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Timed runs of each thing (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--naive-cells", defaultValue = "24", paramLabel = "K",
      description = "Cells the naive per-cell port runs per round, spread over all; its time is scaled to all cells (default ${DEFAULT-VALUE}).")
  int naiveCells;

  @Option(names = "--skip-pipeline", description = "Only the estimate comparison (needs a lake from an earlier run of the same --out).")
  boolean skipPipeline;

  @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--cache", defaultValue = "jobs/bench/data", paramLabel = "DIR",
      description = "Where generated datasets are kept, one folder per size, cohorts and seed (default ${DEFAULT-VALUE}).")
  Path cache;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of results.md, results.csv and the runs' lakes.")
  Path out;

  @Option(names = "--master", defaultValue = "local[*]", description = "Spark master (default ${DEFAULT-VALUE}).")
  String master;

  @Option(names = "--shuffle-partitions", defaultValue = "8", paramLabel = "P",
      description = "spark.sql.shuffle.partitions of the runs (default ${DEFAULT-VALUE}).")
  int shufflePartitions;

  @Option(names = "--duckdb-threads", defaultValue = "0", paramLabel = "T",
      description = "DuckDB threads; 0 (default): as many as Spark's cores.")
  int duckDbThreads;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    SparkSession spark = SparkSessions.create(new SparkSettings(master,
        Map.of("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions), "spark.ui.enabled", "false")),
        "trustlens-bench");
    spark.sparkContext().setLogLevel("WARN");
    int threads = duckDbThreads > 0 ? duckDbThreads : spark.sparkContext().defaultParallelism();
    ResultsTable table = new ResultsTable();
    try {
      for (int n : customers) {
        for (Scenario s : scenarios()) {
          BenchData.Prepared data = BenchData.prepare(spark, cache, n, weeks, s.cohorts(), seed, s.eventCopies());
          Path runDir = out.resolve("runs").resolve(data.label());
          if (!skipPipeline) pipeline(data, runDir, table);
          estimate(spark, data, runDir, threads, table);
          table.write(out);
        }
      }
    } finally {
      spark.stop();
    }
    String report = table.markdown() + "\n" + new TargetReport(table.rows()).markdown();
    Files.writeString(out.resolve("results.md"), report);
    System.out.println(report);
    return 0;
  }

  /** A dataset variant at one size: its number of cohorts and how many times each event occurs. */
  record Scenario(int cohorts, int eventCopies) {}

  List<Scenario> scenarios() {
    List<Scenario> out = new ArrayList<>();
    cohorts.forEach(k -> out.add(new Scenario(k, 1)));
    if (!noDoubleEvents) out.add(new Scenario(cohorts.stream().max(Integer::compare).orElseThrow(), 2));
    return out;
  }

  private void pipeline(BenchData.Prepared data, Path runDir, ResultsTable table) throws IOException {
    List<PipelineTimer.Timing> timings = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      deleteTree(runDir.resolve("lake"));
      Path conf = BenchConfig.write(data, runDir, shufflePartitions);
      Progress.info("bench: " + data.label() + " pipeline run " + r + "/" + runs);
      timings.add(PipelineTimer.run(conf));
    }
    List<String> steps = new ArrayList<>(PipelineTimer.STEPS.keySet());
    steps.add(TargetReport.E2E);
    for (String step : steps) {
      List<Double> secs = timings.stream().map(t -> t.seconds().get(step)).toList();
      boolean whole = step.equals(TargetReport.E2E);
      table.add(measure(data, step, secs,
          whole ? timings.stream().mapToLong(PipelineTimer.Timing::peakHeapMiB).max().orElse(0) : 0,
          whole ? timings.stream().mapToLong(PipelineTimer.Timing::peakAfterGcMiB).max().orElse(0) : 0,
          whole ? "trustlens run, Parquet inputs, fresh lake each run" : "pipeline's own step timer"));
    }
  }

  private void estimate(SparkSession spark, BenchData.Prepared data, Path runDir, int threads, ResultsTable table) {
    Path conf = runDir.resolve("conf.yaml");
    String panel = runDir.resolve("parquet/panel").toAbsolutePath().toString();
    String cohortsPath = runDir.resolve("parquet/cohorts").toAbsolutePath().toString();
    EstimateComparison.exportLake(spark, runDir.resolve("lake").toAbsolutePath().toString(), panel, cohortsPath);
    EstimationSettings settings = EstimationSettings.of(ConfigLoader.load(conf).config().analysis());
    EstimateComparison comparison = new EstimateComparison(spark, settings, panel, cohortsPath, "deceptive_mail");
    List<EstimateComparison.Round> rounds = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      Progress.info("bench: " + data.label() + " estimate comparison " + r + "/" + runs);
      rounds.add(comparison.round(naiveCells, threads));
    }
    EstimateComparison.Round first = rounds.get(0);
    String cellNote = first.cells() + " cells";
    add(table, data, TargetReport.ESTIMATOR, rounds, EstimateComparison.Round::estimator,
        "weights off, all breakdowns, inference and bootstrap; " + cellNote);
    add(table, data, TargetReport.CORE, rounds, EstimateComparison.Round::core, "one pass to per-bucket sums, noop sink");
    add(table, data, TargetReport.DUCKDB, rounds, EstimateComparison.Round::duckdb,
        threads + " threads, Parquet; max |ATT - TrustLens| " + diff(rounds, EstimateComparison.Round::duckdb));
    add(table, data, TargetReport.NAIVE, rounds, EstimateComparison.Round::naive,
        first.naiveCells() + " of " + first.cells() + " cells run, time x " + first.cells() + "/" + first.naiveCells()
            + "; max |ATT - TrustLens| " + diff(rounds, EstimateComparison.Round::naive));
  }

  private static String diff(List<EstimateComparison.Round> rounds,
      java.util.function.Function<EstimateComparison.Round, EstimateComparison.Timed> which) {
    return String.format(java.util.Locale.ROOT, "%.1e", rounds.stream().mapToDouble(r -> which.apply(r).maxDiff()).max().orElse(0));
  }

  private void add(ResultsTable table, BenchData.Prepared data, String step, List<EstimateComparison.Round> rounds,
      java.util.function.Function<EstimateComparison.Round, EstimateComparison.Timed> which, String note) {
    List<EstimateComparison.Timed> t = rounds.stream().map(which).toList();
    table.add(measure(data, step, t.stream().map(EstimateComparison.Timed::seconds).toList(),
        t.stream().mapToLong(EstimateComparison.Timed::peakHeapMiB).max().orElse(0),
        t.stream().mapToLong(EstimateComparison.Timed::peakAfterGcMiB).max().orElse(0), note));
  }

  private Measurement measure(BenchData.Prepared data, String step, List<Double> secs, long heap, long afterGc,
      String note) {
    return new Measurement(data.label(), data.options().customers(), weeks, data.options().deceptiveWeekCount(),
        data.events(), step, secs, heap, afterGc, note);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
