package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Randomised holdouts as controls: recovery of a planted effect, a campaign at the window start, the SRM flag. */
@ExtendWith(SharedSpark.class)
class HoldoutDesignTest {
  private static final double EFFECT = -4;
  private final SparkSession spark;

  HoldoutDesignTest(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Campaign k0 in week 0 (the window start: no pre-period) and k3 in week 3 each target 300
   * customers and hold 20 % out at random; 100 customers are never targeted. Revenue drops by 4
   * from the exposure on.
   */
  static World campaigns() {
    Random r = new Random(5);
    World w = new World(6);
    for (int campaign : new int[] {0, 3}) {
      for (int i = 0; i < 300; i++) {
        boolean held = r.nextDouble() < 0.2;
        Integer g = held ? null : campaign;
        w.add(g, null, held ? campaign : null, held ? "k" + campaign : null, held ? null : "k" + campaign, 1, "all",
            revenue(r, g));
      }
    }
    for (int i = 0; i < 100; i++) {
      // Never targeted, and far better customers: they would bias the estimate if they were controls.
      double[] y = revenue(r, null);
      for (int t = 0; t < y.length; t++) y[t] += 50;
      w.add(null, null, "all", y);
    }
    return w;
  }

  private static double[] revenue(Random r, Integer cohort) {
    double level = 20 * r.nextDouble();
    double[] y = new double[6];
    for (int t = 0; t < 6; t++) {
      y[t] = level + t + 3 * r.nextGaussian() + (cohort != null && t >= cohort ? EFFECT : 0);
    }
    return y;
  }

  @Test
  void holdoutsRecoverThePlantedEffectEvenForACampaignAtTheWindowStart() {
    World w = campaigns();
    EstimationSettings s = w.settings(ControlGroup.HOLDOUT, 2, 2).withBuckets(64, EstimationSettings.hashedBucket(64, 7));
    ErosionEstimator.Result r = new ErosionEstimator(s).apply(w.panel(spark), w.cohorts(spark), Map.of());
    Map<String, Row> cells = Tables.byCell(r.attGt(), "all", "revenue");
    // Week 0 has no week before it: levels are compared, randomisation makes them comparable.
    for (int t = 0; t < 6; t++) {
      Row cell = cells.get("0," + t);
      assertNull(cell.getAs("base_period"), "cell 0," + t);
      assertNotNull(cell.getAs("att"), "cell 0," + t);
      assertTrue(cell.<Long>getAs("n_control") < 80, "only k0's holdouts are controls: " + cell);
    }
    // Its six cells share the same 62 holdouts, so one interval per cell would be six correlated
    // tests: the cohort's average effect is the one checked.
    Row cohort0 = Tables.only(Tables.rows(r.aggregates(), "all", "revenue"),
        x -> x.getAs("aggregation").equals("cohort") && x.getAs("cohort_period").equals(World.period(0)));
    assertCovers(cohort0, EFFECT);
    assertEquals(java.sql.Date.valueOf("2025-01-20"), cells.get("3,4").getAs("base_period"));
    List<Row> curve = Tables.rows(r.curve(), "all", "revenue");
    for (Row e : curve) {
      int et = e.getAs("event_time");
      double truth = et >= 0 ? EFFECT : 0;
      assertTrue(e.<Double>getAs("band_low") <= truth && truth <= e.<Double>getAs("band_high"), "e=" + et + ": " + e);
    }
    Row summary = Tables.only(Tables.rows(r.summary(), "all", "revenue"), x -> true);
    assertEquals("holdout", summary.getAs("control_group"));
    assertEquals(0, summary.<java.util.List<?>>getAs("cohorts_dropped") == null ? -1
        : summary.getList(summary.fieldIndex("cohorts_dropped")).size());
    assertTrue(summary.<Double>getAs("ci_low") <= EFFECT && EFFECT <= summary.<Double>getAs("ci_high"), summary.toString());
  }

  @Test
  void withoutHoldoutsTheCohortAtTheWindowStartIsDroppedAndSaidSo() {
    World w = campaigns();
    ErosionEstimator.Result r = new ErosionEstimator(w.settings(ControlGroup.NEVER_TREATED, 2, 2))
        .apply(w.panel(spark), w.cohorts(spark), Map.of());
    assertTrue(Tables.byCell(r.attGt(), "all", "revenue").keySet().stream().noneMatch(k -> k.startsWith("0,")));
    Row summary = Tables.only(Tables.rows(r.summary(), "all", "revenue"), x -> true);
    assertEquals(List.of(java.sql.Date.valueOf("2025-01-06")), summary.getList(summary.fieldIndex("cohorts_dropped")));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("dropped")), r.notes().toString());
  }

  @Test
  void sampleRatioMismatchFlagsABrokenAssignment() {
    // Declared 20 %: 203 of 1000 held out is fine; 100 of 1000 is not.
    SampleRatioMismatch.Result fine = SampleRatioMismatch.test(List.of(
        new SampleRatioMismatch.CampaignSplit("k1", 797, 203, 0.2), new SampleRatioMismatch.CampaignSplit("k2", 405, 95, 0.2)));
    assertEquals(2, fine.campaigns());
    assertFalse(fine.flagged(), fine.toString());
    // chi2 = 3^2/200 + 3^2/800 + 5^2/100 + 5^2/400, df 2.
    assertEquals(9 / 200.0 + 9 / 800.0 + 25 / 100.0 + 25 / 400.0, fine.chiSquare(), 1e-12);
    SampleRatioMismatch.Result broken = SampleRatioMismatch.test(List.of(
        new SampleRatioMismatch.CampaignSplit("k1", 900, 100, 0.2), new SampleRatioMismatch.CampaignSplit("k2", 400, 100, 0.2)));
    assertTrue(broken.flagged(), broken.toString());
    assertTrue(broken.pValue() < 1e-6);
    assertNull(SampleRatioMismatch.test(List.of(new SampleRatioMismatch.CampaignSplit("k1", 10, 0, 0))));
  }

  @Test
  void splitsCountDistinctCustomersSentAndHeldOutOfDeceptiveCampaignsWithADeclaredShare() {
    Dataset<Row> exposures = spark.sql("""
        select * from values ('a', 'k1', false), ('a', 'k1', false), ('b', 'k1', true), ('c', 'k1', false),
          ('d', 'k2', true), ('e', 'k3', true)
        as t(customer_key, campaign_id, holdout)""");
    Dataset<Row> campaigns = spark.sql(
        "select * from values ('k1', 0.3d), ('k2', cast(null as double)), ('k3', 0.5d) as t(campaign_id, holdout_share)");
    Dataset<Row> deception = spark.sql(
        "select * from values ('k1', true), ('k2', true), ('k3', false) as t(campaign_id, deceptive)");
    assertEquals(List.of(new SampleRatioMismatch.CampaignSplit("k1", 2, 1, 0.3)),
        SampleRatioMismatch.splits(exposures, campaigns, deception));
  }

  @Test
  void summaryCarriesTheSampleRatioCheck() {
    World w = campaigns();
    SampleRatioMismatch.Result broken = SampleRatioMismatch.test(List.of(new SampleRatioMismatch.CampaignSplit("k0", 900, 100, 0.2)));
    ErosionEstimator.Result r = new ErosionEstimator(w.settings(ControlGroup.HOLDOUT, 1, 1))
        .apply(w.panel(spark), w.cohorts(spark), Map.of(World.TREATMENT, broken));
    Row summary = Tables.only(Tables.rows(r.summary(), "all", "opened"), x -> true);
    assertTrue(summary.<Boolean>getAs("srm_flag"));
    assertNotNull(summary.getAs("srm_p_value"));
    assertTrue(r.warnings().stream().anyMatch(x -> x.contains("looks broken")), r.warnings().toString());
  }

  private static void assertCovers(Row row, double truth) {
    assertTrue(row.<Double>getAs("ci_low") <= truth && truth <= row.<Double>getAs("ci_high"), row.toString());
  }
}
