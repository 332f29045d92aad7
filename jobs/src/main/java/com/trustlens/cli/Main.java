package com.trustlens.cli;

import com.trustlens.config.ConfigException;
import com.trustlens.ingest.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The trustlens command line (SPEC §8): one subcommand per verb. */
@Command(
    name = "trustlens",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Measures what deceptive marketing costs in customer trust.",
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      ClassifyCommand.class,
      CohortsCommand.class,
      EstimateCommand.class,
      ValidateEstimatorCommand.class,
      ShowCommand.class,
      ValidateCommand.class,
      SchemasCommand.class,
      GenerateCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code, without exiting (for tests). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ConfigException) {
        cmd.getErr().println("trustlens: configuration error: " + ex.getMessage());
        return ExitCodes.USAGE;
      }
      if (ex instanceof BadInputException) {
        cmd.getErr().println("trustlens: bad input: " + ex.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      cmd.getErr().println("trustlens: " + cmd.getCommandName() + " failed: " + ex);
      ex.printStackTrace(cmd.getErr());
      return ExitCodes.FAILURE;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"trustlens " + (v == null ? "dev" : v)};
    }
  }
}
