package com.trustlens.cli;

import com.trustlens.pipeline.Pipeline;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** trustlens run: the whole pipeline, from raw inputs to every output table. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline: ingest, classify, cohorts and panel, estimate, survival, campaign audit; print where the tables are.")
final class RunCommand extends PipelineCommand {
  @Override
  void steps(Pipeline p) {
    p.ingest();
    p.classify();
    p.cohorts();
    p.estimate();
    p.survival();
    p.audit();
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
