package com.trustlens.cli;

import com.trustlens.pipeline.Pipeline;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Base of the verbs that run pipeline steps from a configuration file. */
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
    return PipelineRunner.run(verb(), conf.conf, quiet, this::steps, this::summary);
  }
}
