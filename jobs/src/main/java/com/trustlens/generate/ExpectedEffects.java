package com.trustlens.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The expected effects planted in the data, computed exactly from the model's probabilities (no
 * simulation): for every treated customer i of cohort g and week t >= g, E[Y_it(1) - Y_it(0)]
 * given what is fixed before g (segment, engagement, draws of mails and incidents) and given that
 * i is still reachable in week g (which G = g implies); then ATT(g, t) is the mean over the
 * cohort and ATT(e) the cohort-size weighted mean over the cohorts observed at e = t - g.
 *
 * <p>With q = (1 - h_unsub)(1 - h_close) the weekly probability of staying reachable (baseline
 * hazards in Y(0), treated ones in Y(1)), k = t - g and n = k + 1:
 * P(reachable in t) = q^k; opened = q^k p_open; clicked = q^k p_open p_click|open;
 * purchased = q^k p_purchase; revenue = purchased x mean amount; unsubscribed (absorbing, only
 * counted if the account is still open) = h_unsub (1 - q^n) / (1 - q); active = q^n;
 * complained (absorbing) = 1 if already before g, else c (1 - r^n) / (1 - r) with r = (1 - c) q.
 * Incident treatments (late_send, unanswered_contact) leave hazards alone; their Y(1) - Y(0) is
 * P(reachable in t) times the difference of the capped probabilities with and without the
 * incident's multiplier, where reachability changes hazard at the customer's deceptive week d*.
 * Sums are exact decimals, so the truth does not depend on partitioning.
 */
final class ExpectedEffects {
  /** Metrics with an expected effect, in truth.json order. */
  static final List<String> METRICS = List.of("opened", "clicked", "purchased", "revenue", "unsubscribed",
      "complained", "active");
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  /** ATT(g, t) sums for one treatment: key (cohort week, week) -> treated count and metric sums. */
  record CohortCells(Map<Integer, Long> cohortSizes, Map<List<Integer>, Map<String, BigDecimal>> sums,
                     Map<List<Integer>, Long> counts) {}

  private final Behaviour behaviour;
  private final int weeks;

  ExpectedEffects(Behaviour behaviour, int weeks) {
    this.behaviour = behaviour;
    this.weeks = weeks;
  }

  private static Column hazard(Column h) {
    return least(h, lit(CustomerModel.MAX_HAZARD));
  }

  private Column stay(boolean treated) {
    Column on = lit(treated);
    return lit(1.0).minus(hazard(behaviour.unsubscribeHazard(on))).multiply(lit(1.0).minus(hazard(behaviour.closeHazard(on))));
  }

  /** Expected Y(1) - Y(0) of the deceptive_mail treatment, per treated customer and week t >= g. */
  Dataset<Row> deceptiveMail(Dataset<Row> customers) {
    Column week = col("week");
    Column k = week.minus(col("cohort"));
    Column n = k.plus(1);
    Column late = col("late_candidate_week").isNotNull().and(week.gt(col("late_candidate_week")));
    Column unanswered = col("unanswered_candidate_week").isNotNull().and(week.gt(col("unanswered_candidate_week")));
    Map<String, Column[]> worlds = new LinkedHashMap<>();
    for (boolean treated : new boolean[] {true, false}) {
      Column on = lit(treated);
      Column q = stay(treated);
      Column reach = pow(q, k);
      Column hUnsub = hazard(behaviour.unsubscribeHazard(on));
      Column c = hazard(behaviour.complaintHazard(on));
      Column r = lit(1.0).minus(c).multiply(q);
      Column opened = reach.multiply(behaviour.open(week, on, k, late, unanswered));
      Column purchased = reach.multiply(behaviour.purchase(week, on, k, late, unanswered));
      Column[] values = {
          opened,
          opened.multiply(behaviour.clickGivenOpen(on, k)),
          purchased,
          purchased.multiply(col("sp_amount")),
          hUnsub.multiply(lit(1.0).minus(pow(q, n))).divide(lit(1.0).minus(q)),
          when(col("complained_before_cohort"), lit(1.0))
              .otherwise(c.multiply(lit(1.0).minus(pow(r, n))).divide(lit(1.0).minus(r))),
          pow(q, n)};
      worlds.put(treated ? "y1" : "y0", values);
    }
    Dataset<Row> rows = customers.filter(col("cohort").isNotNull())
        .withColumn("week", explode(sequence(col("cohort"), lit(weeks - 1))));
    return differences(rows, col("cohort"), worlds.get("y1"), worlds.get("y0"));
  }

