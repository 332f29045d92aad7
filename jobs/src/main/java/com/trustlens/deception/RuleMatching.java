package com.trustlens.deception;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Turns each rule into a boolean column over {@link CampaignTexts}: built-in rlike and predicates, no UDF. */
final class RuleMatching {
  private static final long SECONDS_PER_DAY = 86_400L;

  private RuleMatching() {}

  /** Every field the rules read, conditions included. */
  static Set<RuleField> fieldsUsed(List<Rule> rules) {
    Set<RuleField> used = EnumSet.noneOf(RuleField.class);
    for (Rule r : rules) {
      used.add(r.field());
      r.requires().forEach(t -> used.add(t.field()));
      r.unless().forEach(t -> used.add(t.field()));
    }
    return used;
  }

  /** The name of rule i's match column. */
  static String flag(int i) {
    return "_m" + i;
  }

  /** Adds one non-null boolean column per rule, in rule order. */
  static Dataset<Row> withMatches(Dataset<Row> texts, List<Rule> rules) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("*"));
    for (int i = 0; i < rules.size(); i++) {
      cols.add(condition(rules.get(i)).as(flag(i)));
    }
    Dataset<Row> matched = texts.select(cols.toArray(Column[]::new));
    boolean anyRepeated = rules.stream().anyMatch(r -> r.repeatedWithinDays() > 0);
    return anyRepeated ? withRepetition(matched, rules) : matched;
  }

  /** Everything a rule needs of one campaign alone; null inputs never match. */
  static Column condition(Rule r) {
    Column c = languageApplies(r.language());
    Column kind = col(CampaignTexts.KIND_KEY);
    if (!r.kindIn().isEmpty()) {
      c = c.and(coalesce(kind.isin(r.kindIn().toArray()), lit(false)));
    }
    if (!r.kindNotIn().isEmpty()) {
      // A campaign without a kind is not protected by a kind guard: it may be a disguised promotion.
      c = c.and(not(coalesce(kind.isin(r.kindNotIn().toArray()), lit(false))));
    }
    c = c.and(CampaignTexts.field(r.field()).rlike(r.pattern()));
    for (TextCondition t : r.requires()) {
      c = c.and(CampaignTexts.field(t.field()).rlike(t.pattern()));
    }
    for (TextCondition t : r.unless()) {
      c = c.and(not(CampaignTexts.field(t.field()).rlike(t.pattern())));
    }
    return coalesce(c, lit(false));
  }

  private static Column languageApplies(RuleLanguage language) {
    if (language == RuleLanguage.ANY) return lit(true);
    Column lang = col(CampaignTexts.LANGUAGE);
    return lang.isNull().or(lang.equalTo(lit(language.key())));
  }

  /**
   * A repeated rule counts only when the same sender address already met it within its window
   * before this send: "last chance" said twice in a week is false urgency, said once it is not.
   */
  private static Dataset<Row> withRepetition(Dataset<Row> matched, List<Rule> rules) {
    Column sender = col(CampaignTexts.SENDER_KEY);
    Column sent = col(SilverCampaignColumns.SENT_AT);
    Column known = sender.isNotNull().and(sent.isNotNull());
    List<Column> cols = new ArrayList<>();
    for (String c : matched.columns()) {
      cols.add(col(c));
    }
    for (int i = 0; i < rules.size(); i++) {
      int days = rules.get(i).repeatedWithinDays();
      if (days == 0) continue;
      WindowSpec before = Window.partitionBy(sender).orderBy(sent.cast("long"))
          .rangeBetween(-days * SECONDS_PER_DAY, -1);
      Column earlier = max(when(col(flag(i)).and(known), 1).otherwise(0)).over(before);
      int position = List.of(matched.columns()).indexOf(flag(i));
      cols.set(position, col(flag(i)).and(known).and(coalesce(earlier, lit(0)).equalTo(1)).as(flag(i)));
    }
    return matched.select(cols.toArray(Column[]::new));
  }
}
