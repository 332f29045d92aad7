package com.trustlens.deception;

import java.util.List;

/** A named family of alternative rules; a campaign's family score is its strongest matched rule. */
public record RuleFamily(String name, String description, List<Rule> rules) {
  public RuleFamily {
    rules = List.copyOf(rules);
  }
}
