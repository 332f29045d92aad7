package com.trustlens.survival;

/**
 * The counts of one arm on one day of follow-up: customers still followed at the start of the
 * day, outcomes that day, follow-ups that ended that day without the outcome.
 */
public record DayCount(int day, long atRisk, long events, long censored) {

  public DayCount {
    if (day < 0 || atRisk < events + censored || events < 0 || censored < 0) {
      throw new IllegalArgumentException("inconsistent counts on day " + day + ": at risk " + atRisk
          + ", events " + events + ", censored " + censored);
    }
  }
}
