package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.estimate.GroupTimeEffects.CellEffect;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distributed sufficient-statistics estimator against a customer-by-customer computation on a
 * random world: equal point estimates, equal variances with one customer per bucket, close ones
 * with a few hashed buckets, and an influence function that agrees with the jackknife.
 */
@ExtendWith(SharedSpark.class)
class EstimatorAgreementTest {
  private static final double EXACT = 1e-9;
  private final SparkSession spark;

  EstimatorAgreementTest(SparkSession spark) {
    this.spark = spark;
  }

  /** 150 customers over 8 weeks: cohorts 2, 3, 5 and never, two strata, some exits, noisy revenue. */
  static World randomWorld(long seed) {
    Random r = new Random(seed);
    World w = new World(8);
    Integer[] cohorts = {2, 3, 5, null};
    for (int i = 0; i < 150; i++) {
      Integer g = cohorts[r.nextInt(4)];
      Integer exit = r.nextDouble() < 0.2 ? r.nextInt(8) : null;
      double level = 20 * r.nextDouble();
      double[] y = new double[8];
      for (int t = 0; t < 8; t++) {
        y[t] = level + t + 5 * r.nextGaussian() + (g != null && t >= g ? -3 : 0);
      }
      w.add(g, exit, null, null, g == null ? null : "k" + g, 1 + r.nextInt(4), r.nextBoolean() ? "segment=gold" : "segment=silver", y);
    }
    return w;
  }

  private EventStudy.Result internals(World w, EstimationSettings s) {
    SufficientStatistics pass = new SufficientStatistics(s);
    Map<String, StudyDesign> designs = Map.of(World.TREATMENT, new BruteForce(w, s.controlGroup()).design());
    Map<String, TreatmentHazards> hazards = s.attritionWeights()
        ? new AttritionWeights(s).hazards(w.cohorts(spark)) : AttritionWeights.none();
    Dataset<Row> sums = new ClassSums(s, s.metrics()).of(w.panel(spark), w.cohorts(spark));
    CellStatistics stats = pass.collect(sums, designs, hazards).get(World.TREATMENT);
    EventStudy study = new EventStudy(s, stats, new MultiplierBootstrap(99, s.buckets(), 1),
        new Inference(stats.occupiedBuckets(), s.confidence()));
    return study.run(Breakdown.of(stats.strata()).get(0), 0);
  }

  @Test
  void pointEstimatesAndExactVariancesEqualTheCustomerLevelComputation() {
    World w = randomWorld(11);
    for (ControlGroup group : List.of(ControlGroup.NOT_YET_TREATED, ControlGroup.NEVER_TREATED)) {
      for (boolean weighted : new boolean[] {false, true}) {
        String what = group + (weighted ? " weighted" : "");
        BruteForce reference = new BruteForce(w, group, weighted);
        EventStudy.Result r = internals(w, w.settings(group, 3, 3).withAttritionWeights(weighted));
        for (CellEffect c : r.cells()) {
          GroupTimeCell cell = reference.design().cells().get(c.cell());
          assertEquals(reference.att(cell, -1), c.estimate().att(), EXACT, what + " " + cell);
          assertEquals(BruteForce.sumOfSquares(reference.influence(cell)), c.estimate().variance(), EXACT, what + " " + cell);
        }
        for (int e = -3; e <= 3; e++) {
          Estimate curve = r.curve().get(e).estimate();
          assertEquals(reference.eventStudy(e, -1), curve.att(), EXACT, what + " e=" + e);
          assertEquals(BruteForce.sumOfSquares(reference.eventInfluence(e)), curve.variance(), EXACT, what + " e=" + e);
        }
      }
    }
  }

  @ParameterizedTest(name = "attrition weights {0}")
  @ValueSource(booleans = {false, true})
  void influenceFunctionVarianceAgreesWithTheJackknife(boolean weighted) {
    World w = randomWorld(12);
    BruteForce reference = new BruteForce(w, ControlGroup.NOT_YET_TREATED, weighted);
    int n = w.customers.size();
    for (int e : new int[] {-2, 0, 2}) {
      double[] leaveOneOut = new double[n];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        leaveOneOut[i] = reference.eventStudy(e, i);
        mean += leaveOneOut[i] / n;
      }
      double jackknife = 0;
      for (double x : leaveOneOut) jackknife += (x - mean) * (x - mean) * (n - 1) / n;
      double influence = BruteForce.sumOfSquares(reference.eventInfluence(e));
      // The two agree to first order; the jackknife runs a little larger in small samples, and with weights
      // it also sees the estimation of the treatment hazards, which the influence function takes as known.
      assertEquals(1, influence / jackknife, 0.08, "e=" + e + ": IF " + influence + " vs jackknife " + jackknife);
    }
  }

  @Test
  void hashedBucketsGiveVariancesCloseToTheExactOnes() {
    World w = randomWorld(13);
    EstimationSettings exact = w.settings(ControlGroup.NOT_YET_TREATED, 3, 3);
    EventStudy.Result own = internals(w, exact);
    EventStudy.Result hashed = internals(w, exact.withBuckets(32, EstimationSettings.hashedBucket(32, 7)));
    double ratios = 0;
    for (int i = 0; i < own.cells().size(); i++) {
      assertEquals(own.cells().get(i).estimate().att(), hashed.cells().get(i).estimate().att(), EXACT);
      ratios += hashed.cells().get(i).estimate().variance() / own.cells().get(i).estimate().variance();
    }
    // One cell's bucket variance has a relative spread of about sqrt(2/32) = 25 %; their mean is tighter,
    // centred on 1 - 1/32 (a random split of mean-zero terms).
    double mean = ratios / own.cells().size();
    assertEquals(1 - 1.0 / 32, mean, 0.1, "mean ratio of bucketed to exact variance over " + own.cells().size() + " cells");
  }

  @Test
  void randomBucketsAreUnbiasedForTheExactVarianceUpToOneOverB() {
    World w = randomWorld(14);
    double[] phi = new BruteForce(w, ControlGroup.NOT_YET_TREATED).eventInfluence(1);
    double exact = BruteForce.sumOfSquares(phi);
    Random r = new Random(3);
    int buckets = 16;
    double mean = 0;
    int draws = 4000;
    for (int d = 0; d < draws; d++) {
      double[] sums = new double[buckets];
      for (double p : phi) sums[r.nextInt(buckets)] += p;
      mean += BruteForce.sumOfSquares(sums) / draws;
    }
    assertEquals(1 - 1.0 / buckets, mean / exact, 0.02);
    assertTrue(mean < exact);
  }
}
