package com.trustlens.cli;

import com.trustlens.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --conf option shared by the verbs that read a configuration file. */
final class ConfOption {
  @Option(names = "--conf", required = true, paramLabel = "FILE", description = "Configuration file (YAML).")
  Path conf;

  ConfigLoader.Loaded load() {
    return ConfigLoader.load(conf);
  }
}
