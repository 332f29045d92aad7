package com.trustlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where `trustlens report --out` puts the page: a local folder, or any Hadoop URI through its FileSystem. */
@ExtendWith(SharedSpark.class)
class ReportCommandTest {
  private static final String HTML = "<!doctype html><title>TrustLens</title>";
  @TempDir Path dir;

  @Test
  void aLocalFolderIsCreatedAndThePagePathPrintedAbsolute(SparkSession spark) throws IOException {
    String page = ReportCommand.write(spark, dir.resolve("out/report").toString(), HTML);
    assertEquals(dir.resolve("out/report/index.html").toAbsolutePath().toString(), page);
    assertEquals(HTML, Files.readString(Path.of(page), StandardCharsets.UTF_8));
  }

  @Test
  void aHadoopUriIsWrittenThroughItsFileSystem(SparkSession spark) throws IOException {
    String page = ReportCommand.write(spark, dir.toUri() + "uri report", HTML);
    assertTrue(page.startsWith("file:") && page.endsWith("/uri report/index.html"), page);
    assertEquals(HTML, Files.readString(dir.resolve("uri report/index.html"), StandardCharsets.UTF_8));
  }
}
