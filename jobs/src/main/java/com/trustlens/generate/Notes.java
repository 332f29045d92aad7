package com.trustlens.generate;

import java.util.List;

/** The notes truth.json carries for whoever validates estimates against it. */
final class Notes {
  static final List<String> ALL = List.of(
      "Cohort g: the week (Monday, in the window's timezone) of a customer's first delivered, not held-out "
          + "exposure to a campaign listed in campaigns.deceptive. Customers never so exposed are never treated.",
      "Every customer signed up before the window start, so every customer is in the panel from week 0.",
      "A customer is reachable (gets mails, opens, clicks, buys, visits, complains, contacts the service) in weeks "
          + "0..exit week; unsubscribe and account_closed come on the exit week's Sunday evening and nothing follows. "
          + "unsubscribed is 1 from the unsubscribe week on; active is 0 from the first exit week on.",
      "Y(0) keeps the same treatment assignment and the same random draws as Y(1); only the planted effects "
          + "differ. Effects depend on the event time since the first deceptive mail only: later doses add nothing.",
      "Within a segment, untreated trends are parallel (same propensities, trends and hazards; targeting is random "
          + "within segment). Segments have different trends and are targeted unequally, so unconditional parallel "
          + "trends fail: condition on segment.",
      "An exited customer cannot be treated any more, so not-yet-treated customers at t are slightly richer in "
          + "customers who left between g and t than the cohort's counterfactual; with the small exit hazards "
          + "planted this moves not-yet-treated comparisons of unsubscribed and active by a few percent of the effect.",
      "Bad rows are added copies of real rows of a few customers, each spoiled in one way (with a new event_id or "
          + "customer_id): the clean rows are exactly the model's realisation.",
      "duplicates.events counts exact re-delivered copies of event lines (each the second of two identical lines).",
      "Timestamps are spelled four ways for the same instants: UTC with Z, with the zone's offset, and local time "
          + "without offset with a space or a T (never in the repeated autumn hour). Values without offset are local.");

  private Notes() {}
}
