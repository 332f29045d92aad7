package com.trustlens.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One timed thing of the benchmark on one dataset, over several runs: its seconds per run, the
 * peak memory seen and a note (what was measured, agreement with TrustLens).
 */
record Measurement(String dataset, int customers, int weeks, int cohorts, long events, String step,
    List<Double> seconds, long peakHeapMiB, long peakAfterGcMiB, String note) {

  Measurement {
    seconds = List.copyOf(seconds);
  }

  double median() {
    List<Double> s = sorted();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  double min() {
    return sorted().get(0);
  }

  double max() {
    return sorted().get(seconds.size() - 1);
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(seconds);
    s.sort(null);
    return s;
  }
}
