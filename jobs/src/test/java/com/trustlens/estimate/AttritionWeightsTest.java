package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attrition weights: leavers can no longer be treated, and untreated controls must not over-represent them. */
@ExtendWith(SharedSpark.class)
class AttritionWeightsTest {
  private static final double LEAVE = 0.05;
  private static final double LEAVE_TREATED = 0.15;
  private final SparkSession spark;

  AttritionWeightsTest(SparkSession spark) {
    this.spark = spark;
  }

  /** Planted: a customer treated in week g is still active in week g + e with (1 - 0.15)^(e+1), else (1 - 0.05)^(e+1). */
  private static double truth(int e) {
    return e < 0 ? 0 : Math.pow(1 - LEAVE_TREATED, e + 1) - Math.pow(1 - LEAVE, e + 1);
  }

  /**
   * 4,000 customers over 10 weeks: in weeks 2..7 a reachable, untreated customer is first treated
   * with probability 0.3; every week a reachable customer leaves (at the week's end) with
   * probability 0.05, 0.15 once treated. Revenue is 1 while active, 0 from the week of leaving on.
   */
  static World leavers(long seed, int customers) {
    Random r = new Random(seed);
    World w = new World(10);
    for (int i = 0; i < customers; i++) {
      Integer g = null;
      Integer exit = null;
      double[] active = new double[10];
      for (int u = 0; u < 10 && exit == null; u++) {
        if (g == null && u >= 2 && u <= 7 && r.nextDouble() < 0.3) g = u;
        if (r.nextDouble() < (g != null ? LEAVE_TREATED : LEAVE)) exit = u;
        active[u] = exit == null ? 1 : 0;
      }
      w.add(g, exit, null, null, g == null ? null : "k" + g, 1, "all", active);
    }
    return w;
  }

  @Test
  void weightedControlsRecoverTheErosionOfExitsThatUnweightedOnesUnderstate() {
    World w = leavers(31, 4000);
    EstimationSettings s = w.settings(ControlGroup.NOT_YET_TREATED, 0, 3).withBuckets(128, EstimationSettings.hashedBucket(128, 7));
    double weightedError = 0;
    double unweightedError = 0;
    for (boolean weighted : new boolean[] {true, false}) {
      ErosionEstimator.Result r = new ErosionEstimator(s.withAttritionWeights(weighted))
          .apply(w.panel(spark), w.cohorts(spark), Map.of());
      for (Row row : Tables.rows(r.curve(), "all", "revenue")) {
        int e = row.getAs("event_time");
        double error = row.<Double>getAs("att") - truth(e);
        if (weighted) {
          weightedError += Math.abs(error);
          assertTrue(row.<Double>getAs("band_low") <= truth(e) && truth(e) <= row.<Double>getAs("band_high"),
              "e=" + e + " truth " + truth(e) + ": " + row);
        } else {
          unweightedError += Math.abs(error);
        }
      }
    }
    // Unweighted controls are too rich in leavers: the erosion of activity looks smaller than it is.
    assertTrue(unweightedError > 2 * weightedError, "unweighted " + unweightedError + " vs weighted " + weightedError);
  }

  @Test
  void weightedInfluenceFunctionAgreesWithTheJackknifeWhereLeaversAbound() {
    // The jackknife re-estimates the hazards, and so the weights, without each customer in turn.
    World w = leavers(32, 300);
    BruteForce weighted = new BruteForce(w, ControlGroup.NOT_YET_TREATED, true);
    int n = w.customers.size();
    for (int e = 1; e <= 3; e++) {
      double[] leaveOneOut = new double[n];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        leaveOneOut[i] = weighted.eventStudy(e, i);
        mean += leaveOneOut[i] / n;
      }
      double jackknife = 0;
      for (double x : leaveOneOut) jackknife += (x - mean) * (x - mean) * (n - 1) / n;
      double influence = BruteForce.sumOfSquares(weighted.eventInfluence(e));
      assertEquals(1, influence / jackknife, 0.05, "e=" + e);
    }
  }

  @Test
  void hazardsAreFirstTreatmentsAmongThoseReachableAndUntreatedWithTheirInfluencePerBucket() {
    TreatmentHazards h = new TreatmentHazards(4, 2);
    h.add("all", 0, 0, false, 2);   // leave in week 0
    h.add("all", 1, 1, true, 2);    // first treated in week 1 (bucket 1)
    h.add("all", 0, 1, false, 3);   // leave in week 1
    h.add("all", 0, 3, true, 1);    // first treated in week 3
    h.add("all", 0, 3, false, 2);   // never treated, never leave
    // At risk 10, 8, 3, 3; first treated 0, 2, 0, 1: h = 0, 1/4, 0, 1/3.
    assertArrayEquals(new double[] {0, -Math.log(0.75), -Math.log(0.75), -Math.log(0.75) - Math.log(2 / 3.0)},
        h.cumulative("all"), 1e-15);
    // Week 1, per bucket (E_b - h R_b) / R: bucket 0 (0 - 6/4) / 8, bucket 1 (2 - 2/4) / 8.
    assertArrayEquals(new double[] {-0.1875, 0.1875}, h.influence("all", 1), 1e-15);
  }
}
