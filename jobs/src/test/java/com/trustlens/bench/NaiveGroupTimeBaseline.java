package com.trustlens.bench;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Benchmark baseline only, never used by the product: a naive port of the reference package's
 * (R {@code did}) approach, in which every ATT(g,t) is its own 2x2 comparison, here one Spark
 * aggregation per cell over the panel. Not-yet-treated controls reachable at g, no strata, no
 * attrition weights: the estimand of TrustLens with {@code attrition_weights: false} and no strata.
 * It computes every metric in each cell's one job, which is already kinder than {@code did}'s one
 * outcome per call.
 */
public final class NaiveGroupTimeBaseline {
  /** One cell's answer: per metric, ATT = treated mean change - controls' mean change (NaN without controls). */
  public record CellAtt(int cohort, int period, double[] att, long treated, long controls) {}

  private final Dataset<Row> panel;
  private final Dataset<Row> cohorts;
  private final List<String> metrics;

  /**
   * @param panel the panel (customer_key, period, metrics...)
   * @param cohorts customer_cohorts rows of one treatment
   */
  public NaiveGroupTimeBaseline(Dataset<Row> panel, Dataset<Row> cohorts, List<String> metrics) {
    this.panel = panel;
    this.cohorts = cohorts.select("customer_key", "cohort_period", "exit_period");
    this.metrics = List.copyOf(metrics);
  }

  /** ATT(g,t) with base b, each a date (period start): one Spark job of its own. */
  public CellAtt cell(int gIndex, int tIndex, Date g, Date t, Date base) {
    Column c = col("cohort_period");
    Column reachable = col("exit_period").isNull().or(col("exit_period").geq(lit(g)));
    Column role = when(c.equalTo(lit(g)), lit("treated"))
        .when(reachable.and(c.isNull().or(c.gt(lit(t)))), lit("control"));
    List<Column> changes = new ArrayList<>();
    for (String m : metrics) {
      Column y = col(m).cast("double");
      changes.add(sum(when(col("period").equalTo(lit(t)), y).otherwise(0.0))
          .minus(sum(when(col("period").equalTo(lit(base)), y).otherwise(0.0))).as(m));
    }
    List<Column> means = new ArrayList<>();
    metrics.forEach(m -> means.add(avg(col(m)).as(m)));
    // The did way: subset the two periods, one change per customer, then the two arms' means.
    List<Row> arms = panel.filter(col("period").isin(t, base))
        .join(cohorts, "customer_key")
        .withColumn("role", role).filter(col("role").isNotNull())
        .groupBy("customer_key", "role").agg(changes.get(0), changes.subList(1, changes.size()).toArray(Column[]::new))
        .groupBy("role").agg(count(lit(1)).as("n"), means.toArray(Column[]::new))
        .collectAsList();
    Row treated = arms.stream().filter(r -> r.getString(0).equals("treated")).findFirst().orElse(null);
    Row control = arms.stream().filter(r -> r.getString(0).equals("control")).findFirst().orElse(null);
    double[] att = new double[metrics.size()];
    for (int i = 0; i < att.length; i++) {
      att[i] = treated == null || control == null ? Double.NaN : treated.getDouble(2 + i) - control.getDouble(2 + i);
    }
    return new CellAtt(gIndex, tIndex, att, treated == null ? 0 : treated.getLong(1),
        control == null ? 0 : control.getLong(1));
  }
}
