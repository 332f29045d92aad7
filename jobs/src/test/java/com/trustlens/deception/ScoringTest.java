package com.trustlens.deception;

import static com.trustlens.deception.Campaigns.classify;
import static com.trustlens.deception.Campaigns.deceptive;
import static com.trustlens.deception.Campaigns.promo;
import static com.trustlens.deception.Campaigns.rules;
import static com.trustlens.deception.Campaigns.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ConfigException;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.DataFrames;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Score combination, threshold and manual labels, on rules whose weights are easy to check by hand. */
@ExtendWith(SharedSpark.class)
class ScoringTest {
  /** Two families: "alpha" with two alternative rules (0.3 and 0.6), "beta" with one (0.3). */
  static final DeceptionRules HAND_RULES = DeceptionRules.parse("""
      families:
        alpha:
          rules:
            - {name: weak, pattern: '\\bweak\\b', weight: 0.3}
            - {name: strong, pattern: '\\bstrong\\b', weight: 0.6}
        beta:
          rules:
            - {name: other, pattern: '\\bother\\b', weight: 0.3}
      """, "hand rules");

  private static Map<String, Row> scoreWith(SparkSession spark, double threshold, Campaigns.Campaign... campaigns) {
    return classify(spark, new CampaignClassifier(HAND_RULES, threshold), campaigns);
  }

  @Test
  void familiesCombineByNoisyOrAndRulesOfOneFamilyByMaximum(SparkSession spark) {
    Map<String, Row> out = scoreWith(spark, 0.5,
        promo("none", "nothing here", "Brand"),
        promo("weak", "weak", "Brand"),
        promo("weak_and_strong", "weak and strong", "Brand"),
        promo("weak_and_other", "weak and other", "Brand"),
        promo("all", "weak strong other", "Brand"));
    assertEquals(0.0, score(out.get("none")));
    assertEquals(0.3, score(out.get("weak")));
    assertEquals(0.6, score(out.get("weak_and_strong")), "same family: the strongest rule, not 1 - 0.7 x 0.4");
    assertEquals(0.51, score(out.get("weak_and_other")), "1 - 0.7 x 0.7");
    assertEquals(0.72, score(out.get("all")), "1 - 0.4 x 0.7");
    assertEquals(List.of("alpha.strong", "alpha.weak", "beta.other"), rules(out.get("all")), "sorted names");
    assertEquals(List.of(), rules(out.get("none")), "empty, not null");
  }

  @Test
  void thresholdIsInclusive(SparkSession spark) {
    Campaigns.Campaign c = promo("c", "weak and other", "Brand");
    assertTrue(deceptive(scoreWith(spark, 0.51, c).get("c")), "0.51 >= 0.51");
    assertFalse(deceptive(scoreWith(spark, 0.52, c).get("c")));
    assertFalse(deceptive(scoreWith(spark, 0.6, promo("w", "weak", "Brand")).get("w")));
  }

  @Test
  void thresholdOutsideZeroOneIsAConfigurationError() {
    ConfigException e = assertThrows(ConfigException.class, () -> new CampaignClassifier(HAND_RULES, 1.5));
    assertEquals("deception.threshold", e.key());
  }

  @Test
  void manualLabelWinsOverTheRulesBothWays(SparkSession spark) {
    Map<String, Row> out = scoreWith(spark, 0.5,
        promo("honest_labelled", "nothing here", "Brand").withLabel(true),
        promo("deceptive_labelled", "strong", "Brand").withLabel(false),
        promo("unlabelled", "strong", "Brand"));
    Row honest = out.get("honest_labelled");
    assertTrue(deceptive(honest));
    assertEquals("manual", honest.getAs(CampaignDeception.LABEL_SOURCE));
    assertEquals(0.0, score(honest), "the score is still reported");
    Row labelledHonest = out.get("deceptive_labelled");
    assertFalse(deceptive(labelledHonest));
    assertEquals("manual", labelledHonest.getAs(CampaignDeception.LABEL_SOURCE));
    assertEquals(List.of("alpha.strong"), rules(labelledHonest), "matched rules are still explained");
    assertEquals("rules", out.get("unlabelled").getAs(CampaignDeception.LABEL_SOURCE));
  }

  @Test
  void outputConformsToTheCampaignDeceptionSchema(SparkSession spark) {
    Dataset<Row> out = new CampaignClassifier(HAND_RULES, 0.5).apply(Campaigns.silver(spark,
        new Campaigns.Campaign("c1", "promotional", "weak and other", "Brand", "a@b.c", "en", null, "2025-03-01T10:00:00Z")));
    assertEquals(Schemas.output("campaign_deception").columnNames(), List.of(out.columns()));
    Dataset<Row> expected = DataFrames.rows(spark, out.schema(), new Object[] {"c1", 0.51, true,
        List.of("alpha.weak", "beta.other"), "rules", "en", java.sql.Timestamp.from(java.time.Instant.parse(
            "2025-03-01T10:00:00Z")), "promotional"});
    DataFrames.assertSameRows(expected, out);
  }
}