  /**
   * Expected Y(1) - Y(0) of an incident treatment whose first week is column {@code incidentWeek}
   * (late_week or unanswered_week), per affected customer and week t >= that week.
   */
  Dataset<Row> incident(Dataset<Row> customers, String incidentWeek, boolean lateSend) {
    Column week = col("week");
    Column start = col(incidentWeek);
    Column d = col("first_deceptive_week");
    Column deceptive = d.isNotNull().and(week.geq(d));
    Column e = week.minus(d);
    Column treatedWeeks = when(d.isNull(), lit(0)).otherwise(greatest(lit(0), week.minus(greatest(start, d))));
    Column reach = pow(stay(false), week.minus(start).minus(treatedWeeks)).multiply(pow(stay(true), treatedWeeks));
    Column after = week.gt(start);
    Column otherLate = col("late_candidate_week").isNotNull().and(week.gt(col("late_candidate_week")));
    Column otherUnanswered = col("unanswered_candidate_week").isNotNull().and(week.gt(col("unanswered_candidate_week")));
    Column[][] worlds = new Column[2][];
    for (int w = 0; w < 2; w++) {
      Column on = w == 0 ? after : lit(false);
      Column late = lateSend ? on : otherLate;
      Column unanswered = lateSend ? otherUnanswered : on;
      Column opened = reach.multiply(behaviour.open(week, deceptive, e, late, unanswered));
      Column purchased = reach.multiply(behaviour.purchase(week, deceptive, e, late, unanswered));
      worlds[w] = new Column[] {opened, opened.multiply(behaviour.clickGivenOpen(deceptive, e)), purchased,
          purchased.multiply(col("sp_amount")), lit(0.0), lit(0.0), lit(0.0)};
    }
    Dataset<Row> rows = customers.filter(start.isNotNull()).withColumn("week", explode(sequence(start, lit(weeks - 1))));
    return differences(rows, start, worlds[0], worlds[1]);
  }

  private static Dataset<Row> differences(Dataset<Row> rows, Column cohort, Column[] y1, Column[] y0) {
    List<Column> cols = new ArrayList<>(List.of(cohort.cast("int").as("g"), col("week").cast("int").as("t")));
    for (int i = 0; i < METRICS.size(); i++) {
      cols.add(y1[i].minus(y0[i]).as(METRICS.get(i)));
    }
    return rows.select(cols.toArray(Column[]::new));
  }

  /**
   * Sums per treatment and (g, t) as exact decimals, in one pass over the differences of every
   * treatment; small (treatments x cohorts x weeks), collected on the driver.
   */
  static Map<String, CohortCells> aggregate(Map<String, Dataset<Row>> differences) {
    Dataset<Row> all = null;
    for (Map.Entry<String, Dataset<Row>> d : differences.entrySet()) {
      Dataset<Row> labelled = d.getValue().withColumn("treatment", lit(d.getKey()));
      all = all == null ? labelled : all.unionByName(labelled);
    }
    List<Column> aggs = new ArrayList<>();
    for (String m : METRICS) {
      aggs.add(sum(col(m).cast("decimal(38,18)")).as(m));
    }
    Map<String, CohortCells> out = new LinkedHashMap<>();
    differences.keySet().forEach(k -> out.put(k, new CohortCells(new TreeMap<>(),
        new TreeMap<>(ExpectedEffects::compareKeys), new TreeMap<>(ExpectedEffects::compareKeys))));
    for (Row r : all.groupBy("treatment", "g", "t").agg(count(lit(1)).as("n"), aggs.toArray(Column[]::new)).collectAsList()) {
      CohortCells cells = out.get(r.getString(0));
      int g = r.getInt(1);
      int t = r.getInt(2);
      long n = r.getLong(3);
      if (g == t) {
        cells.cohortSizes().put(g, n);
      }
      Map<String, BigDecimal> s = new LinkedHashMap<>();
      for (int i = 0; i < METRICS.size(); i++) {
        s.put(METRICS.get(i), r.getDecimal(4 + i));
      }
      cells.sums().put(List.of(g, t), s);
      cells.counts().put(List.of(g, t), n);
    }
    return out;
  }

  /** Sums per (g, t) of one treatment's differences. */
  static CohortCells aggregate(Dataset<Row> differences) {
    return aggregate(Map.of("one", differences)).get("one");
  }

  static double mean(BigDecimal sum, long n) {
    return sum.divide(BigDecimal.valueOf(n), PRECISION).doubleValue();
  }

  private static int compareKeys(List<Integer> a, List<Integer> b) {
    int c = Integer.compare(a.get(0), b.get(0));
    return c != 0 ? c : Integer.compare(a.get(1), b.get(1));
  }
}
