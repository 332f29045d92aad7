package com.trustlens.generate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.generate.ExpectedEffects.CohortCells;
import com.trustlens.testing.SharedSpark;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The expected ATT of truth.json against simulation: the same customers are generated twice with
 * the same draws, with and without a treatment's effect, and the realised Y(1) - Y(0), averaged per
 * event time over the treated, must match the exact expectation within Monte Carlo error. Exit and
 * complaint hazards are inflated so that the survival part of the formulas is tested sharply too.
 */
@ExtendWith(SharedSpark.class)
class TruthMonteCarloTest {
  private static final List<String> METRICS = List.of("opened", "clicked", "purchased", "unsubscribed", "complained", "active");
  private static final int WEEKS = 16;
  private static final GenerateOptions OPTIONS = GenerateOptions.defaults("unused").withSize(6000, WEEKS).withSeed(23);
  private static final ModelParameters MODEL = ModelParameters.standard(WEEKS).withHazardsTimes(8);

  /** Realised SPEC §5 metrics of every customer and week of the window, from the generator's own tables. */
  private static Dataset<Row> panel(SyntheticCrm crm, String cohortColumn) {
    Dataset<Row> customers = crm.customers();
    Dataset<Row> weeks = crm.customerWeeks(customers).select("customer_id", "week", "opened", "clicked", "purchased", "complained");
    Dataset<Row> firstComplaint = weeks.filter(col("complained")).groupBy("customer_id").agg(min("week").as("first_complaint"));
    List<Column> metrics = new ArrayList<>(List.of(col("customer_id"), col("week"), col(cohortColumn).as("g")));
    for (String m : List.of("opened", "clicked", "purchased")) {
      metrics.add(coalesce(col(m), lit(false)).cast("int").as(m));
    }
    metrics.add(col("unsubscribe_week").leq(col("week")).and(col("unsubscribe_week").leq(col("close_week"))).cast("int").as("unsubscribed"));
    metrics.add(coalesce(col("first_complaint").leq(col("week")), lit(false)).cast("int").as("complained"));
    metrics.add(col("week").lt(col("exit_week")).cast("int").as("active"));
    return customers.select(col("customer_id"), col(cohortColumn), col("unsubscribe_week"), col("close_week"), col("exit_week"),
            explode(sequence(lit(0), lit(WEEKS - 1))).as("week"))
        .join(weeks, new String[] {"customer_id", "week"}, "left")
        .join(firstComplaint, new String[] {"customer_id"}, "left")
        .select(metrics.toArray(Column[]::new));
  }

  /** Per event time and metric: n, mean and standard error of the realised Y(1) - Y(0) of the treated. */
  private static Map<Integer, double[][]> simulated(SparkSession spark, ModelParameters with, ModelParameters without,
                                                   String cohortColumn) {
    Dataset<Row> y1 = panel(new SyntheticCrm(spark, OPTIONS, with), cohortColumn);
    Dataset<Row> y0 = panel(new SyntheticCrm(spark, OPTIONS, without), cohortColumn);
    List<Column> aggs = new ArrayList<>();
    for (String m : METRICS) {
      Column d = col("a." + m).minus(col("b." + m));
      aggs.add(sum(d).as(m + "_sum"));
      aggs.add(sum(d.multiply(d)).as(m + "_sq"));
    }
    aggs.add(sum(when(col("a.g").equalTo(col("b.g")), 0).otherwise(1)).as("cohort_mismatch"));
    Dataset<Row> joined = y1.as("a").join(y0.as("b"), new String[] {"customer_id", "week"})
        .filter(col("a.g").isNotNull())
        .withColumn("e", col("week").minus(col("a.g")));
    Map<Integer, double[][]> out = new HashMap<>();
    for (Row r : joined.groupBy("e").agg(count(lit(1)).as("n"), aggs.toArray(Column[]::new)).collectAsList()) {
      long n = r.getLong(1);
      double[][] stats = new double[METRICS.size()][];
      for (int i = 0; i < METRICS.size(); i++) {
        double mean = r.getLong(2 + 2 * i) / (double) n;
        double var = r.getLong(3 + 2 * i) / (double) n - mean * mean;
        stats[i] = new double[] {n, mean, Math.sqrt(Math.max(var, 0) / n)};
      }
      assertEquals(0, r.getLong(2 + 2 * METRICS.size()), "the same customers are treated in both worlds");
      out.put(r.getInt(0), stats);
    }
    return out;
  }

