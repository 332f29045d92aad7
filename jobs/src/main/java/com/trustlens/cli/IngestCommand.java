package com.trustlens.cli;

import com.trustlens.pipeline.Pipeline;
import picocli.CommandLine.Command;

/** trustlens ingest: raw inputs to silver tables and quarantine. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Validate, type, deduplicate and pseudonymise the inputs into silver tables; bad rows go to quarantine.")
final class IngestCommand extends PipelineCommand {
  @Override
  void steps(Pipeline p) {
    p.ingest();
  }

  @Override
  String verb() {
    return "ingest";
  }
}
