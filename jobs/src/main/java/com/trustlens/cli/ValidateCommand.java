package com.trustlens.cli;

import com.trustlens.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** trustlens validate: checks the configuration and the inputs, changes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the configuration and the inputs; write nothing.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfOption conf;

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = conf.load();
    System.out.println("configuration " + loaded.file() + " is valid (hash " + loaded.hash().substring(0, 12) + ")");
    return ExitCodes.OK;
  }
}
