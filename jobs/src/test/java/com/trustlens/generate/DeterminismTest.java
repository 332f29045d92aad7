package com.trustlens.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives the same bytes whatever the partitioning; another seed gives other data. */
@ExtendWith(SharedSpark.class)
class DeterminismTest {
  private static final List<String> FILES = List.of("customers.csv", "campaigns.jsonl", "exposures.csv", "events.jsonl",
      "truth.json");
  private static final GenerateOptions SMALL = GenerateOptions.defaults("unset").withSize(200, 10).withSeed(7);

  @TempDir Path dir;

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverThePartitions(SparkSession spark) throws IOException {
    Path one = dir.resolve("one-partition");
    Path five = dir.resolve("five-partitions");
    SyntheticCrm.standard(spark, SMALL.withOut(one.toString()).withPartitions(1)).write();
    SyntheticCrm.standard(spark, SMALL.withOut(five.toString()).withPartitions(5)).write();
    for (String f : FILES) {
      byte[] a = Files.readAllBytes(one.resolve(f));
      assertTrue(a.length > 1000, f + " is written");
      assertArrayEquals(a, Files.readAllBytes(five.resolve(f)), f);
    }
    try (Stream<Path> left = Files.list(one)) {
      assertEquals(FILES.stream().sorted().toList(), left.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary folder or checksum file is left behind");
    }
  }

  @Test
  void anotherSeedGivesOtherDataAndFoldersHoldTheSameRows(SparkSession spark) throws IOException {
    Path files = dir.resolve("seed-7");
    Path folders = dir.resolve("seed-8-folders");
    SyntheticCrm.standard(spark, SMALL.withOut(files.toString())).write();
    SyntheticCrm.standard(spark, SMALL.withSeed(8).withOut(folders.toString()).withPartitions(3)
        .withLayout(GenerateOptions.Layout.FOLDERS)).write();
    JsonNode truth = new RawFiles(folders).truth();
    for (String[] input : new String[][] {{"customers", "csv"}, {"exposures", "csv"}, {"events", "jsonl"}}) {
      Path[] parts;
      try (Stream<Path> list = Files.list(folders.resolve(input[0]))) {
        parts = list.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toArray(Path[]::new);
      }
      assertEquals(3, parts.length, input[0] + " has one part per partition");
      long lines = 0;
      for (Path p : parts) {
        List<String> all = Files.readAllLines(p);
        if (input[1].equals("csv")) {
          assertEquals(input[0].equals("customers") ? RawTables.CUSTOMERS_HEADER : RawTables.EXPOSURES_HEADER, all.get(0),
              p + " starts with the header");
          lines += all.size() - 1;
        } else {
          lines += all.size();
        }
      }
      assertEquals(truth.get("files").get(input[0]).get("data_lines").asLong(), lines, input[0]);
      assertEquals(lines, spark.read().option("header", true).option("mode", "PERMISSIVE")
          .format(input[1].equals("csv") ? "csv" : "text").load(folders.resolve(input[0]).toString()).count(),
          input[0] + " reads back as a folder");
    }
    assertFalse(new RawFiles(files).dataLines("customers.csv").equals(folderLines(folders.resolve("customers"))),
        "another seed draws other customers");
  }

  private static List<String> folderLines(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().flatMap(p -> {
        try {
          List<String> all = Files.readAllLines(p);
          return all.subList(1, all.size()).stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
