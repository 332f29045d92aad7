package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The uniform band's critical value on hand-built influence functions. */
class MultiplierBootstrapTest {
  private static final int BUCKETS = 40;

  // All of the error in one bucket: every replicate's |z| / se is |V_b|, i.e. 0.618 or 1.618.
  private static Estimate oneBucket() {
    double[] phi = new double[BUCKETS];
    phi[3] = 0.2;
    return new Estimate(0.1, phi);
  }

  // Error spread evenly over the buckets: |z| / se reaches well past 1.618 in some replicates.
  private static Estimate spread(double scale) {
    double[] phi = new double[BUCKETS];
    Arrays.fill(phi, scale);
    return new Estimate(0, phi);
  }

  @Test
  void aSingleEstimateConcentratedInOneBucketHasTheLargerMammenWeightAsCriticalValue() {
    MultiplierBootstrap bootstrap = new MultiplierBootstrap(999, BUCKETS, 7);
    assertEquals((1 + Math.sqrt(5)) / 2, bootstrap.criticalValue(List.of(oneBucket()), 0.95, 0), 1e-12);
  }

  @Test
  void anEstimateWhoseStandardErrorIsRoundingNoiseDoesNotWidenTheBand() {
    MultiplierBootstrap bootstrap = new MultiplierBootstrap(999, BUCKETS, 7);
    double alone = bootstrap.criticalValue(List.of(oneBucket()), 0.95, 0);
    assertTrue(bootstrap.criticalValue(List.of(oneBucket(), spread(0.05)), 0.95, 0) > alone + 0.2,
        "a real spread estimate widens the band");
    // A metric constant in a period: se exactly 0 on one machine, 1e-18 per bucket on another.
    assertEquals(alone, bootstrap.criticalValue(List.of(oneBucket(), spread(0)), 0.95, 0));
    assertEquals(alone, bootstrap.criticalValue(List.of(oneBucket(), spread(1e-18)), 0.95, 0));
  }

  @Test
  void noEstimateAboveRoundingGivesNoBandAndThePointwiseValueIsAFloor() {
    MultiplierBootstrap bootstrap = new MultiplierBootstrap(999, BUCKETS, 7);
    assertTrue(Double.isNaN(bootstrap.criticalValue(List.of(spread(1e-18)), 0.95, 1.96)));
    assertEquals(1.96, bootstrap.criticalValue(List.of(oneBucket()), 0.95, 1.96));
  }
}
