package com.trustlens.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustlens.cli.Main;
import com.trustlens.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** trustlens generate on the command line: options, exit codes, help. */
@ExtendWith(SharedSpark.class)
class GenerateCommandTest {
  @TempDir Path dir;

  private static String run(int expectedExit, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      assertEquals(expectedExit, Main.execute(args), () -> captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generateWritesTheInputsWithABrokenHoldout(SparkSession spark) throws Exception {
    String out = run(0, "generate", "--out", dir.toString(), "--customers", "150", "--weeks", "9", "--seed", "3",
        "--cohorts", "2", "--holdout-share", "0.3", "--broken-holdout");
    assertTrue(out.contains("generated " + dir), out);
    for (String f : List.of("customers.csv", "campaigns.jsonl", "exposures.csv", "events.jsonl", "truth.json")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    JsonNode truth = new RawFiles(dir).truth();
    assertEquals(2, truth.get("campaigns").get("deceptive_weeks").size());
    assertEquals(0.3, truth.get("holdout").get("declared_share").asDouble());
    long targeted = 0;
    long held = 0;
    for (JsonNode c : truth.get("holdout").get("by_campaign")) {
      targeted += c.get("targeted").asLong();
      held += c.get("held_out").asLong();
    }
    double actual = (double) held / targeted;
    assertTrue(actual > 0.08 && actual < 0.22, "a broken holdout holds out about half the declared share: " + actual);
    assertTrue(spark.read().json(dir.resolve("campaigns.jsonl").toString()).filter("holdout_share = 0.3").count() >= 4);
  }

  @Test
  void helpDocumentsEveryOption() {
    String help = run(0, "generate", "--help");
    for (String option : List.of("--out", "--customers", "--weeks", "--seed", "--start", "--timezone", "--cohorts",
        "--holdout-share", "--broken-holdout", "--layout", "--partitions", "--master")) {
      assertTrue(help.contains(option), option + " in:\n" + help);
    }
    assertTrue(help.contains("folders"), help);
  }

  @Test
  void aStartThatIsNotAMondayIsAUsageError() {
    String out = run(2, "generate", "--out", dir.toString(), "--start", "2025-01-07");
    assertTrue(out.contains("--start") && out.contains("Monday"), out);
  }
}
