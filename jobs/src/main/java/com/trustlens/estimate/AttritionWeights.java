package com.trustlens.estimate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.trustlens.config.ControlGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
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
 * first treated in u ({@link TreatmentHazards}), a control reachable until period x has stayed
 * untreated over (g, min(t, x)] with probability prod (1 - h(u)); its weight is the inverse.
 * Controls reachable throughout share one weight, so without exits the weights change nothing. The
 * horizon is t for not-yet-treated and holdout controls, the last period for never-treated ones.
 */
final class AttritionWeights {
  private final EstimationSettings settings;

  AttritionWeights(EstimationSettings settings) {
    this.settings = settings;
  }

  /** The period up to which a control's staying untreated matters, over the columns t and c_exit. */
  Column horizon() {
    Column end = settings.controlGroup() == ControlGroup.NEVER_TREATED ? lit(settings.periodCount() - 1) : col("t");
    return least(end, col("c_exit"));
  }

  /**
   * Treatment hazards per treatment, from customers counted by stratum, bucket, last period at
   * risk (their cohort or exit, whichever comes first) and whether they were then first treated:
   * a table bounded by treatments x strata x buckets x periods x 2.
   */
  Map<String, TreatmentHazards> hazards(Dataset<Row> cohorts) {
    int periods = settings.periodCount();
    Column g = settings.indexOf(col("cohort_period"));
    Column exit = when(col("exit_period").isNull(), lit(periods)).otherwise(greatest(settings.indexOf(col("exit_period")), lit(-1)));
    Column last = least(coalesce(g, lit(periods)), exit, lit(periods - 1));
    Column event = g.isNotNull().and(g.leq(exit));
    Map<String, TreatmentHazards> out = new HashMap<>();
    // Customers treated before the window are never at risk in it.
    for (Row r : cohorts.filter(g.isNull().or(g.geq(0)))
        .groupBy(col("treatment"), col("stratum"), settings.bucketOf().as("bucket"), last.as("last"), event.as("event"))
        .agg(count(lit(1)).as("n")).collectAsList()) {
      out.computeIfAbsent(r.getString(0), t -> new TreatmentHazards(periods, settings.buckets()))
          .add(r.getString(1), r.getInt(2), r.getInt(3), r.getBoolean(4), r.getLong(5));
    }
    return out;
  }

  /**
   * Rows (w_treatment, w_stratum, w_g, w_u, weight) for every cohort g and period u after it: the
   * weight of a control of the stratum in a cell of g whose horizon is u (controls whose horizon
   * is not after g weigh 1).
   */
  Dataset<Row> table(SparkSession spark, Map<String, StudyDesign> designs, Map<String, TreatmentHazards> hazards) {
    List<Row> rows = new ArrayList<>();
    hazards.forEach((treatment, h) -> {
      StudyDesign design = designs.get(treatment);
      if (design == null) return;
      for (String stratum : h.strata()) {
        double[] c = h.cumulative(stratum);
        for (int g : design.cohorts()) {
          for (int u = g + 1; u < settings.periodCount(); u++) {
            rows.add(RowFactory.create(treatment, stratum, g, u, Math.exp(c[u] - c[g])));
          }
        }
      }
    });
    StructType schema = new StructType().add("w_treatment", DataTypes.StringType, false)
        .add("w_stratum", DataTypes.StringType, false).add("w_g", DataTypes.IntegerType, false)
        .add("w_u", DataTypes.IntegerType, false).add("weight", DataTypes.DoubleType, false);
    return spark.createDataFrame(rows, schema);
  }

  /** No weights: an empty map of hazards. */
  static Map<String, TreatmentHazards> none() {
    return new HashMap<>();
  }
}
