package com.trustlens.estimate;

import com.trustlens.estimate.GroupTimeEffects.CellEffect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The aggregations of one treatment's group-time effects for a breakdown and metric: the event
 * study ATT(e) for e in -pre_periods..horizon, the average effect of each cohort and of each calendar
 * period over event times 0..horizon, the overall effect (cohort averages weighted by cohort size,
 * the summary the reference package's authors recommend), the cumulative effect, the placebo test
 * and the uniform bands' critical values.
 */
final class EventStudy {
  private final EstimationSettings settings;
  private final CellStatistics stats;
  private final GroupTimeEffects effects;
  private final EffectAggregator aggregator;
  private final MultiplierBootstrap bootstrap;
  private final Inference inference;

  EventStudy(EstimationSettings settings, CellStatistics stats, MultiplierBootstrap bootstrap, Inference inference) {
    this.settings = settings;
    this.stats = stats;
    this.effects = new GroupTimeEffects(stats);
    this.aggregator = new EffectAggregator(stats.population);
    this.bootstrap = bootstrap;
    this.inference = inference;
  }

  /**
   * An aggregated effect (estimate null when nothing could be averaged), the customers behind it
   * and, for an absorbing metric, the events its cells' smaller arms expect (infinite otherwise).
   */
  record Aggregate(Estimate estimate, long treated, long controls, int cohorts, double expectedEvents) {

    /** Whether the estimate rests on too few events for a normal interval (analysis.min_expected_events). */
    boolean rare(EstimationSettings settings) {
      return settings.tooFewEvents(expectedEvents);
    }
  }

  /** Everything the tables show for one breakdown and metric; maps are keyed by e, g or t. */
  record Result(
      List<CellEffect> cells,
      Map<Integer, Aggregate> curve,
      Map<Integer, Aggregate> byCohort,
      Map<Integer, Aggregate> byPeriod,
      Aggregate overall,
      Estimate cumulative,
      PretrendTest.Result pretrend,
      double curveCritical,
      double cohortCritical,
      double periodCritical) {}

  /** Cohorts of the breakdown (with treated customers) and their customers per bucket. */
  private Map<Integer, double[]> cohorts(Breakdown breakdown) {
    Map<Integer, double[]> out = new LinkedHashMap<>();
    for (int g : stats.design.cohorts()) {
      int first = stats.design.indexOf(g, g);
      double[] counts = effects.cohortCounts(first, breakdown);
      if (sum(counts) > 0) out.put(g, counts);
    }
    return out;
  }

  Result run(Breakdown breakdown, int metric) {
    Map<Integer, double[]> cohorts = cohorts(breakdown);
    List<CellEffect> cells = new ArrayList<>();
    boolean absorbing = settings.absorbing(settings.metrics().get(metric));
    for (int i = 0; i < stats.design.cells().size(); i++) {
      if (cohorts.containsKey(stats.design.cells().get(i).cohort())) {
        cells.add(effects.estimate(i, breakdown, metric, absorbing));
      }
    }
    Map<Integer, Aggregate> curve = new LinkedHashMap<>();
    for (int e = -settings.prePeriods(); e <= settings.horizon(); e++) {
      int et = e;
      curve.put(e, weighted(cells, cohorts, c -> cell(c).eventTime() == et));
    }
    Map<Integer, Aggregate> byCohort = new LinkedHashMap<>();
    for (int g : cohorts.keySet()) {
      byCohort.put(g, cohortMean(cells, g));
    }
    Map<Integer, Aggregate> byPeriod = new LinkedHashMap<>();
    for (int t = 0; t < settings.periodCount(); t++) {
      int period = t;
      Aggregate a = weighted(cells, cohorts, c -> cell(c).period() == period && inHorizon(cell(c)));
      if (a.cohorts() > 0) byPeriod.put(t, a);
    }
    return new Result(cells, curve, byCohort, byPeriod, overall(byCohort, cohorts), cumulative(curve),
        PretrendTest.test(estimates(curve, e -> e < 0), stats.occupiedBuckets()),
        critical(estimates(curve, e -> true)), critical(estimates(byCohort, g -> true)),
        critical(estimates(byPeriod, t -> true)));
  }

  private GroupTimeCell cell(CellEffect c) {
    return stats.design.cells().get(c.cell());
  }

  private boolean inHorizon(GroupTimeCell c) {
    return c.eventTime() >= 0 && c.eventTime() <= settings.horizon();
  }

  private Aggregate weighted(List<CellEffect> cells, Map<Integer, double[]> cohorts, Predicate<CellEffect> which) {
    List<EffectAggregator.Component> parts = new ArrayList<>();
    long treated = 0;
    long controls = 0;
    double events = 0;
    for (CellEffect c : cells) {
      if (!which.test(c) || c.estimate() == null) continue;
      double[] counts = cohorts.get(cell(c).cohort());
      parts.add(new EffectAggregator.Component(c.estimate(), sum(counts), counts));
      treated += c.treated();
      controls += c.controls();
      events += c.expectedEvents();
    }
    Estimate e = parts.isEmpty() ? null : aggregator.weighted(parts);
    return new Aggregate(e, treated, controls, parts.size(), events);
  }

  // A cohort's periods 0..horizon, equally weighted; its smallest control group is its n_control.
  private Aggregate cohortMean(List<CellEffect> cells, int g) {
    List<Estimate> parts = new ArrayList<>();
    long treated = 0;
    long controls = Long.MAX_VALUE;
    double events = 0;
    for (CellEffect c : cells) {
      if (cell(c).cohort() != g || !inHorizon(cell(c)) || c.estimate() == null) continue;
      parts.add(c.estimate());
      treated = Math.max(treated, c.treated());
      controls = Math.min(controls, c.controls());
      events += c.expectedEvents();
    }
    if (parts.isEmpty()) return new Aggregate(null, 0, 0, 0, 0);
    return new Aggregate(EffectAggregator.mean(parts, stats.buckets), treated, controls, 1, events);
  }

  private Aggregate overall(Map<Integer, Aggregate> byCohort, Map<Integer, double[]> cohorts) {
    List<EffectAggregator.Component> parts = new ArrayList<>();
    long treated = 0;
    long controls = 0;
    double events = 0;
    for (Map.Entry<Integer, Aggregate> e : byCohort.entrySet()) {
      Aggregate a = e.getValue();
      if (a.estimate() == null) continue;
      double[] counts = cohorts.get(e.getKey());
      parts.add(new EffectAggregator.Component(a.estimate(), sum(counts), counts));
      treated += a.treated();
      controls += a.controls();
      events += a.expectedEvents();
    }
    Estimate e = parts.isEmpty() ? null : aggregator.weighted(parts);
    return new Aggregate(e, treated, controls, parts.size(), events);
  }

  private Estimate cumulative(Map<Integer, Aggregate> curve) {
    List<Estimate> post = new ArrayList<>();
    for (int e = 0; e <= settings.horizon(); e++) {
      Estimate x = curve.get(e).estimate();
      if (x == null) return null;
      post.add(x);
    }
    return Estimate.sum(post, stats.buckets);
  }

  private double critical(List<Estimate> estimates) {
    return bootstrap.criticalValue(estimates, settings.confidence(), inference.quantile());
  }

  // The estimates a band or test may rest on: those shown, not those with too few events.
  private List<Estimate> estimates(Map<Integer, Aggregate> map, Predicate<Integer> keys) {
    return map.entrySet().stream().filter(e -> keys.test(e.getKey()) && e.getValue().estimate() != null
            && !e.getValue().rare(settings))
        .map(e -> e.getValue().estimate()).toList();
  }

  private static double sum(double[] xs) {
    double s = 0;
    for (double x : xs) s += x;
    return s;
  }
}
