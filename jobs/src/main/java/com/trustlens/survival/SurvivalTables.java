package com.trustlens.survival;

import com.trustlens.cohort.PanelCustomers;
import com.trustlens.schema.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns the collected event-time counts into the rows of survival_curve and survival_test, with
 * cells under analysis.min_cell_size suppressed (values null, flag set, rows kept).
 */
public final class SurvivalTables {
  /** The counts of one curve. */
  public record CurveKey(String treatment, String outcome, String arm, String stratum) {}

  private final double confidence;
  private final int horizon;
  private final int minCellSize;
  private final String controlGroup;

  public SurvivalTables(double confidence, int horizon, int minCellSize, String controlGroup) {
    this.confidence = confidence;
    this.horizon = horizon;
    this.minCellSize = minCellSize;
    this.controlGroup = controlGroup;
  }

  /** Groups rows of {@link SurvivalCounts} into one risk table per curve, in a stable order. */
  public static Map<CurveKey, RiskTable> riskTables(List<Row> counts) {
    Map<CurveKey, List<DayCount>> days = new TreeMap<>(Comparator.comparing(CurveKey::treatment)
        .thenComparing(CurveKey::outcome).thenComparing(CurveKey::arm).thenComparing(CurveKey::stratum));
    for (Row r : counts) {
      CurveKey k = new CurveKey(r.getAs("treatment"), r.getAs("outcome"), r.getAs("arm"), r.getAs("stratum"));
      days.computeIfAbsent(k, x -> new ArrayList<>()).add(new DayCount(r.<Integer>getAs("day"),
          r.<Long>getAs("at_risk"), r.<Long>getAs("events"), r.<Long>getAs("censored")));
    }
    Map<CurveKey, RiskTable> out = new LinkedHashMap<>();
    days.forEach((k, v) -> out.put(k, new RiskTable(v)));
    return out;
  }

  /** The comparisons of every treatment and outcome present, stratified over the strata present when stratified. */
  public List<SurvivalComparison> comparisons(Map<CurveKey, RiskTable> tables, boolean stratified) {
    Map<List<String>, List<String>> strataOf = new LinkedHashMap<>();
    for (CurveKey k : tables.keySet()) {
      List<String> strata = strataOf.computeIfAbsent(List.of(k.treatment(), k.outcome()), x -> new ArrayList<>());
      boolean perStratum = !stratified || !k.stratum().equals(PanelCustomers.ALL);
      if (perStratum && !strata.contains(k.stratum())) strata.add(k.stratum());
    }
    List<SurvivalComparison> out = new ArrayList<>();
    strataOf.forEach((to, strata) -> {
      String t = to.get(0);
      String o = to.get(1);
      List<LogRankTest.Stratum> pairs = strata.stream().sorted().map(s -> new LogRankTest.Stratum(
          table(tables, t, o, SurvivalSubjects.EXPOSED, s), table(tables, t, o, SurvivalSubjects.CONTROL, s))).toList();
      out.add(SurvivalComparison.of(t, o, table(tables, t, o, SurvivalSubjects.EXPOSED, PanelCustomers.ALL),
          table(tables, t, o, SurvivalSubjects.CONTROL, PanelCustomers.ALL), pairs, horizon, confidence));
    });
    return out;
  }

  private static RiskTable table(Map<CurveKey, RiskTable> tables, String t, String o, String arm, String stratum) {
    return tables.getOrDefault(new CurveKey(t, o, arm, stratum), new RiskTable(List.of()));
  }

  /** Rows of survival_curve: a day-0 row (survival 1) and one row per day of the risk table. */
  public List<Row> curveRows(TableSchema schema, Map<CurveKey, RiskTable> tables) {
    List<Row> rows = new ArrayList<>();
    tables.forEach((k, table) -> {
      if (table.days().isEmpty()) return;
      rows.add(curveRow(schema, k, new KaplanMeier.Point(new DayCount(0, table.subjects(), 0, 0), 1, 0, 0, 1, 1)));
      KaplanMeier.fit(table, confidence).points().forEach(p -> rows.add(curveRow(schema, k, p)));
    });
    return rows;
  }

  private Row curveRow(TableSchema schema, CurveKey k, KaplanMeier.Point p) {
    boolean small = p.counts().atRisk() < minCellSize;
    Map<String, Object> v = new HashMap<>();
    v.put("treatment", k.treatment());
    v.put("outcome", k.outcome());
    v.put("arm", k.arm());
    v.put("stratum", k.stratum());
    v.put("day", p.day());
    v.put("at_risk", small ? null : p.counts().atRisk());
    v.put("events", small ? null : p.counts().events());
    v.put("censored", small ? null : p.counts().censored());
    v.put("survival", small ? null : finite(p.survival()));
    v.put("std_err", small ? null : finite(p.stdErr()));
    v.put("ci_low", small ? null : finite(p.ciLow()));
    v.put("ci_high", small ? null : finite(p.ciHigh()));
    v.put("suppressed", small);
    return row(schema, v);
  }

  /** Rows of survival_test, one per comparison. */
  public List<Row> testRows(TableSchema schema, List<SurvivalComparison> comparisons) {
    List<Row> rows = new ArrayList<>();
    for (SurvivalComparison c : comparisons) {
      boolean small = c.suppressed(minCellSize);
      Map<String, Object> v = new HashMap<>();
      v.put("treatment", c.treatment());
      v.put("outcome", c.outcome());
      v.put("control_group", controlGroup);
      v.put("horizon_days", horizon);
      v.put("suppressed", small);
      v.put("n_exposed", small ? null : c.exposed().subjects());
      v.put("n_control", small ? null : c.control().subjects());
      v.put("events_exposed", small ? null : c.exposed().events());
      v.put("events_control", small ? null : c.control().events());
      LogRankTest lr = c.logRank();
      v.put("logrank_chi2", small ? null : finite(lr.chiSquare()));
      v.put("logrank_df", small ? null : lr.degreesOfFreedom());
      v.put("logrank_strata", small ? null : lr.strata());
      v.put("p_value", small ? null : finite(lr.pValue()));
      v.put("observed_exposed", small ? null : finite(lr.observed()));
      v.put("expected_exposed", small ? null : finite(lr.expected()));
      v.put("rmst_exposed", small ? null : finite(c.rmstExposed().mean()));
      v.put("rmst_exposed_se", small ? null : finite(c.rmstExposed().stdErr()));
      v.put("rmst_control", small ? null : finite(c.rmstControl().mean()));
      v.put("rmst_control_se", small ? null : finite(c.rmstControl().stdErr()));
      RestrictedMeanSurvival.Difference d = c.rmstDifference();
      v.put("rmst_diff", small ? null : finite(d.estimate()));
      v.put("rmst_diff_se", small ? null : finite(d.stdErr()));
      v.put("rmst_diff_ci_low", small ? null : finite(d.ciLow()));
      v.put("rmst_diff_ci_high", small ? null : finite(d.ciHigh()));
      v.put("rmst_diff_p_value", small ? null : finite(d.pValue()));
      rows.add(row(schema, v));
    }
    return rows;
  }

  // NaN (an undefined statistic: survival 0, no events to test) is written as null.
  private static Double finite(double x) {
    return Double.isNaN(x) ? null : x;
  }

  private static Row row(TableSchema schema, Map<String, Object> values) {
    if (!values.keySet().equals(new java.util.HashSet<>(schema.columnNames()))) {
      throw new IllegalStateException("row of " + schema.table() + " has columns " + values.keySet()
          + ", schema has " + schema.columnNames());
    }
    return RowFactory.create(schema.columnNames().stream().map(values::get).toArray());
  }
}