  /** Expected ATT(e), cohort-size weighted, from the truth's per-cohort sums. */
  private static Map<Integer, Map<String, Double>> expected(CohortCells cells) {
    Map<Integer, BigDecimal[]> sums = new HashMap<>();
    Map<Integer, Long> counts = new HashMap<>();
    cells.sums().forEach((key, s) -> {
      int e = key.get(1) - key.get(0);
      BigDecimal[] acc = sums.computeIfAbsent(e, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
          BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      for (int i = 0; i < METRICS.size(); i++) {
        acc[i] = acc[i].add(s.get(METRICS.get(i)));
      }
      counts.merge(e, cells.counts().get(key), Long::sum);
    });
    Map<Integer, Map<String, Double>> out = new HashMap<>();
    sums.forEach((e, acc) -> {
      Map<String, Double> m = new HashMap<>();
      for (int i = 0; i < METRICS.size(); i++) {
        m.put(METRICS.get(i), ExpectedEffects.mean(acc[i], counts.get(e)));
      }
      out.put(e, m);
    });
    return out;
  }

  /**
   * Checks every event time and metric within Monte Carlo error, then returns, per metric, how many
   * tolerances the expected effect pooled over e >= 1 stands from zero: a check that could not tell
   * a wrong formula from the right one would show a small number.
   */
  private static Map<String, Double> check(Map<Integer, double[][]> mc, Map<Integer, Map<String, Double>> truth) {
    Map<String, double[]> pooled = new HashMap<>();
    mc.forEach((e, stats) -> {
      for (int i = 0; i < METRICS.size(); i++) {
        String m = METRICS.get(i);
        double n = stats[i][0];
        double simulated = stats[i][1];
        if (e < 0) {
          assertEquals(0.0, simulated, "no effect before the cohort, e = " + e + " " + m);
          continue;
        }
        double exact = truth.get(e).get(m);
        // Coupled differences are 0 or +-1, so their variance is at most |E[D]|: a floor for the
        // standard error when few customers differ and the sample shows (almost) none.
        double se = Math.max(stats[i][2], Math.sqrt(Math.abs(exact) / n));
        assertEquals(exact, simulated, 4 * se + 5e-4, "e = " + e + " " + m + " (n = " + (long) n + ")");
        if (e >= 1) {
          double[] p = pooled.computeIfAbsent(m, k -> new double[4]);
          p[0] += n * exact;
          p[1] += n * simulated;
          p[2] += n * n * se * se;
          p[3] += n;
        }
      }
    });
    Map<String, Double> sharpness = new HashMap<>();
    pooled.forEach((m, p) -> {
      double exact = p[0] / p[3];
      double tolerance = 4 * Math.sqrt(p[2]) / p[3] + 5e-4;
      assertEquals(exact, p[1] / p[3], tolerance, m + " pooled over e >= 1");
      sharpness.put(m, Math.abs(exact) / tolerance);
    });
    return sharpness;
  }

  @Test
  void deceptiveMailTruthMatchesSimulatedDifferences(SparkSession spark) {
    SyntheticCrm crm = new SyntheticCrm(spark, OPTIONS, MODEL);
    CohortCells cells = ExpectedEffects.aggregate(crm.expectedDifferences(crm.customers(), "deceptive_mail"));
    Map<String, Double> sharpness = check(simulated(spark, MODEL, MODEL.withoutDeceptionEffects(), "cohort"), expected(cells));
    for (String m : METRICS) {
      assertTrue(sharpness.get(m) > 1.5, m + ": pooled |effect| / tolerance " + sharpness);
    }
  }

  @Test
  void lateSendAndUnansweredContactTruthMatchSimulatedDifferences(SparkSession spark) {
    // Frequent, strong incidents, so that their smaller effects are measured sharply.
    ModelParameters model = MODEL.withIncidents(new IncidentEffect("late_send", 0.7, 0.7, -1.0),
        new IncidentEffect("unanswered_contact", 1.0, 0.5, -2.0), 0.9, 0.08, 0.5);
    SyntheticCrm crm = new SyntheticCrm(spark, OPTIONS, model);
    Dataset<Row> customers = crm.customers();
    Map<String, Double> late = check(simulated(spark, model, model.withoutLateSendEffect(), "late_week"),
        expected(ExpectedEffects.aggregate(crm.expectedDifferences(customers, "late_send"))));
    Map<String, Double> unanswered = check(simulated(spark, model, model.withoutUnansweredEffect(), "unanswered_week"),
        expected(ExpectedEffects.aggregate(crm.expectedDifferences(customers, "unanswered_contact"))));
    assertTrue(late.get("opened") > 1.5 && late.get("purchased") > 1.5, "late send: " + late);
    assertTrue(unanswered.get("purchased") > 1.5, "unanswered contact: " + unanswered);
    assertEquals(0.0, unanswered.get("opened"), "no planted effect of unanswered contacts on opens");
  }
}
