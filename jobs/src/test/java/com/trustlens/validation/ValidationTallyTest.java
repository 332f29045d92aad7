package com.trustlens.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTallyTest {
  private static ValidationTally.Point point(int e, double truth, double att, double se) {
    return new ValidationTally.Point("opened", e, truth, att, se, att - 2 * se, att + 2 * se, att - 3 * se, att + 3 * se);
  }

  @Test
  void biasRmseCoverageAndRatesAreTheirDefinitions() {
    ValidationTally tally = new ValidationTally();
    // e=0, truth -1: estimates -0.8 (covered: [-1.0, -0.6]), -1.5 (not: [-1.7, -1.3]).
    tally.add("opened", List.of(point(-1, 0, 0.05, 0.1), point(0, -1, -0.8, 0.1)), 0.01);
    tally.add("opened", List.of(point(-1, 0, -0.05, 0.1), point(0, -1, -1.5, 0.1)), 0.5);
    ValidationTally.Cell e0 = tally.cells().get(1);
    assertEquals(0, e0.eventTime());
    assertEquals(((-0.8 + 1) + (-1.5 + 1)) / 2, e0.bias(), 1e-12);
    assertEquals(Math.sqrt((0.04 + 0.25) / 2), e0.rmse(), 1e-12);
    assertEquals(0.5, e0.coverage());
    assertEquals(0.1, e0.meanSe(), 1e-12);
    assertEquals(Math.sqrt(2 * 0.35 * 0.35), e0.sdEstimate(), 1e-12);
    // Bands +-0.3: rep 1 covers both points, rep 2 misses e=0 (-1.5 +- 0.3).
    assertEquals(0.5, tally.bandCoverage("opened"));
    assertEquals(0.5, tally.placeboRejection("opened"));
    assertEquals(1.0, tally.pooledCoverage("opened", false));
    assertEquals(0.5, tally.pooledCoverage("opened", true));
  }

  @Test
  void aMetricWithoutPrePeriodEstimatesReadsNotApplicableAndLabelErrorsAddUp() {
    ValidationTally tally = new ValidationTally();
    tally.add("active", List.of(new ValidationTally.Point("active", 1, -0.01, -0.012, 0.005, -0.022, -0.002, -0.03, 0.006)), null);
    tally.addLabelErrors(new ValidationTally.LabelErrors(2, 0, 17));
    tally.addLabelErrors(new ValidationTally.LabelErrors(1, 1, 16));
    // No pre-period point and no placebo test: n/a rather than NaN; post coverage 1 of 1.
    assertEquals("| active | n/a | 1.000 | 1.000 | n/a |", ValidationReport.summary(tally).lines().toList().get(2));
    assertEquals(new ValidationTally.LabelErrors(3, 1, 33), tally.labelErrors());
  }
}
