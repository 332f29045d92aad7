package com.trustlens.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sub-population the event study is repeated on: every treated customer ('all'), those with 1,
 * 2 or 3+ exposures ('dose=1'...), or one stratum value ('segment=gold', its treated customers and
 * its controls).
 *
 * @param doses treated arms taken, indexed by dose 1..3 (index 0 unused)
 * @param strata strata taken, indexed like {@link CellStatistics#strata()}
 */
record Breakdown(String name, boolean[] doses, boolean[] strata) {
  static final String ALL = "all";

  boolean takesDose(int arm) {
    return doses[arm];
  }

  boolean takesStratum(int s) {
    return strata[s];
  }

  /** 'all', the doses, then every value of every stratum column in order of first appearance. */
  static List<Breakdown> of(List<String> strataNames) {
    int s = strataNames.size();
    List<Breakdown> out = new ArrayList<>();
    out.add(new Breakdown(ALL, doses(1, 2, 3), every(s)));
    out.add(new Breakdown("dose=1", doses(1), every(s)));
    out.add(new Breakdown("dose=2", doses(2), every(s)));
    out.add(new Breakdown("dose=3+", doses(3), every(s)));
    Set<String> values = new LinkedHashSet<>();
    for (String stratum : strataNames) {
      if (!stratum.equals(com.trustlens.cohort.PanelCustomers.ALL)) {
        values.addAll(Arrays.asList(stratum.split("\\|")));
      }
    }
    for (String v : values) {
      boolean[] mask = new boolean[s];
      for (int i = 0; i < s; i++) {
        mask[i] = Arrays.asList(strataNames.get(i).split("\\|")).contains(v);
      }
      out.add(new Breakdown(v, doses(1, 2, 3), mask));
    }
    return out;
  }

  private static boolean[] doses(int... taken) {
    boolean[] d = new boolean[CellStatistics.ARMS];
    for (int t : taken) d[t] = true;
    return d;
  }

  private static boolean[] every(int n) {
    boolean[] m = new boolean[n];
    Arrays.fill(m, true);
    return m;
  }
}
