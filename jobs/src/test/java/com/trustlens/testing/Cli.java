package com.trustlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/** Runs the trustlens command line in the test JVM, on the suite's SparkSession. */
public final class Cli {
  private Cli() {}

  /**
   * Runs the command, checks its exit code and returns what it printed on System.out; puts back
   * the runtime settings a command sets on the shared session from its configuration.
   */
  public static String run(SparkSession spark, int expectedExit, String... args) {
    String shufflePartitions = spark.conf().get("spark.sql.shuffle.partitions");
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(expectedExit, Main.execute(args), String.join(" ", args));
    } finally {
      System.setOut(old);
      spark.conf().set("spark.sql.shuffle.partitions", shufflePartitions);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
