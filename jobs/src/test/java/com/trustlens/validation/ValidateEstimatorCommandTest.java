package com.trustlens.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.testing.Cli;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The light validation of CI: five small replications through `trustlens validate-estimator` (each
 * costs about a minute of CPU, mostly Spark's per-query overhead). The figures over many
 * replications are in docs/estimation.md; here the pooled coverage of the post-exposure intervals
 * must already be near its nominal 95 %.
 */
@ExtendWith(SharedSpark.class)
class ValidateEstimatorCommandTest {
  private static final List<String> ABSORBING = List.of("unsubscribed", "complained", "active");

  @Test
  void fiveReplicationsCoverThePlantedCurve(SparkSession spark, @TempDir Path out) throws IOException {
    String printed = Cli.run(spark, 0, "validate-estimator", "--reps", "5", "--customers", "400", "--weeks", "16",
        "--pre-periods", "3", "--horizon", "4", "--buckets", "32", "--out", out.toString());
    assertTrue(printed.contains("| opened |"), printed);
    String report = Files.readString(out.resolve("validation.md"));
    assertTrue(report.startsWith("# Estimator validation"));
    // Cohorts come from the planted labels; the rules' disagreements with them are counted, not hidden.
    java.util.regex.Matcher labels = java.util.regex.Pattern.compile(
        "the deception rules missed (\\d+) of the (\\d+) planted deceptive campaigns and flagged (\\d+) honest ones").matcher(report);
    assertTrue(labels.find(), report);
    assertTrue(Integer.parseInt(labels.group(2)) >= 5 && Integer.parseInt(labels.group(1)) <= Integer.parseInt(labels.group(2)),
        labels.group());
    List<String> csv = Files.readAllLines(out.resolve("validation.csv"));
    assertEquals("metric,event_time,reps,truth,bias,rmse,coverage,mean_se,sd_estimate", csv.get(0));
    long covered = 0;
    long points = 0;
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      int e = Integer.parseInt(f[1]);
      int reps = Integer.parseInt(f[2]);
      if (e < 0) continue;
      // Absorbing metrics' estimates on too few expected events are suppressed, so not scored.
      if (ABSORBING.contains(f[0])) {
        assertTrue(reps <= 5, line);
      } else {
        assertEquals(5, reps, line);
      }
      covered += Math.round(Double.parseDouble(f[6]) * reps);
      points += reps;
    }
    assertTrue(points >= 4 * 5 * 5, "post-exposure points: " + points);
    double coverage = (double) covered / points;
    assertTrue(coverage > 0.88 && coverage < 0.995, "pooled post-exposure coverage " + coverage);
    assertTrue(Files.notExists(out.resolve("work")) || Files.list(out.resolve("work")).findAny().isEmpty(),
        "replication files are deleted once scored");
  }

  @Test
  void aHoldoutDesignWithoutHoldoutsIsAUsageError(SparkSession spark) {
    Cli.run(spark, 2, "validate-estimator", "--control-group", "holdout", "--reps", "1");
  }
}
