package com.trustlens.audit;

import com.trustlens.cohort.Treatments;
import com.trustlens.estimate.CampaignEventStudies.CampaignStudy;
import com.trustlens.estimate.CampaignEventStudies.Effect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Row;

/**
 * The values of one campaign_impact row: the catch (rates against the baseline, extra revenue),
 * the pond (long-term effects of the customers the campaign exposed first) and their balance, with
 * small cells hidden. Intervals use Student's t with (occupied buckets - 1) degrees of freedom, as
 * the estimation does.
 */
final class ImpactRows {
  static final String OPENED = "opened";
  static final String REVENUE = "revenue";

  // Marks a value that exists but is hidden for a small cell; written as null, it sets the suppressed flag.
  private static final Object HIDDEN = new Object();

  private final AuditSettings settings;

  ImpactRows(AuditSettings settings) {
    this.settings = settings;
  }

  /**
   * @param target a row of {@link AuditCampaigns#targets}
   * @param sums its short-term sums, or null when it reached nobody
   * @param study its long-term study, or null when it exposed nobody first in the window
   * @return the row's values by column, every column but net_effect_rank
   */
  Map<String, Object> row(Row target, ShortTermSums sums, CampaignStudy study) {
    Map<String, Object> v = new HashMap<>();
    v.put("campaign_id", target.getAs("campaign_id"));
    v.put("treatment", Treatments.DECEPTIVE_MAIL);
    for (String c : List.of("sent_at", "period", "sender", "sender_name", "subject", "deception_score",
        "baseline_campaigns")) {
      v.put(c, target.getAs(c));
    }
    v.put("rules", target.getList(target.fieldIndex("rules")).toArray(String[]::new));
    v.put("horizon", settings.horizon());
    v.put("revenue_from_event_time", settings.revenueFrom());
    Effect catchPart = sums == null ? null : lift(sums.difference(REVENUE), sums.total("recipients"));
    Effect pond = revenuePond(study);
    boolean smallCatch = shortTerm(v, sums, catchPart);
    boolean smallPond = longTerm(v, study, pond);
    Effect net = catchPart == null || pond == null ? null
        : new Effect(catchPart.att() + pond.att(), 0, Interval.add(catchPart.influence(), pond.influence()));
    int occupied = Math.max(sums == null ? 0 : sums.occupiedBuckets(), study == null ? 0 : study.occupiedBuckets());
    interval(v, "net_revenue_effect", net, smallCatch || smallPond, quantile(occupied));
    v.put("suppressed", v.containsValue(HIDDEN));
    v.replaceAll((k, x) -> x == HIDDEN ? null : x);
    return v;
  }

  // Returns whether the short-term figures rest on too few customers.
  private boolean shortTerm(Map<String, Object> v, ShortTermSums s, Effect extraRevenue) {
    long recipients = s == null ? 0 : s.total("recipients");
    long baseCustomers = s == null ? 0 : s.baselineCustomers();
    v.put("recipients", recipients);
    v.put("baseline_deliveries", s == null ? 0L : s.total("deliveries_b"));
    v.put("baseline_customers", baseCustomers);
    boolean smallOwn = recipients < settings.minCellSize();
    boolean smallBase = baseCustomers < settings.minCellSize();
    boolean small = smallOwn || smallBase;
    double q = quantile(s == null ? 0 : s.occupiedBuckets());
    RateDifference opened = s == null ? null : s.difference(OPENED);
    RateDifference clicked = s == null ? null : s.difference("clicked");
    rates(v, "open_rate", "baseline_open_rate", opened, smallOwn, smallBase);
    rates(v, "click_rate", "baseline_click_rate", clicked, smallOwn, smallBase);
    rates(v, "revenue_per_recipient", "baseline_revenue_per_delivery", s == null ? null : s.difference(REVENUE),
        smallOwn, smallBase);
    interval(v, "short_term_lift", lift(opened, 1), small, q);
    interval(v, "click_lift", lift(clicked, 1), small, q);
    interval(v, "short_term_revenue", extraRevenue, small, q);
    return small;
  }

  private static void rates(Map<String, Object> v, String own, String base, RateDifference d, boolean smallOwn,
      boolean smallBase) {
    Double rate = d == null ? null : d.rate();
    Double baseline = d == null ? null : d.baseline();
    v.put(own, rate != null && smallOwn ? HIDDEN : rate);
    v.put(base, baseline != null && smallBase ? HIDDEN : baseline);
  }

  // The difference times a fixed factor (recipients, for the extra revenue), with its influence.
  private static Effect lift(RateDifference d, double factor) {
    if (d == null || d.difference() == null) return null;
    return new Effect(d.difference() * factor, 0, Interval.times(d.influence(), factor));
  }

  // Returns whether the long-term figures rest on too few customers.
  private boolean longTerm(Map<String, Object> v, CampaignStudy study, Effect pond) {
    long firstExposed = study == null ? 0 : study.firstExposed();
    long controls = study == null ? 0 : study.controls();
    v.put("first_exposed", firstExposed);
    v.put("n_control", controls);
    boolean small = firstExposed < settings.minCellSize() || controls < settings.minCellSize();
    double q = quantile(study == null ? 0 : study.occupiedBuckets());
    interval(v, "long_term_effect", study == null ? null : study.atHorizon().get(OPENED), small, q);
    interval(v, "long_term_revenue_effect", pond, small, q);
    return small;
  }

  // first_exposed x the cumulative revenue effect per first-exposed customer.
  private static Effect revenuePond(CampaignStudy study) {
    Effect perCustomer = study == null ? null : study.cumulative().get(REVENUE);
    if (perCustomer == null) return null;
    double n = study.firstExposed();
    return new Effect(perCustomer.att() * n, perCustomer.se() * n, Interval.times(perCustomer.influence(), n));
  }

  // Writes estimate, se and interval of a column family.
  private static void interval(Map<String, Object> v, String name, Effect e, boolean small, double q) {
    Interval i = e == null || small ? null : Interval.of(e.att(), e.influence(), q);
    v.put(name, e != null && small ? HIDDEN : i == null ? null : i.estimate());
    v.put(name + "_se", i == null ? null : i.se());
    v.put(name + "_ci_low", i == null ? null : i.low());
    v.put(name + "_ci_high", i == null ? null : i.high());
  }

  private double quantile(int occupiedBuckets) {
    TDistribution t = new TDistribution(null, Math.max(1, occupiedBuckets - 1));
    return t.inverseCumulativeProbability(0.5 + settings.confidence() / 2);
  }
}
