package com.trustlens.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * One generated data set shared by the test classes that only read it (generated once per test
 * JVM, deleted at exit): 800 customers over 20 weeks with a 20 % randomised holdout.
 */
final class SharedDataset {
  static final GenerateOptions OPTIONS = GenerateOptions.defaults("unset").withSize(800, 20).withSeed(11)
      .withHoldout(0.2, false);
  private static RawFiles files;

  private SharedDataset() {}

  /** The options the files were generated with (their out folder included). */
  static synchronized GenerateOptions options(SparkSession spark) {
    return OPTIONS.withOut(files(spark).dir.toString());
  }

  static synchronized RawFiles files(SparkSession spark) {
    if (files == null) {
      try {
        Path dir = Files.createTempDirectory("trustlens-generate-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        SyntheticCrm.standard(spark, OPTIONS.withOut(dir.toString())).write();
        files = new RawFiles(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary folder
    }
  }
}
