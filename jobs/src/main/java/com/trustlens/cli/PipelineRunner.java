package com.trustlens.cli;

import com.trustlens.config.ConfigLoader;
import com.trustlens.ingest.BadInputException;
import com.trustlens.pipeline.Pipeline;
import com.trustlens.pipeline.Progress;
import com.trustlens.pipeline.RunContext;
import com.trustlens.pipeline.SparkSessions;
import com.trustlens.publish.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Runs pipeline steps for a verb: loads the configuration, builds the session, runs the steps,
 * and records the run (succeeded or failed) in the runs table.
 */
final class PipelineRunner {
  private PipelineRunner() {}

  static int run(String verb, Path confFile, boolean quiet, Consumer<Pipeline> steps,
      BiConsumer<Pipeline, SparkSession> summary) {
    Progress.quiet(quiet);
    ConfigLoader.Loaded loaded = ConfigLoader.load(confFile);
    boolean ownSession = !SparkSessions.running();
    SparkSession spark = SparkSessions.create(loaded.config().spark(), "trustlens-" + verb);
    RunContext run = new RunContext(verb, loaded.hash(), Instant.now());
    Pipeline pipeline = new Pipeline(spark, loaded.config(), run);
    String status = "succeeded";
    String message = null;
    try {
      Progress.info("run " + run.runId() + ": " + verb + " with " + loaded.file());
      steps.accept(pipeline);
      if (!quiet) summary.accept(pipeline, spark);
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
        new RunRecord(run.runId(), verb, run.startedAt(), Instant.now(), status, message, run.configHash(),
            run.inputRows(), run.quarantinedRows(), run.duplicateRows(), run.outputVersions())
            .append(spark, pipeline.lake().gold("runs"));
      } catch (RuntimeException e) {
        // The run's own outcome matters more than its record: report, do not mask it.
        Progress.warn("could not record run " + run.runId() + " in table runs: " + e.getMessage());
      }
      if (ownSession) spark.stop();
    }
  }
}
