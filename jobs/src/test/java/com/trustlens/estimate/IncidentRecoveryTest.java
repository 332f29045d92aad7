package com.trustlens.estimate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustlens.generate.GenerateOptions;
import com.trustlens.generate.IncidentEffect;
import com.trustlens.generate.ModelParameters;
import com.trustlens.generate.SyntheticCrm;
import com.trustlens.testing.Cli;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trust incident other than deceptive mail, planted by the generator with a known effect (late
 * birthday mails: opens x 0.7 from the week after), is recovered by the pipeline configured with a
 * `late_send` treatment: the cumulative erosion of opens matches truth.json and is significant.
 */
@ExtendWith(SharedSpark.class)
class IncidentRecoveryTest {
  private static final int HORIZON = 4;

  @Test
  void theLateBirthdayMailsPlantedEffectOnOpensIsRecovered(SparkSession spark, @TempDir Path dir) throws IOException {
    GenerateOptions options = GenerateOptions.defaults(dir.toString()).withSize(2000, 16).withSeed(31).withPartitions(2)
        .validate();
    // Frequent, strong late sends, so that a small data set measures them sharply.
    ModelParameters model = ModelParameters.standard(options.weeks()).withIncidents(
        new IncidentEffect("late_send", 0.7, 0.7, -1.0), new IncidentEffect("unanswered_contact", 1.0, 0.85, -2.0),
        0.9, 0.02, 0.9);
    new SyntheticCrm(spark, options, model).write();
    Path conf = Files.writeString(dir.resolve("trustlens.yaml"), """
        inputs:
          customers: {path: customers.csv, format: csv}
          campaigns: {path: campaigns.jsonl, format: json}
          exposures: {path: exposures.csv, format: csv}
          events:    {path: events.jsonl, format: json}
        output: {path: lake}
        analysis:
          start: %s
          end: %s
          pre_periods: 2
          horizon: %d
          metrics: [opened, purchased]
          min_cell_size: 1
          buckets: 32
          bootstrap: {replicates: 99, seed: 7}
        treatments:
          - {name: late_send, kind: late_send, after_hours: 24}
        privacy: {pseudonym_key: incident-test-key}
        """.formatted(options.start(), options.end(), HORIZON));
    for (String step : List.of("ingest", "classify", "cohorts", "estimate")) {
      Cli.run(spark, 0, step, "--quiet", "--conf", conf.toString());
    }

    double truth = 0;
    for (JsonNode r : new ObjectMapper().readTree(dir.resolve("truth.json").toFile())
        .path("expected_att").path("late_send").path("by_event_time")) {
      int e = r.get("event_time").asInt();
      if (e >= 0 && e <= HORIZON) truth += r.get("opened").asDouble();
    }
    Row s = spark.read().format("delta").load(dir.resolve("lake/erosion_summary").toString())
        .filter(col("treatment").equalTo("late_send").and(col("breakdown").equalTo("all")).and(col("metric").equalTo("opened")))
        .select("cumulative_effect", "cumulative_se", "n_treated").first();
    double estimate = s.getDouble(0);
    double se = s.getDouble(1);
    String figures = String.format("cumulative effect on opens over e = 0..%d: %.4f (se %.4f, %d treated), truth %.4f",
        HORIZON, estimate, se, s.getLong(2), truth);
    System.out.println(figures);
    assertTrue(truth < -0.1, "the planted effect is large: " + figures);
    assertTrue(Math.abs(estimate - truth) < 3 * se, "estimate within 3 se of the truth: " + figures);
    assertTrue(estimate + 2 * se < 0, "a significant erosion: " + figures);
  }
}
