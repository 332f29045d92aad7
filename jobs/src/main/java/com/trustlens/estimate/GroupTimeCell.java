package com.trustlens.estimate;

/**
 * One ATT(g,t) to estimate: cohort g, period t and the base period its change is measured from
 * (period indexes in the window), or no base when levels are compared (holdout design only).
 */
public record GroupTimeCell(int cohort, int period, int base) {
  /** Base of a level comparison. */
  public static final int NO_BASE = -1;

  public int eventTime() {
    return period - cohort;
  }

  public boolean isPost() {
    return period >= cohort;
  }

  public boolean hasBase() {
    return base != NO_BASE;
  }
}
