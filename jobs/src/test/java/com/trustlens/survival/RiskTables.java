package com.trustlens.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Risk tables from subjects' (time, status) pairs, written as R's Surv(time, status) reads them. */
final class RiskTables {
  private RiskTables() {}

  static RiskTable of(int[] times, int[] status) {
    TreeMap<Integer, long[]> byDay = new TreeMap<>();
    for (int i = 0; i < times.length; i++) {
      byDay.computeIfAbsent(times[i], d -> new long[2])[status[i] == 1 ? 0 : 1]++;
    }
    List<DayCount> days = new ArrayList<>();
    long atRisk = times.length;
    for (var e : byDay.entrySet()) {
      days.add(new DayCount(e.getKey(), atRisk, e.getValue()[0], e.getValue()[1]));
      atRisk -= e.getValue()[0] + e.getValue()[1];
    }
    return new RiskTable(days);
  }
}
