package com.trustlens.survival;

import java.util.List;

/**
 * An outcome whose time is measured: the event types that end survival, and those that end the
 * follow-up without the outcome (competing events: the customer can no longer have it).
 */
public record SurvivalOutcome(String name, List<String> eventTypes, List<String> competingTypes) {
  /** Leaving the mailing list; a closed account can no longer unsubscribe, so a closure censors. */
  public static final SurvivalOutcome UNSUBSCRIBE =
      new SurvivalOutcome("unsubscribe", List.of("unsubscribe"), List.of("account_closed"));
  /** Leaving the brand: unsubscribing or closing the account, whichever comes first. */
  public static final SurvivalOutcome CHURN =
      new SurvivalOutcome("churn", List.of("unsubscribe", "account_closed"), List.of());
  /** The outcomes of the survival tables, in their order. */
  public static final List<SurvivalOutcome> ALL = List.of(UNSUBSCRIBE, CHURN);

  public SurvivalOutcome {
    eventTypes = List.copyOf(eventTypes);
    competingTypes = List.copyOf(competingTypes);
  }
}
