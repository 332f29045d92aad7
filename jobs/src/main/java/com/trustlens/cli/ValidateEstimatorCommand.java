package com.trustlens.cli;

import com.trustlens.config.ConfigException;
import com.trustlens.config.ControlGroup;
import com.trustlens.config.SparkSettings;
import com.trustlens.pipeline.SparkSessions;
import com.trustlens.validation.EstimatorValidation;
import com.trustlens.validation.ValidationReport;
import com.trustlens.validation.ValidationTally;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** trustlens validate-estimator: coverage, bias and placebo rates of the estimator over synthetic replications. */
@Command(name = "validate-estimator", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Replay the synthetic generator with new seeds, run ingest, classify, cohorts and the erosion estimate on "
            + "each replication, and score the curve of deceptive_mail against the ATT(e) planted in truth.json: "
            + "bias, RMSE and coverage of the pointwise intervals per metric and event time, how often the uniform "
            + "band covers the whole curve, how often the placebo pre-trend test rejects at 5 %%.",
        "Writes validation.md and validation.csv to --out and prints the summary table."},
    footer = {"", "Example:", "  trustlens validate-estimator --reps 200 --out target/validation"})
final class ValidateEstimatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--reps", paramLabel = "N", defaultValue = "200", description = "Replications (default ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--customers", paramLabel = "N", defaultValue = "5000",
      description = "Customers per replication (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--weeks", paramLabel = "W", defaultValue = "40", description = "Weeks per replication (default ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1000",
      description = "Seed of the first replication; replication i uses S + i (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--control-group", paramLabel = "G", defaultValue = "not_yet_treated",
      description = "not_yet_treated, never_treated or holdout (default ${DEFAULT-VALUE}).")
  String controlGroup;

  @Option(names = "--holdout-share", paramLabel = "X", defaultValue = "0",
      description = "Randomised holdout share of the generated campaigns (needed by --control-group holdout).")
  double holdoutShare;

  @Option(names = "--pre-periods", paramLabel = "K", defaultValue = "6", description = "analysis.pre_periods (default ${DEFAULT-VALUE}).")
  int prePeriods;

  @Option(names = "--horizon", paramLabel = "H", defaultValue = "12", description = "analysis.horizon (default ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--buckets", paramLabel = "B", defaultValue = "256", description = "analysis.buckets (default ${DEFAULT-VALUE}).")
  int buckets;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/validation",
      description = "Folder of validation.md and validation.csv (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Scratch folder of the replications' files, each deleted once scored (default: --out/work).")
  Path work;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
      description = "Spark master when no session is running and spark-submit set none (default ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() {
    EstimatorValidation.Options options = options();
    SparkSettings settings = new SparkSettings(master, Map.of("spark.sql.shuffle.partitions", "4"));
    return SparkSessions.withSession(settings, "trustlens-validate-estimator", spark -> {
      long t0 = System.nanoTime();
      String command = "trustlens " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
      // The report is rewritten after every replication, so an interrupted validation still leaves its figures.
      ValidationTally tally = new EstimatorValidation(spark, options)
          .run(t -> ValidationReport.write(t, out, command, (System.nanoTime() - t0) / 1e9));
      double seconds = (System.nanoTime() - t0) / 1e9;
      ValidationReport.write(tally, out, command, seconds);
      System.out.print(ValidationReport.summary(tally));
      System.out.printf(Locale.ROOT, "%d replications in %.0f s; report in %s%n", reps, seconds, out.resolve("validation.md"));
      return ExitCodes.OK;
    });
  }

  private EstimatorValidation.Options options() {
    if (reps < 1) throw new ConfigException("--reps", "must be at least 1, got " + reps);
    if (customers < 100) throw new ConfigException("--customers", "must be at least 100, got " + customers);
    if (buckets < 2) throw new ConfigException("--buckets", "must be at least 2, got " + buckets);
    if (prePeriods < 1) throw new ConfigException("--pre-periods", "must be at least 1, got " + prePeriods);
    if (horizon < 0) throw new ConfigException("--horizon", "must be 0 or more, got " + horizon);
    if (holdoutShare < 0 || holdoutShare >= 1) {
      throw new ConfigException("--holdout-share", "must be in [0, 1), got " + holdoutShare);
    }
    ControlGroup group;
    try {
      group = ControlGroup.valueOf(controlGroup.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--control-group", "'" + controlGroup + "' is not not_yet_treated, never_treated or holdout");
    }
    if (group == ControlGroup.HOLDOUT && holdoutShare == 0) {
      throw new ConfigException("--holdout-share", "must be above 0 with --control-group holdout");
    }
    Path scratch = work != null ? work : out.resolve("work");
    return new EstimatorValidation.Options(reps, customers, weeks, seed, group, holdoutShare, prePeriods, horizon, buckets,
        scratch.toAbsolutePath());
  }
}
