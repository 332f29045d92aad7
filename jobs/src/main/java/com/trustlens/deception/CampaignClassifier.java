package com.trustlens.deception;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import com.trustlens.config.ConfigException;
import com.trustlens.config.Deception;
import com.trustlens.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores campaigns for deception (SPEC §4): silver campaigns in, campaign_deception rows out.
 * A family's score is the weight of its strongest matched rule (its rules are alternative
 * wordings of one piece of evidence); families combine by noisy-OR, score = 1 - prod(1 - family
 * score), so independent evidence adds up without ever passing 1. A manual label_deceptive wins.
 */
public final class CampaignClassifier {
  /** Scores are rounded so that comparing with the threshold does not depend on float noise. */
  static final int SCORE_DECIMALS = 4;

  private final DeceptionRules rules;
  private final double threshold;

  public CampaignClassifier(DeceptionRules rules, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new ConfigException("deception.threshold", threshold + " is not between 0 and 1");
    }
    this.rules = rules;
    this.threshold = threshold;
  }

  /** The classifier of a run's configuration: its rules file (null: built-in rules) and threshold. */
  public static CampaignClassifier from(Deception config) {
    return new CampaignClassifier(DeceptionRules.load(config.rules()), config.threshold());
  }

  public DeceptionRules rules() {
    return rules;
  }

  public double threshold() {
    return threshold;
  }

  /** Pure: one campaign_deception row per campaign, conformed to schemas/output/campaign_deception.json. */
  public Dataset<Row> apply(Dataset<Row> silverCampaigns) {
    List<Rule> all = rules.rules();
    Dataset<Row> matched = RuleMatching.withMatches(CampaignTexts.of(silverCampaigns, RuleMatching.fieldsUsed(all)), all);
    Column score = round(lit(1.0).minus(product(familyScores())), SCORE_DECIMALS);
    Column label = col(SilverCampaignColumns.LABEL_DECEPTIVE);
    Dataset<Row> out = matched.select(
        col(SilverCampaignColumns.CAMPAIGN_ID).as(CampaignDeception.CAMPAIGN_ID),
        score.as(CampaignDeception.DECEPTION_SCORE),
        coalesce(label, score.geq(lit(threshold))).as(CampaignDeception.DECEPTIVE),
        matchedRuleNames(all).as(CampaignDeception.RULES),
        when(label.isNotNull(), lit(CampaignDeception.MANUAL)).otherwise(lit(CampaignDeception.RULES_SOURCE))
            .as(CampaignDeception.LABEL_SOURCE),
        col(CampaignTexts.LANGUAGE).as(CampaignDeception.LANGUAGE),
        col(SilverCampaignColumns.SENT_AT).as(CampaignDeception.SENT_AT),
        col(SilverCampaignColumns.KIND).as(CampaignDeception.KIND));
    return Schemas.output(CampaignDeception.TABLE).conform(out);
  }

  /** family.rule of every matched rule, sorted; empty when none matched. */
  private static Column matchedRuleNames(List<Rule> all) {
    Column[] names = new Column[all.size()];
    for (int i = 0; i < all.size(); i++) {
      names[i] = when(col(RuleMatching.flag(i)), lit(all.get(i).id()));
    }
    return array_sort(array_compact(array(names)));
  }

  /** Per family, the weight of its strongest matched rule (0 when none matched). */
  private List<Column> familyScores() {
    List<Column> scores = new ArrayList<>();
    int i = 0;
    for (RuleFamily family : rules.families()) {
      List<Column> weights = new ArrayList<>();
      for (Rule r : family.rules()) {
        weights.add(when(col(RuleMatching.flag(i)), lit(r.weight())).otherwise(lit(0.0)));
        i++;
      }
      scores.add(weights.size() == 1 ? weights.get(0) : greatest(weights.toArray(Column[]::new)));
    }
    return scores;
  }

  private static Column product(List<Column> familyScores) {
    Column p = lit(1.0);
    for (Column f : familyScores) {
      p = p.multiply(lit(1.0).minus(f));
    }
    return p;
  }
}
