package com.trustlens.cli;

import com.trustlens.schema.SchemaDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** trustlens schemas: prints every table schema as Markdown (the source of docs/schemas.md). */
@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = "Print the input, silver, internal and output table schemas as Markdown.")
final class SchemasCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(SchemaDocs.markdown());
    return ExitCodes.OK;
  }
}
