package com.trustlens.estimate;

import com.trustlens.estimate.EventStudy.Aggregate;
import com.trustlens.estimate.GroupTimeEffects.CellEffect;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The erosion_summary rows of one treatment and breakdown, one per metric: held until every metric is
 * done, as the Holm adjustment runs across the metrics.
 */
final class SummaryRows {
  private final EstimationSettings settings;
  private final StudyDesign design;
  private final Inference inference;
  private final List<Date> periods;
  private final SampleRatioMismatch.Result srm;
  private final OutputTable table;
  private final List<OutputTable.Values> pending = new ArrayList<>();
  private final List<Double> pValues = new ArrayList<>();

  SummaryRows(EstimationSettings settings, StudyDesign design, Inference inference, List<Date> periods,
      SampleRatioMismatch.Result srm, OutputTable table) {
    this.settings = settings;
    this.design = design;
    this.inference = inference;
    this.periods = periods;
    this.srm = srm;
    this.table = table;
  }

  void add(String breakdown, String metric, EventStudy.Result r) {
    Aggregate overall = r.overall();
    boolean small = overall.estimate() != null
        && (overall.treated() < settings.minCellSize() || overall.rare(settings));
    Estimate o = small ? null : overall.estimate();
    Double p = o == null ? null : inference.pValue(o);
    double q = inference.quantile();
    OutputTable.Values v = table.row()
        .set("treatment", design.treatment()).set("breakdown", breakdown).set("metric", metric)
        .set("control_group", settings.controlGroup().key())
        .set("overall_att", o == null ? null : o.att()).set("se", o == null ? null : o.se())
        .set("ci_low", o == null ? null : o.att() - q * o.se()).set("ci_high", o == null ? null : o.att() + q * o.se())
        .set("p_value", p)
        .set("pretrend_p_value", small || r.pretrend() == null ? null : r.pretrend().pValue())
        .set("pretrend_df", r.pretrend() == null ? null : r.pretrend().df())
        .set("short_term_effect", small ? null : att(r.curve().get(0)))
        .set("effect_at_horizon", small ? null : att(r.curve().get(settings.horizon())))
        .set("cumulative_effect", small || r.cumulative() == null ? null : r.cumulative().att())
        .set("cumulative_se", small || r.cumulative() == null ? null : r.cumulative().se())
        .set("recovery_event_time", small ? null : recovery(r))
        .set("band_critical_value", Double.isNaN(r.curveCritical()) ? null : r.curveCritical())
        .set("cohorts", overall.cohorts()).set("n_treated", overall.treated())
        .set("cohorts_dropped", dropped(r).toArray(Date[]::new))
        .set("strata_without_controls", strataWithoutControls(r).toArray(String[]::new))
        .set("srm_p_value", srm == null ? null : srm.pValue())
        .set("srm_flag", srm == null ? null : srm.flagged())
        .set("buckets", settings.buckets())
        .set("suppressed", small);
    pending.add(v);
    pValues.add(p);
  }

  /** Adjusts the p-values of the breakdown's metrics together and writes the rows. */
  void flush() {
    List<Double> holm = Inference.holm(pValues);
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).set("p_value_holm", holm.get(i)).add();
    }
    pending.clear();
    pValues.clear();
  }

  // An event time's effect, unless it rests on too few events to be shown.
  private Double att(Aggregate a) {
    return a == null || a.estimate() == null || a.rare(settings) ? null : a.estimate().att();
  }

  // The first e after the last one whose band excludes zero, if that is within the horizon.
  private Integer recovery(EventStudy.Result r) {
    if (Double.isNaN(r.curveCritical())) return null;
    Integer lastSignificant = null;
    for (int e = 0; e <= settings.horizon(); e++) {
      Aggregate a = r.curve().get(e);
      Estimate x = a.rare(settings) ? null : a.estimate();
      if (x != null && Math.abs(x.att()) > r.curveCritical() * x.se()) lastSignificant = e;
    }
    if (lastSignificant == null || lastSignificant == settings.horizon()) return null;
    return lastSignificant + 1;
  }

  private List<Date> dropped(EventStudy.Result r) {
    Set<Integer> out = new TreeSet<>(design.dropped());
    for (Integer g : r.byCohort().keySet()) {
      if (r.byCohort().get(g).estimate() == null) out.add(g);
    }
    return out.stream().map(periods::get).toList();
  }

  private static List<String> strataWithoutControls(EventStudy.Result r) {
    Set<String> out = new TreeSet<>();
    for (CellEffect c : r.cells()) out.addAll(c.strataWithoutControls());
    return List.copyOf(out);
  }
}
