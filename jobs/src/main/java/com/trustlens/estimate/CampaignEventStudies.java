package com.trustlens.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The event study restricted to the customers each campaign exposed first (customer_cohorts'
 * first_campaign_id), with the treatment's own controls: a refinement of the cohorts, computed for
 * every campaign in one pass over the panel. Only event times 0..horizon are estimated (no
 * placebo). The long-term side of the campaign audit.
 */
public final class CampaignEventStudies {
  private final EstimationSettings settings;

  /** @param settings the run's settings; their metrics are the ones estimated */
  public CampaignEventStudies(EstimationSettings settings) {
    this.settings = settings;
  }

  /**
   * An effect per first-exposed customer and its influence function summed per bucket (the same
   * buckets as the estimation: hashed customer keys), so that it can be combined with other
   * estimates on the same customers.
   */
  public record Effect(double att, double se, double[] influence) {}

  /**
   * One campaign's long-term effects, per metric (a metric is absent when its effect cannot be estimated).
   *
   * @param firstExposed customers the campaign exposed first, in cohorts that could be estimated
   * @param treated treated customers behind the effect at the horizon (strata with controls)
   * @param controls control customers behind it
   * @param atHorizon ATT(e = horizon)
   * @param cumulative sum of ATT(e) over e = from..horizon (per customer, metric units x periods)
   * @param occupiedBuckets buckets holding analysed customers: the degrees of freedom (+1) of intervals
   */
  public record CampaignStudy(String campaign, long firstExposed, long treated, long controls,
      Map<String, Effect> atHorizon, Map<String, Effect> cumulative, int occupiedBuckets) {}

  /** As {@link #fromClassSums} on the class sums of the panel and customer_cohorts. */
  public Map<String, CampaignStudy> apply(Dataset<Row> panel, Dataset<Row> cohorts, String treatment, int from) {
    return fromClassSums(new ClassSums(settings, settings.metrics()).of(panel, cohorts), cohorts, treatment, from);
  }

  /**
   * @param classSums rows of {@link ClassSums} built from cohorts, holding the settings' metrics
   * @param cohorts rows of customer_cohorts
   * @param treatment the treatment whose first exposures are split by campaign
   * @param from first event time of the cumulative effects
   * @return the study of every campaign that exposed customers first in the window, by campaign id
   */
  public Map<String, CampaignStudy> fromClassSums(Dataset<Row> classSums, Dataset<Row> cohorts, String treatment,
      int from) {
    SufficientStatistics pass = new SufficientStatistics(settings);
    Map<String, StudyDesign> designs = new LinkedHashMap<>();
    pass.campaignCohortIndexes(cohorts, treatment).forEach((campaign, gs) -> {
      StudyDesign d = StudyDesign.ofCampaign(treatment, campaign, gs, settings.periodCount(), settings.controlGroup(),
          settings.horizon());
      designs.put(d.key(), d);
    });
    if (designs.isEmpty()) return Map.of();
    // Controls are not attrition-weighted here: the hazards are the treatment's, not a campaign's.
    Map<String, CellStatistics> stats = pass.collect(classSums, designs, Map.of());
    // Bands are not reported here: one bootstrap draw keeps EventStudy's contract at no cost.
    MultiplierBootstrap bootstrap = new MultiplierBootstrap(1, settings.buckets(), settings.seed());
    Map<String, CampaignStudy> out = new LinkedHashMap<>();
    for (StudyDesign d : designs.values()) {
      out.put(d.campaign(), study(d, stats.get(d.key()), bootstrap, from));
    }
    return out;
  }

  private CampaignStudy study(StudyDesign d, CellStatistics s, MultiplierBootstrap bootstrap, int from) {
    Inference inference = new Inference(s.occupiedBuckets(), settings.confidence());
    EventStudy study = new EventStudy(settings, s, bootstrap, inference);
    Breakdown all = Breakdown.of(s.strata()).get(0);
    Map<String, Effect> atHorizon = new LinkedHashMap<>();
    Map<String, Effect> cumulative = new LinkedHashMap<>();
    EventStudy.Aggregate last = null;
    for (int m = 0; m < settings.metrics().size(); m++) {
      EventStudy.Result r = study.run(all, m);
      last = r.curve().get(settings.horizon());
      String metric = settings.metrics().get(m);
      if (last.estimate() != null) atHorizon.put(metric, effect(last.estimate()));
      Estimate sum = cumulative(r, from);
      if (sum != null) cumulative.put(metric, effect(sum));
    }
    long treated = last == null ? 0 : last.treated();
    long controls = last == null ? 0 : last.controls();
    return new CampaignStudy(d.campaign(), firstExposed(d, s, all), treated, controls, atHorizon, cumulative,
        s.occupiedBuckets());
  }

  // Null when an event time of from..horizon has no estimate (the window ends too soon after the campaign).
  private Estimate cumulative(EventStudy.Result r, int from) {
    if (from > settings.horizon()) return null;
    List<Estimate> parts = new ArrayList<>();
    for (int e = from; e <= settings.horizon(); e++) {
      Estimate x = r.curve().get(e).estimate();
      if (x == null) return null;
      parts.add(x);
    }
    return Estimate.sum(parts, settings.buckets());
  }

  private static long firstExposed(StudyDesign d, CellStatistics s, Breakdown all) {
    GroupTimeEffects effects = new GroupTimeEffects(s);
    double n = 0;
    for (int g : d.cohorts()) {
      for (double c : effects.cohortCounts(d.indexOf(g, g), all)) n += c;
    }
    return Math.round(n);
  }

  private static Effect effect(Estimate e) {
    return new Effect(e.att(), e.se(), e.phi().clone());
  }
}
