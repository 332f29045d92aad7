package com.trustlens.deception;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.testing.SharedSpark;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import com.trustlens.config.InputFormat;
import com.trustlens.config.InputSpec;
import com.trustlens.ingest.SingleInput;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Precision and recall of the built-in rules on the labelled corpora: corpus.csv (the rules were
 * tuned on it) and corpus-holdout.csv (written before the rules and never tuned on) must reach
 * 0.9; the paraphrase and blind sets are reported (see docs/deception-rules.md).
 */
@ExtendWith(SharedSpark.class)
class CorpusEvaluationTest {
  static final double MINIMUM = 0.9;

  /** Counts of one evaluation. */
  record Evaluation(String corpus, long rows, long truePositives, long falsePositives, long falseNegatives) {
    double precision() {
      return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
      return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    }

    @Override
    public String toString() {
      return String.format("%s: %d campaigns, precision %.3f (%d/%d), recall %.3f (%d/%d)", corpus, rows,
          precision(), truePositives, truePositives + falsePositives, recall(), truePositives,
          truePositives + falseNegatives);
    }
  }

  static Evaluation evaluate(SparkSession spark, String resource) {
    Dataset<Row> campaigns = SingleInput.read(spark, "campaigns",
        new InputSpec(resourcePath(resource), InputFormat.CSV, java.util.Map.of()), java.time.ZoneId.of("Europe/Paris")).silver();
    Dataset<Row> scored = new CampaignClassifier(DeceptionRules.load(null), 0.5).apply(campaigns)
        .join(campaigns.select(col("campaign_id"), col("extras").getItem("expected_deceptive").equalTo("true").as("expected"),
            col("subject"), col("sender_name"), col("extras").getItem("note").as("note")), "campaign_id");
    List<Row> rows = scored.orderBy("campaign_id").collectAsList();
    long tp = 0, fp = 0, fn = 0;
    for (Row r : rows) {
      boolean predicted = r.getBoolean(r.fieldIndex("deceptive"));
      boolean expected = r.getBoolean(r.fieldIndex("expected"));
      if (predicted && expected) tp++;
      if (predicted && !expected) fp++;
      if (!predicted && expected) fn++;
      if (predicted != expected) {
        System.out.printf("  %s %s score=%s rules=%s | %s | %s | %s%n", expected ? "MISSED" : "FALSE ALARM",
            r.getAs("campaign_id"), r.getAs("deception_score"), r.getList(r.fieldIndex("rules")),
            r.getAs("subject"), r.getAs("sender_name"), r.getAs("note"));
      }
    }
    Evaluation e = new Evaluation(resource, rows.size(), tp, fp, fn);
    System.out.println("deception corpus " + e);
    return e;
  }

  static String resourcePath(String resource) {
    try {
      return Path.of(CorpusEvaluationTest.class.getResource("/deception/" + resource).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void tuningCorpusReachesPrecisionAndRecallOfNinetyPercent(SparkSession spark) {
    Evaluation e = evaluate(spark, "corpus.csv");
    assertTrue(e.rows() >= 150, "the corpus holds at least 150 campaigns: " + e);
    assertTrue(e.precision() >= MINIMUM && e.recall() >= MINIMUM, e.toString());
  }

  @Test
  void heldOutCorpusReachesPrecisionAndRecallOfNinetyPercent(SparkSession spark) {
    Evaluation e = evaluate(spark, "corpus-holdout.csv");
    assertTrue(e.precision() >= MINIMUM && e.recall() >= MINIMUM, e.toString());
  }

  /** Reported, not asserted: paraphrases written after the rules, to show where wording escapes them. */
  @Test
  void paraphraseSetIsReported(SparkSession spark) {
    Evaluation e = evaluate(spark, "corpus-paraphrase.csv");
    assertTrue(e.rows() > 0, e.toString());
  }

  /** Reported, not asserted: written after all tuning and evaluated once, the honest generalisation figure. */
  @Test
  void blindSetIsReported(SparkSession spark) {
    Evaluation e = evaluate(spark, "corpus-blind.csv");
    assertTrue(e.rows() > 0, e.toString());
  }
}
