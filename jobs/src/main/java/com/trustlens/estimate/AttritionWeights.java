package com.trustlens.estimate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.trustlens.config.ControlGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Inverse-probability weights of controls for attrition: a customer who leaves can no longer be
 * treated, so among customers reachable at g those still untreated at t over-represent leavers.
 * Within a stratum, with h(u) the share of customers reachable and untreated at period u who are
 * first treated in u, a control reachable until period x has stayed untreated over (g, min(t, x)]
 * with probability prod (1 - h(u)); its weight is the inverse. Controls reachable throughout share
 * one weight, so without exits the weights change nothing. The horizon is t for not-yet-treated
 * and holdout controls, the last period for never-treated ones (never treated to the end).
 */
final class AttritionWeights {
  // Keeps the log of a survival probability finite when every customer at risk was treated.
  private static final double MAX_HAZARD = 1 - 1e-9;

  private final EstimationSettings settings;

  AttritionWeights(EstimationSettings settings) {
    this.settings = settings;
  }

  /** The period up to which a control's staying untreated matters, as a column over t and the exit class. */
  org.apache.spark.sql.Column horizon() {
    org.apache.spark.sql.Column end = settings.controlGroup() == ControlGroup.NEVER_TREATED
        ? lit(settings.periodCount() - 1) : col("t");
    return org.apache.spark.sql.functions.least(end, col("c_exit"));
  }

  /**
   * Rows (w_treatment, w_stratum, w_g, w_u, weight) for every cohort g of the designs and period u
   * after it: the weight of a control of stratum w_stratum in a cell of g whose horizon is u
   * (controls whose horizon is not after g weigh 1).
   */
  Dataset<Row> table(Dataset<Row> cohorts, Map<String, StudyDesign> designs) {
    int periods = settings.periodCount();
    Map<String, double[][]> atRiskAndEvents = new HashMap<>();
    for (Row r : counts(cohorts)) {
      double[][] a = atRiskAndEvents.computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1),
          k -> new double[2][periods]);
      Integer g = r.isNullAt(2) ? null : r.getInt(2);
      int exit = r.getInt(3);
      long n = r.getLong(4);
      for (int u = 0; u < periods; u++) {
        if ((g == null || g >= u) && exit >= u) a[0][u] += n;
        if (g != null && g == u) a[1][u] += n;
      }
    }
    List<Row> rows = new ArrayList<>();
    atRiskAndEvents.forEach((key, a) -> {
      String[] parts = key.split("\u0000", 2);
      StudyDesign design = designs.get(parts[0]);
      if (design == null) return;
      double[] cumulative = cumulativeHazard(a[0], a[1]);
      for (int g : design.cohorts()) {
        for (int u = g + 1; u < periods; u++) {
          rows.add(RowFactory.create(parts[0], parts[1], g, u, Math.exp(cumulative[u] - cumulative[g])));
        }
      }
    });
    StructType schema = new StructType().add("w_treatment", DataTypes.StringType, false)
        .add("w_stratum", DataTypes.StringType, false).add("w_g", DataTypes.IntegerType, false)
        .add("w_u", DataTypes.IntegerType, false).add("weight", DataTypes.DoubleType, false);
    return cohorts.sparkSession().createDataFrame(rows, schema);
  }

  /** C(u) = sum over v <= u of -log(1 - h(v)), h the share of those at risk first treated in v. */
  static double[] cumulativeHazard(double[] atRisk, double[] events) {
    double[] c = new double[atRisk.length];
    double sum = 0;
    for (int u = 0; u < atRisk.length; u++) {
      double h = atRisk[u] > 0 ? Math.min(MAX_HAZARD, events[u] / atRisk[u]) : 0;
      sum -= Math.log1p(-h);
      c[u] = sum;
    }
    return c;
  }

  // Customers per treatment, stratum, cohort and exit (none = periodCount): a table bounded by strata x periods^2.
  private List<Row> counts(Dataset<Row> cohorts) {
    org.apache.spark.sql.Column g = settings.indexOf(col("cohort_period"));
    org.apache.spark.sql.Column exit = when(col("exit_period").isNull(), lit(settings.periodCount()))
        .otherwise(greatest(settings.indexOf(col("exit_period")), lit(-1)));
    return cohorts.filter(g.isNull().or(g.geq(0)))
        .groupBy(col("treatment"), col("stratum"), g.as("g"), exit.as("exit"))
        .agg(count(lit(1)).as("n"))
        .collectAsList();
  }
}
