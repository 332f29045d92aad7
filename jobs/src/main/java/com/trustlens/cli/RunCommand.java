package com.trustlens.cli;

import com.trustlens.pipeline.IncrementalRun;
import com.trustlens.pipeline.Pipeline;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** trustlens run: the whole pipeline, from raw inputs to every output table. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline: ingest, classify, cohorts and panel, estimate, survival, campaign audit; print where the tables are."
        + " When the inputs only grew since the last run, only the new files are read and the panel is updated in place.")
final class RunCommand extends PipelineCommand {
  @Option(names = "--full", description = "Rerun everything from all the inputs, even when they only grew since the"
      + " last run (by default such a run reads only the new files).")
  boolean full;

  @Override
  void steps(Pipeline p) {
    new IncrementalRun(p).run(full);
  }

  @Override
  String verb() {
    return "run";
  }

  @Override
  void summary(Pipeline pipeline, SparkSession spark) {
    RunSummary.print(spark, pipeline.lake(), pipeline.run(), System.out);
  }
}
