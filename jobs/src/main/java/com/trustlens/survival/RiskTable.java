package com.trustlens.survival;

import java.util.Comparator;
import java.util.List;

/**
 * The event-time counts of one group (an arm, within a stratum or over all), ordered by day;
 * the input of every survival statistic.
 */
public record RiskTable(List<DayCount> days) {

  public RiskTable {
    days = days.stream().sorted(Comparator.comparingInt(DayCount::day)).toList();
    for (int i = 1; i < days.size(); i++) {
      DayCount before = days.get(i - 1);
      DayCount now = days.get(i);
      if (before.day() == now.day() || now.atRisk() != before.atRisk() - before.events() - before.censored()) {
        throw new IllegalArgumentException("day " + now.day() + ": at risk " + now.atRisk()
            + " does not follow from day " + before.day() + " (" + before + ")");
      }
    }
  }

  /** Customers at the start of follow-up. */
  public long subjects() {
    return days.isEmpty() ? 0 : days.get(0).atRisk();
  }

  public long events() {
    return days.stream().mapToLong(DayCount::events).sum();
  }

  /** Customers still followed at the start of a day (also of a day without a row). */
  public long atRisk(int day) {
    int i = firstAtOrAfter(day);
    return i < days.size() ? days.get(i).atRisk() : 0;
  }

  /** Outcomes on a day (0 on a day without a row). */
  public long events(int day) {
    int i = firstAtOrAfter(day);
    return i < days.size() && days.get(i).day() == day ? days.get(i).events() : 0;
  }

  private int firstAtOrAfter(int day) {
    int lo = 0;
    int hi = days.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (days.get(mid).day() < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
