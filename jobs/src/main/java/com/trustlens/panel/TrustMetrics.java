package com.trustlens.panel;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The descriptive trust curves: per treatment, cohort and period, the mean of each metric for
 * the exposed cohort, for its reachable never-treated controls and for its holdout, with small
 * cells suppressed.
 */
public final class TrustMetrics {
  public static final String EXPOSED = "exposed";
  public static final String CONTROL = "control";
  public static final String HOLDOUT = "holdout";

  private final Periods periods;
  private final LocalDate start;
  private final List<String> metrics;
  private final int minCellSize;

  public TrustMetrics(Periods periods, LocalDate start, List<String> metrics, int minCellSize) {
    this.periods = periods;
    this.start = start;
    this.metrics = List.copyOf(metrics);
    this.minCellSize = minCellSize;
  }

  /**
   * @param panel rows of the panel
   * @param cohorts rows of customer_cohorts
   * @return rows of the trust_metrics schema
   */
  public Dataset<Row> apply(Dataset<Row> panel, Dataset<Row> cohorts) {
    // One pass over the panel: sums per metric by cohort, exit and holdout period; the arms are
    // then assembled from this small table (Spark reuses its exchange across the branches).
    List<Column> sums = new ArrayList<>();
    sums.add(count(lit(1)).as("n"));
    for (String m : metrics) {
      sums.add(sum(col(m).cast("double")).as("s_" + m));
      sums.add(count(col(m)).as("c_" + m));
    }
    Dataset<Row> cells = panel.join(cohorts, "customer_key")
        .groupBy("treatment", "cohort_period", "exit_period", "holdout_period", "period")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));

    Column inWindow = col("cohort_period").geq(lit(Date.valueOf(start)));
    Dataset<Row> cohortList = cells.filter(col("cohort_period").isNotNull().and(inWindow))
        .select(col("treatment"), col("cohort_period").as("g")).distinct();

    Dataset<Row> exposed = cells.filter(col("cohort_period").isNotNull().and(inWindow))
        .withColumn("arm", lit(EXPOSED)).withColumn("g", col("cohort_period"));
    Dataset<Row> never = cells.filter(col("cohort_period").isNull());
    Dataset<Row> control = never.join(cohortList, "treatment")
        .filter(col("exit_period").isNull().or(col("exit_period").geq(col("g"))))
        .withColumn("arm", lit(CONTROL));
    Dataset<Row> holdout = never.filter(col("holdout_period").isNotNull())
        .withColumn("arm", lit(HOLDOUT)).withColumn("g", col("holdout_period"));

    Dataset<Row> arms = exposed.unionByName(control, true).unionByName(holdout, true);
    return Schemas.output("trust_metrics").conform(suppress(longFormat(arms)));
  }

  private Dataset<Row> longFormat(Dataset<Row> arms) {
    List<Column> byArm = new ArrayList<>();
    for (String m : metrics) {
      byArm.add(sum("s_" + m).as("s_" + m));
      byArm.add(sum("c_" + m).as("c_" + m));
    }
    Dataset<Row> totals = arms.groupBy("treatment", "arm", "g", "period")
        .agg(byArm.get(0), byArm.subList(1, byArm.size()).toArray(Column[]::new));
    Column[] entries = metrics.stream()
        .map(m -> struct(lit(m).as("metric"), col("s_" + m).as("s"), col("c_" + m).as("c")))
        .toArray(Column[]::new);
    return totals
        .select(col("treatment"), col("arm"), col("g").as("cohort_period"), col("period"),
            explode(array(entries)).as("e"))
        .select(col("treatment"), col("arm"), col("cohort_period"), col("period"),
            periods.between(col("cohort_period"), col("period")).as("event_time"),
            col("e.metric").as("metric"), col("e.s").as("s"), col("e.c").as("customers"));
  }

  private Dataset<Row> suppress(Dataset<Row> rows) {
    Column small = col("customers").lt(lit(minCellSize));
    return rows
        .withColumn("suppressed", small)
        .withColumn("value", when(small, lit(null)).otherwise(col("s").divide(col("customers"))))
        .withColumn("customers", when(small, lit(null)).otherwise(col("customers")));
  }
}
