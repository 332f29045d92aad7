package com.trustlens.estimate;

import com.trustlens.estimate.EventStudy.Aggregate;
import com.trustlens.estimate.GroupTimeEffects.CellEffect;
import java.sql.Date;
import java.util.List;
import java.util.Map;

/**
 * Writes one treatment's event-study results into the rows of the erosion tables, suppressing
 * estimates on too few customers (analysis.min_cell_size) or, for absorbing metrics, on too few
 * expected events (analysis.min_expected_events).
 */
final class ErosionRows {
  private final EstimationSettings settings;
  private final StudyDesign design;
  private final Inference inference;
  private final List<Date> periods;
  final OutputTable attGt;
  final OutputTable curve;
  final OutputTable aggregates;

  ErosionRows(EstimationSettings settings, StudyDesign design, Inference inference, List<Date> periods,
      OutputTable attGt, OutputTable curve, OutputTable aggregates) {
    this.settings = settings;
    this.design = design;
    this.inference = inference;
    this.periods = periods;
    this.attGt = attGt;
    this.curve = curve;
    this.aggregates = aggregates;
  }

  void write(String breakdown, String metric, EventStudy.Result r) {
    for (CellEffect c : r.cells()) {
      GroupTimeCell cell = design.cells().get(c.cell());
      boolean small = c.estimate() != null
          && (small(c.treated(), c.controls()) || settings.tooFewEvents(c.expectedEvents()));
      OutputTable.Values v = key(attGt.row(), breakdown, metric)
          .set("cohort_period", periods.get(cell.cohort()))
          .set("period", periods.get(cell.period()))
          .set("event_time", cell.eventTime())
          .set("base_period", cell.hasBase() ? periods.get(cell.base()) : null)
          .set("n_treated", c.treated())
          .set("n_control", c.controls())
          .set("strata_without_controls", c.strataWithoutControls().toArray(String[]::new))
          .set("suppressed", small);
      interval(v, small ? null : c.estimate(), Double.NaN).add();
    }
    for (Map.Entry<Integer, Aggregate> e : r.curve().entrySet()) {
      Aggregate a = e.getValue();
      OutputTable.Values v = key(curve.row(), breakdown, metric).set("event_time", e.getKey()).set("cohorts", a.cohorts());
      counted(v, a, r.curveCritical()).add();
    }
    for (Map.Entry<Integer, Aggregate> e : r.byCohort().entrySet()) {
      OutputTable.Values v = key(aggregates.row(), breakdown, metric).set("aggregation", "cohort")
          .set("cohort_period", periods.get(e.getKey())).set("period", null);
      counted(v, e.getValue(), r.cohortCritical()).add();
    }
    for (Map.Entry<Integer, Aggregate> e : r.byPeriod().entrySet()) {
      OutputTable.Values v = key(aggregates.row(), breakdown, metric).set("aggregation", "calendar")
          .set("cohort_period", null).set("period", periods.get(e.getKey()));
      counted(v, e.getValue(), r.periodCritical()).add();
    }
  }

  /** Whether an estimate rests on too few customers to be shown (without estimate, nothing is hidden). */
  boolean small(long treated, long controls) {
    return treated < settings.minCellSize() || controls < settings.minCellSize();
  }

  private OutputTable.Values key(OutputTable.Values v, String breakdown, String metric) {
    return v.set("treatment", design.treatment()).set("breakdown", breakdown).set("metric", metric);
  }

  private OutputTable.Values counted(OutputTable.Values v, Aggregate a, double critical) {
    boolean small = a.estimate() != null && (small(a.treated(), a.controls()) || a.rare(settings));
    v.set("n_treated", a.treated()).set("n_control", a.controls()).set("suppressed", small);
    return interval(v, small ? null : a.estimate(), critical);
  }

  /** att, se and the pointwise interval; with a critical value, the uniform band too. */
  OutputTable.Values interval(OutputTable.Values v, Estimate e, double critical) {
    boolean withBand = !Double.isNaN(critical) || v.has("band_low");
    Double att = e == null ? null : e.att();
    Double se = e == null ? null : e.se();
    double q = inference.quantile();
    v.set("att", att).set("se", se)
        .set("ci_low", e == null ? null : att - q * se)
        .set("ci_high", e == null ? null : att + q * se);
    if (withBand) {
      boolean band = e != null && !Double.isNaN(critical);
      v.set("band_low", band ? att - critical * se : null).set("band_high", band ? att + critical * se : null);
    }
    return v;
  }
}
