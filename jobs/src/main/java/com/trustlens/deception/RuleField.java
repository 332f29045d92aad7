package com.trustlens.deception;

import java.util.Arrays;
import java.util.Optional;

/** The campaign text a rule pattern is matched against, each already folded (see {@link TextFolding}). */
public enum RuleField {
  /** Subject with case, accents, punctuation and whitespace folded: "votre commande n 10293". */
  SUBJECT("subject"),
  /** Subject with case, accents and whitespace folded but punctuation kept: "re: votre demande". */
  RAW_SUBJECT("raw_subject"),
  /** Display alias, fully folded: "service client sarenza". */
  SENDER_NAME("sender_name"),
  /** Address, fully folded: "news sarenza com". */
  SENDER_ADDRESS("sender_address"),
  /** Alias, " @ ", then the address's domain: "jules @ jules com" (to compare alias and brand). */
  SENDER("sender"),
  /** Subject and alias together, fully folded. */
  TEXT("text");

  private final String key;

  RuleField(String key) {
    this.key = key;
  }

  /** The name used in the rules file. */
  public String key() {
    return key;
  }

  static Optional<RuleField> fromKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }
}
