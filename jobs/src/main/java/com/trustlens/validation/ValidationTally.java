package com.trustlens.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running statistics of the estimator against the planted truth over replications: per metric and
 * event time the bias, RMSE and pointwise-interval coverage, the mean standard error against the
 * estimates' spread; per metric how often the uniform band covers the whole true curve and how
 * often the placebo pre-trend test rejects at 5 %.
 */
public final class ValidationTally {
  /** One replication's estimate of ATT(e) for a metric, and the truth it should cover. */
  public record Point(String metric, int eventTime, double truth, double att, double se, double ciLow, double ciHigh,
      double bandLow, double bandHigh) {
    boolean covered() {
      return ciLow <= truth && truth <= ciHigh;
    }

    boolean inBand() {
      return bandLow <= truth && truth <= bandHigh;
    }
  }

  /** Figures of one metric and event time over the replications. */
  public record Cell(String metric, int eventTime, int reps, double truth, double bias, double rmse, double coverage,
      double meanSe, double sdEstimate) {}

  private final Map<String, Map<Integer, List<Point>>> points = new TreeMap<>();
  private final Map<String, int[]> bands = new TreeMap<>();
  private final Map<String, int[]> placebo = new TreeMap<>();
  private LabelErrors labelErrors = new LabelErrors(0, 0, 0);

  /** Deceptive campaigns the rules missed and honest ones they flagged, out of the planted deceptive ones. */
  public record LabelErrors(long missed, long flagged, long deceptive) {
    LabelErrors plus(LabelErrors o) {
      return new LabelErrors(missed + o.missed, flagged + o.flagged, deceptive + o.deceptive);
    }
  }

  /** Adds one replication's disagreements of the rules with the planted labels (which the cohorts use). */
  public void addLabelErrors(LabelErrors replication) {
    labelErrors = labelErrors.plus(replication);
  }

  /** The disagreements summed over replications. */
  public LabelErrors labelErrors() {
    return labelErrors;
  }

  /** Adds one replication's curve of a metric and its pre-trend p-value (null: no test). */
  public void add(String metric, List<Point> curve, Double pretrendPValue) {
    boolean allIn = !curve.isEmpty();
    for (Point p : curve) {
      points.computeIfAbsent(metric, m -> new TreeMap<>()).computeIfAbsent(p.eventTime(), e -> new ArrayList<>()).add(p);
      allIn &= p.inBand();
    }
    int[] b = bands.computeIfAbsent(metric, m -> new int[2]);
    b[0] += allIn ? 1 : 0;
    b[1]++;
    if (pretrendPValue != null) {
      int[] t = placebo.computeIfAbsent(metric, m -> new int[2]);
      t[0] += pretrendPValue < 0.05 ? 1 : 0;
      t[1]++;
    }
  }

  public List<Cell> cells() {
    List<Cell> out = new ArrayList<>();
    points.forEach((metric, byE) -> byE.forEach((e, ps) -> out.add(cell(metric, e, ps))));
    return out;
  }

  private static Cell cell(String metric, int e, List<Point> ps) {
    int n = ps.size();
    double truth = 0, err = 0, sq = 0, covered = 0, se = 0, mean = 0;
    for (Point p : ps) {
      truth += p.truth() / n;
      err += (p.att() - p.truth()) / n;
      sq += (p.att() - p.truth()) * (p.att() - p.truth()) / n;
      covered += p.covered() ? 1.0 / n : 0;
      se += p.se() / n;
      mean += p.att() / n;
    }
    double var = 0;
    for (Point p : ps) var += (p.att() - mean) * (p.att() - mean) / Math.max(1, n - 1);
    return new Cell(metric, e, n, truth, err, Math.sqrt(sq), covered, se, Math.sqrt(var));
  }

  /** Share of replications whose uniform band covered the whole true curve of a metric. */
  public double bandCoverage(String metric) {
    int[] b = bands.get(metric);
    return b == null || b[1] == 0 ? Double.NaN : (double) b[0] / b[1];
  }

  /** Share of replications whose placebo pre-trend test rejected at 5 %. */
  public double placeboRejection(String metric) {
    int[] t = placebo.get(metric);
    return t == null || t[1] == 0 ? Double.NaN : (double) t[0] / t[1];
  }

  /** Coverage pooled over the event times of a metric, pre (e < 0) or post (e >= 0). */
  public double pooledCoverage(String metric, boolean post) {
    double covered = 0;
    int n = 0;
    for (Map.Entry<Integer, List<Point>> e : points.getOrDefault(metric, Map.of()).entrySet()) {
      if ((e.getKey() >= 0) != post) continue;
      for (Point p : e.getValue()) {
        covered += p.covered() ? 1 : 0;
        n++;
      }
    }
    return n == 0 ? Double.NaN : covered / n;
  }

  public List<String> metrics() {
    return List.copyOf(points.keySet());
  }

  /** CSV with a header: one line per metric and event time. */
  public String csv() {
    StringBuilder sb = new StringBuilder("metric,event_time,reps,truth,bias,rmse,coverage,mean_se,sd_estimate\n");
    for (Cell c : cells()) {
      sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.8g,%.8g,%.8g,%.4f,%.8g,%.8g%n", c.metric(), c.eventTime(),
          c.reps(), c.truth(), c.bias(), c.rmse(), c.coverage(), c.meanSe(), c.sdEstimate()));
    }
    return sb.toString();
  }
}
