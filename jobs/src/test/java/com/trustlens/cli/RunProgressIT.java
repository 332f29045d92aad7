package com.trustlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.testing.SharedSpark;
import com.trustlens.testing.TestLake;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** `trustlens run` end to end: one progress line per long step (step, rows, elapsed) and a closing summary. */
@ExtendWith(SharedSpark.class)
class RunProgressIT {
  /** "name   what it produced (1.2 s)": the form of Progress.step lines. */
  private static final Pattern STEP_LINE = Pattern.compile("INFO (\\S+(?: \\S+)*?) {2,}(.*\\d.*) \\((\\d+\\.\\d) s\\)");

  @Test
  void everyLongStepOfRunLogsOneLineWithRowsAndElapsedTime(SparkSession spark) {
    TestLake lake = TestLake.get(spark);
    List<String> steps = lake.progress().stream().map(STEP_LINE::matcher).filter(java.util.regex.Matcher::matches)
        .map(m -> m.group(1).trim()).toList();
    assertEquals(List.of("ingest customers", "ingest campaigns", "ingest exposures", "ingest events",
        "silver customers", "silver campaigns", "silver exposures", "silver events", "classify", "cohorts", "panel",
        "trust_metrics", "class sums", "estimate", "publish erosion tables", "survival", "audit"), steps, String.join("\n", lake.progress()));
  }

  @Test
  void runEndsWithASummaryOfTablesAndHeadlines(SparkSession spark) {
    TestLake lake = TestLake.get(spark);
    String out = lake.runOutput();
    assertTrue(out.contains("TrustLens tables in "), out);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> deception =
        spark.read().format("delta").load(lake.table("campaign_deception"));
    assertTrue(out.contains("Campaigns: " + deception.count() + ", of which deceptive: "
        + deception.filter("deceptive").count()), out);
    assertTrue(out.contains("Erosion, opened: "), out);
    for (String line : out.split("\n")) {
      if (line.startsWith("Erosion, ")) {
        assertTrue(line.matches(".*; at e = 0 ([-+][0-9.e+-]+|n/a \\(suppressed\\)); pre-trend p = ([0-9.e-]+|n/a \\(too few events before exposure\\))"), line);
      }
    }
    assertTrue(out.contains("Survival, unsubscribe: "), out);
  }
}
