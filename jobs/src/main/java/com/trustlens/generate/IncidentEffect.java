package com.trustlens.generate;

/**
 * The planted effect of another trust incident (a late birthday mail, an unanswered service
 * contact): multipliers that apply from the week after the customer's first incident on
 * (event time e >= 1), and an NPS shift from then on. Incidents do not change exit hazards.
 *
 * @param name treatment name used in truth.json (late_send, unanswered_contact)
 * @param open multiplier of the weekly open probability
 * @param purchase multiplier of the weekly purchase probability
 * @param npsShift points added to NPS answers (negative)
 */
public record IncidentEffect(String name, double open, double purchase, double npsShift) {

  /** The same incident without any effect (for the counterfactual world). */
  public IncidentEffect none() {
    return new IncidentEffect(name, 1.0, 1.0, 0.0);
  }
}
