package com.trustlens.deception;

import java.util.Arrays;
import java.util.Optional;

/** The language a rule is written for; ANY rules apply to every campaign. */
public enum RuleLanguage {
  FR("fr"), EN("en"), ANY("any");

  private final String key;

  RuleLanguage(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  static Optional<RuleLanguage> fromKey(String key) {
    return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
  }
}
