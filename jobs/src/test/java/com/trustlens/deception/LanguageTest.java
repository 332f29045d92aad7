package com.trustlens.deception;

import static com.trustlens.deception.Campaigns.classify;
import static com.trustlens.deception.Campaigns.promo;
import static com.trustlens.deception.Campaigns.rules;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Text folding and the language that picks the rules: declared, else detected, else both. */
@ExtendWith(SharedSpark.class)
class LanguageTest {
  /** "sale" is an offer in English and "dirty" in French: one rule per language tells them apart. */
  static final DeceptionRules BY_LANGUAGE = DeceptionRules.parse("""
      families:
        probe:
          rules:
            - {name: fr_only, language: fr, pattern: '\\bsale\\b', weight: 0.5}
            - {name: en_only, language: en, pattern: '\\bsale\\b', weight: 0.5}
            - {name: any, pattern: '\\bsale\\b', weight: 0.5}
      """, "language probe");

  private static String language(Row r) {
    return r.getAs(CampaignDeception.LANGUAGE);
  }

  @Test
  void foldingRemovesCaseAccentsAndPunctuationButKeepsAmounts(SparkSession spark) {
    List<String> folded = spark.createDataset(List.of("Pour nous faire PARDONNER : -20 % sur l'Œuvre, ça !", "  Fwd:  50€  "),
        Encoders.STRING()).select(TextFolding.words(col("value")), TextFolding.keepingPunctuation(col("value")))
        .collectAsList().stream().map(r -> r.getString(0) + " | " + r.getString(1)).toList();
    assertEquals(List.of("pour nous faire pardonner 20 pct sur l oeuvre ca | pour nous faire pardonner : -20 % sur l'oeuvre, ca !",
        "fwd 50 eur | fwd: 50€"), folded);
    assertEquals(TextFolding.ACCENTED.length(), TextFolding.PLAIN.length(), "translate pairs letters by position");
  }

  @Test
  void declaredLanguageWinsInAnyCommonSpelling(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("fr", "the sale is on", "Brand").withLanguage("FR"),
        promo("fr_fr", "the sale is on", "Brand").withLanguage("fr-FR"),
        promo("en_gb", "les soldes sont la", "Brand").withLanguage("en_GB"));
    assertEquals("fr", language(out.get("fr")));
    assertEquals("fr", language(out.get("fr_fr")));
    assertEquals("en", language(out.get("en_gb")));
  }

  @Test
  void missingLanguageIsDetectedFromMarkerWordsAndAccents(SparkSession spark) {
    Map<String, Row> out = classify(spark,
        promo("fr_words", "Vente privée : accès membres dès aujourd'hui", "Boutique du Nord"),
        promo("fr_accent", "Offre spéciale", "Brand"),
        promo("en", "New arrivals are here", "Northwind"),
        promo("unknown", "Black Friday", "Brand"),
        promo("other", "Sommerschlussverkauf", "Brand").withLanguage("de"));
    assertEquals("fr", language(out.get("fr_words")));
    assertEquals("fr", language(out.get("fr_accent")));
    assertEquals("en", language(out.get("en")));
    assertNull(language(out.get("unknown")), "no evidence either way");
    assertNull(language(out.get("other")), "only fr and en are declared languages; de has no marker words");
  }

  @Test
  void rulesOfTheCampaignLanguageApplyAndBothApplyWhenUnknown(SparkSession spark) {
    CampaignClassifier probe = new CampaignClassifier(BY_LANGUAGE, 0.5);
    Map<String, Row> out = classify(spark, probe,
        promo("fr", "sale", "Brand").withLanguage("fr"),
        promo("en", "sale", "Brand").withLanguage("en"),
        promo("unknown", "sale", "Brand"));
    assertEquals(List.of("probe.any", "probe.fr_only"), rules(out.get("fr")));
    assertEquals(List.of("probe.any", "probe.en_only"), rules(out.get("en")));
    assertEquals(List.of("probe.any", "probe.en_only", "probe.fr_only"), rules(out.get("unknown")));
  }
}
