package com.trustlens.cli;

import com.trustlens.config.ConfigLoader;
import com.trustlens.ingest.BadInputException;
import com.trustlens.pipeline.Pipeline;
import com.trustlens.pipeline.Progress;
import com.trustlens.pipeline.RunContext;
import com.trustlens.pipeline.SparkSessions;
import com.trustlens.publish.RunRecord;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Base of the verbs that run pipeline steps: loads the configuration, builds the session, runs
 * the steps, and records the run (succeeded or failed) in the runs table.
 */
abstract class PipelineCommand implements Callable<Integer> {
  @Mixin ConfOption conf;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  /** The steps of this verb. */
  abstract void steps(Pipeline pipeline);

  /** Name recorded in the runs table. */
  abstract String verb();

  /** Printed after a successful run (headline figures, where the tables are). */
  void summary(Pipeline pipeline, SparkSession spark) {}

  @Override
  public Integer call() {
    Progress.quiet(quiet);
    ConfigLoader.Loaded loaded = conf.load();
    SparkSession spark = SparkSessions.create(loaded.config().spark(), "trustlens-" + verb());
    RunContext run = new RunContext(verb(), loaded.hash(), Instant.now());
    Pipeline pipeline = new Pipeline(spark, loaded.config(), run);
    String status = "succeeded";
    String message = null;
    try {
      Progress.info("run " + run.runId() + ": " + verb() + " with " + loaded.file());
      steps(pipeline);
      if (!quiet) summary(pipeline, spark);
      return ExitCodes.OK;
    } catch (BadInputException e) {
      status = "failed_bad_input";
      message = e.getMessage();
      throw e;
    } catch (RuntimeException e) {
      status = "failed";
      message = String.valueOf(e.getMessage());
      throw e;
    } finally {
      try {
        new RunRecord(run.runId(), verb(), run.startedAt(), Instant.now(), status, message, run.configHash(),
            run.inputRows(), run.quarantinedRows(), run.duplicateRows(), run.outputVersions())
            .append(spark, pipeline.lake().gold("runs"));
      } catch (RuntimeException e) {
        // The run's own outcome matters more than its record: report, do not mask it.
        Progress.warn("could not record run " + run.runId() + " in table runs: " + e.getMessage());
      }
      spark.stop();
    }
  }
}
