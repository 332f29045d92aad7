package com.trustlens.estimate;

import com.trustlens.config.ControlGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The group-time cells of one treatment: for every cohort in the window and every period, the
 * base period of the comparison, as the reference package does with a varying base: post-periods
 * (t >= g) from g-1, pre-periods from t-1. A cohort without a period before it has no DiD
 * estimate and is dropped, except in the holdout design, where randomisation lets its post-periods
 * compare levels.
 */
public final class StudyDesign {
  private final String key;
  private final String treatment;
  private final String campaign;
  private final int periodCount;
  private final List<Integer> cohorts;
  private final List<Integer> dropped;
  private final List<GroupTimeCell> cells;
  private final Map<Long, Integer> index = new HashMap<>();

  private StudyDesign(String treatment, String campaign, int periodCount, List<Integer> cohorts, List<Integer> dropped,
      List<GroupTimeCell> cells) {
    this.key = campaign == null ? treatment : treatment + "/" + campaign;
    this.treatment = treatment;
    this.campaign = campaign;
    this.periodCount = periodCount;
    this.cohorts = List.copyOf(cohorts);
    this.dropped = List.copyOf(dropped);
    this.cells = List.copyOf(cells);
    for (int i = 0; i < cells.size(); i++) {
      index.put(key(cells.get(i).cohort(), cells.get(i).period()), i);
    }
  }

  /**
   * @param cohortIndexes period indexes of the treatment's cohorts (those before the window excluded)
   * @param periodCount periods in the window
   */
  public static StudyDesign plan(String treatment, List<Integer> cohortIndexes, int periodCount, ControlGroup group) {
    return build(treatment, null, cohortIndexes, periodCount, group, true, Integer.MAX_VALUE);
  }

  /**
   * The post-period cells (event times 0..lastEventTime) of the customers a campaign exposed first:
   * a refinement of the treatment's cohorts, with the treatment's controls. No pre-period cells.
   *
   * @param cohortIndexes period indexes of the cohorts of the campaign's first-exposed customers
   */
  public static StudyDesign ofCampaign(String treatment, String campaign, List<Integer> cohortIndexes, int periodCount,
      ControlGroup group, int lastEventTime) {
    return build(treatment, campaign, cohortIndexes, periodCount, group, false, lastEventTime);
  }

  private static StudyDesign build(String treatment, String campaign, List<Integer> cohortIndexes, int periodCount,
      ControlGroup group, boolean withPre, int lastEventTime) {
    List<Integer> kept = new ArrayList<>();
    List<Integer> dropped = new ArrayList<>();
    List<GroupTimeCell> cells = new ArrayList<>();
    for (int g : cohortIndexes.stream().distinct().sorted().toList()) {
      if (g < 0 || g >= periodCount) {
        throw new IllegalArgumentException("cohort index " + g + " is outside the window of " + periodCount + " periods");
      }
      boolean levels = g == 0 && group == ControlGroup.HOLDOUT;
      if (g == 0 && !levels) {
        dropped.add(g);
        continue;
      }
      kept.add(g);
      for (int t = withPre ? 0 : g; t < periodCount && t - g <= lastEventTime; t++) {
        if (t >= g) {
          cells.add(new GroupTimeCell(g, t, levels ? GroupTimeCell.NO_BASE : g - 1));
        } else if (t >= 1) {
          cells.add(new GroupTimeCell(g, t, t - 1));
        }
      }
    }
    return new StudyDesign(treatment, campaign, periodCount, kept, dropped, cells);
  }

  /** Key of the design in the sufficient statistics: the treatment, or treatment/campaign for a refinement. */
  public String key() {
    return key;
  }

  /** The campaign whose first-exposed customers are the treated, or null for all the treatment's. */
  public String campaign() {
    return campaign;
  }

  public String treatment() {
    return treatment;
  }

  /** Periods in the window. */
  public int periodCount() {
    return periodCount;
  }

  /** Cohorts estimated, ascending. */
  public List<Integer> cohorts() {
    return cohorts;
  }

  /** Cohorts left out for want of a base period. */
  public List<Integer> dropped() {
    return dropped;
  }

  public List<GroupTimeCell> cells() {
    return cells;
  }

  /** Position of cell (g, t) in {@link #cells()}, or -1. */
  public int indexOf(int cohort, int period) {
    return index.getOrDefault(key(cohort, period), -1);
  }

  private static long key(int cohort, int period) {
    return ((long) cohort << 32) | (period & 0xffffffffL);
  }
}
