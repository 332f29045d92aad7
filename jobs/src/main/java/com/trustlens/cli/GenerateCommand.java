package com.trustlens.cli;

import com.trustlens.config.ConfigException;
import com.trustlens.config.SparkSettings;
import com.trustlens.generate.GenerateOptions;
import com.trustlens.generate.GenerateOptions.Layout;
import com.trustlens.generate.SyntheticCrm;
import com.trustlens.pipeline.SparkSessions;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** trustlens generate: writes a synthetic CRM with planted effects and its truth.json. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Write a synthetic CRM (customers.csv, campaigns.jsonl, exposures.csv, events.jsonl) with planted effects "
            + "of deceptive mails and other trust incidents, and truth.json: the model, every injected bad row with "
            + "the ingest reason it should get, and the expected ATT per cohort and event time.",
        "Runs on Spark and is deterministic: the same seed gives the same bytes whatever the partitioning. "
            + "The defaults make the demo of conf/demo.yaml (5,000 customers, 40 weeks from 2025-01-06)."},
    footer = {"",
        "Examples:",
        "  trustlens generate --out demo/data",
        "  trustlens generate --out bench/1m --customers 1000000 --weeks 52 --cohorts 52 --layout folders",
        "  trustlens generate --out /tmp/srm --holdout-share 0.2 --broken-holdout"})
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output folder (any Hadoop URI: file:, hdfs:, s3a:, ...); existing files are replaced.")
  String out;

  @Option(names = "--customers", paramLabel = "N", defaultValue = "5000", description = "Number of customers (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--weeks", paramLabel = "W", defaultValue = "40", description = "Weeks in the window (default ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Seed of every random draw (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", paramLabel = "DATE", defaultValue = "2025-01-06",
      description = "First day of the window, a Monday (default ${DEFAULT-VALUE}).")
  String start;

  @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "Europe/Paris",
      description = "Zone of local times and week boundaries; must match analysis.timezone (default ${DEFAULT-VALUE}).")
  String timezone;

  @Option(names = "--cohorts", paramLabel = "K",
      description = "Number of distinct weeks carrying deceptive campaigns, i.e. of treatment cohorts (capped at the "
          + "number of weeks). Default: up to 15, after 6 clean weeks and before the last 3.")
  Integer cohorts;

  @Option(names = "--holdout-share", paramLabel = "X", defaultValue = "0",
      description = "Randomised holdout: share of each deceptive campaign's targets held out (exposure with "
          + "holdout=true, not delivered); the campaign declares holdout_share=X. Default ${DEFAULT-VALUE}: none.")
  double holdoutShare;

  @Option(names = "--broken-holdout",
      description = "Hold out only X/2 while campaigns still declare X, so a sample-ratio-mismatch test must fire.")
  boolean brokenHoldout;

  @Option(names = "--layout", paramLabel = "files|folders", defaultValue = "files",
      description = "files (default): one file per input. folders: folders customers/, campaigns/, exposures/, "
          + "events/ of part files (each CSV part with its header), in the same order; for 1M+ customers. "
          + "Point the config's inputs at the folders.")
  String layout;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
      description = "Spark partitions (and part files with --layout folders); 0 (default): about 2 million "
          + "customer-weeks per partition. The files' contents do not depend on it.")
  int partitions;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
      description = "Spark master when no session is running and spark-submit set none (default ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() {
    GenerateOptions options = options().validate();
    return SparkSessions.withSession(new SparkSettings(master, Map.of()), "trustlens-generate", spark -> {
      long t0 = System.nanoTime();
      SyntheticCrm.Result r = SyntheticCrm.standard(spark, options).write();
      System.out.printf(Locale.ROOT, "generated %s in %.1f s: %s data lines; %d injected bad rows, %d duplicate events; "
              + "%d customers treated in %d cohorts; truth in %s/truth.json%n",
          out, (System.nanoTime() - t0) / 1e9, r.lines(), r.badRows(), r.duplicates(), r.treated(), r.cohorts(), out);
      return ExitCodes.OK;
    });
  }

  private GenerateOptions options() {
    LocalDate startDate;
    ZoneId zone;
    Layout chosen;
    try {
      startDate = LocalDate.parse(start);
    } catch (DateTimeException e) {
      throw new ConfigException("--start", "'" + start + "' is not a date like 2025-01-06");
    }
    try {
      zone = ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new ConfigException("--timezone", "'" + timezone + "' is not a time zone like Europe/Paris");
    }
    try {
      chosen = Layout.valueOf(layout.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--layout", "'" + layout + "' is not files or folders");
    }
    return new GenerateOptions(out, customers, weeks, seed, startDate, zone, cohorts, holdoutShare, brokenHoldout,
        chosen, partitions);
  }
}
