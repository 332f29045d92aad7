package com.trustlens.cli;

import com.trustlens.pipeline.Pipeline;
import picocli.CommandLine.Command;

/** trustlens cohorts: customer_cohorts, the panel and trust_metrics from silver tables. */
@Command(name = "cohorts", mixinStandardHelpOptions = true,
    description = "Assign cohorts (first deceptive exposure), build the customer x period panel and trust_metrics.")
final class CohortsCommand extends PipelineCommand {
  @Override
  void steps(Pipeline p) {
    p.cohorts();
  }

  @Override
  String verb() {
    return "cohorts";
  }
}
