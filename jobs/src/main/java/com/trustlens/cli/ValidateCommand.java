package com.trustlens.cli;

import com.trustlens.config.ConfigLoader;
import com.trustlens.ingest.BadInputException;
import com.trustlens.ingest.SourceCounts;
import com.trustlens.pipeline.Pipeline;
import com.trustlens.pipeline.RunContext;
import com.trustlens.pipeline.SparkSessions;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** trustlens validate: checks the configuration and the inputs, changes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the configuration and read every input as ingest would; write nothing. "
        + "Exit code 2 for a bad configuration, 3 when an input has too many bad rows.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfOption conf;

  @Option(names = "--config-only", description = "Check the configuration file only, not the inputs.")
  boolean configOnly;

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = conf.load();
    System.out.println("configuration " + loaded.file() + ": valid (hash " + loaded.hash().substring(0, 12) + ")");
    if (configOnly) return ExitCodes.OK;
    boolean ownSession = !SparkSessions.running();
    SparkSession spark = SparkSessions.create(loaded.config().spark(), "trustlens-validate");
    try {
      Pipeline p = new Pipeline(spark, loaded.config(), new RunContext("validate", loaded.hash(), Instant.now()));
      Map<String, SourceCounts> counts = p.checkInputs();
      BadInputException first = null;
      for (SourceCounts c : counts.values()) {
        System.out.printf(Locale.ROOT, "%-10s %,d rows, %,d bad (%.2f%%), %,d exact duplicates%s%n", c.source(), c.rows(),
            c.quarantined(), 100 * c.badFraction(), c.duplicates(), c.reasons().isEmpty() ? "" : "; reasons: " + c.reasons());
        try {
          c.requireQuality(loaded.config().inputs().present().get(c.source()).path(),
              loaded.config().quality().maxBadFraction());
        } catch (BadInputException e) {
          if (first == null) first = e;
        }
      }
      if (first != null) throw first;
      System.out.println("inputs: valid (nothing was written)");
      return ExitCodes.OK;
    } finally {
      if (ownSession) spark.stop();
    }
  }
}
