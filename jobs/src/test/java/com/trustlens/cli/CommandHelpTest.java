package com.trustlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders as written: picocli formats descriptions, so a bare % breaks them. */
class CommandHelpTest {
  @Test
  void everyCommandsHelpRendersWithoutPicocliWarnings() {
    CommandLine cli = new CommandLine(new Main());
    Map<String, CommandLine> commands = cli.getSubcommands();
    assertTrue(commands.containsKey("validate-estimator"), commands.keySet().toString());
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    StringBuilder usages = new StringBuilder(cli.getUsageMessage());
    try {
      commands.values().forEach(c -> usages.append(c.getUsageMessage()));
    } finally {
      System.setErr(err);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
    assertTrue(usages.toString().replaceAll("\\s+", " ").contains("placebo pre-trend test rejects at 5 %."), usages.toString());
  }
}
