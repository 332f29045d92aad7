package com.trustlens.deception;

import java.util.List;
import java.util.Set;

/**
 * One named deception rule: a pattern over a folded field, its weight, and the conditions under
 * which a match counts (language, campaign kind, other fields, repetition by the same sender).
 *
 * @param family the family the rule belongs to; rules of one family are alternatives
 * @param name the rule's name inside its family
 * @param language fr or en rules apply to campaigns of that language, any to all
 * @param field the folded text the pattern is matched against
 * @param pattern a Java regular expression, lists already expanded; it matches anywhere unless anchored
 * @param weight evidence strength in (0, 1]
 * @param kindIn when not empty, the campaign kind must be one of these
 * @param kindNotIn the campaign kind must not be one of these (a missing kind is never excluded)
 * @param requires conditions that must all match
 * @param unless guards: the rule does not count when any of them matches
 * @param repeatedWithinDays when positive, the rule counts only if the same sender's earlier
 *     campaign within this many days also met every other condition of the rule
 */
public record Rule(
    String family,
    String name,
    RuleLanguage language,
    RuleField field,
    String pattern,
    double weight,
    Set<String> kindIn,
    Set<String> kindNotIn,
    List<TextCondition> requires,
    List<TextCondition> unless,
    int repeatedWithinDays) {

  public Rule {
    kindIn = Set.copyOf(kindIn);
    kindNotIn = Set.copyOf(kindNotIn);
    requires = List.copyOf(requires);
    unless = List.copyOf(unless);
  }

  /** The name reported in campaign_deception.rules: family.rule. */
  public String id() {
    return family + "." + name;
  }
}
