package com.trustlens.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.estimate.CampaignEventStudies;
import com.trustlens.estimate.CampaignEventStudies.CampaignStudy;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** campaign_impact on the hand fixture of {@link AuditFixture}: rates, lifts, the pond, the balance, small cells. */
@ExtendWith(SharedSpark.class)
class CampaignAuditTest {
  private static final double EXACT = 1e-12;
  private final SparkSession spark;
  private final AuditFixture fixture;

  CampaignAuditTest(SparkSession spark) {
    this.spark = spark;
    this.fixture = new AuditFixture(spark);
  }

  // The audit of each setting runs once for the class.
  private static final Map<String, Row> RUNS = new ConcurrentHashMap<>();

  private Row audit(int baselinePeriods, int minCellSize) {
    return RUNS.computeIfAbsent(baselinePeriods + "/" + minCellSize, k -> {
      List<Row> rows = new CampaignAudit(AuditFixture.settings(baselinePeriods, minCellSize), AuditFixture.estimation())
          .apply(fixture.inputs()).collectAsList();
      assertEquals(1, rows.size());
      return rows.get(0);
    });
  }

  private static double quantile(int occupiedBuckets) {
    return new TDistribution(occupiedBuckets - 1).inverseCumulativeProbability(0.975);
  }

  @Test
  void openRateBaselineAndLiftAreExactOnTheFixture() {
    Row r = audit(0, 1);
    assertEquals("d1", r.getAs("campaign_id"));
    assertEquals("offres@shop.fr", r.getAs("sender"));
    assertEquals(List.of("fake_apology.pardon_fr"), r.getList(r.fieldIndex("rules")));
    // Recipients A, B, C; A and C opened within 7 days (B after 8), A clicked and bought 30.
    assertEquals(3L, r.<Long>getAs("recipients"));
    assertEquals(2.0 / 3, r.getAs("open_rate"), EXACT);
    assertEquals(1.0 / 3, r.getAs("click_rate"), EXACT);
    assertEquals(10.0, r.getAs("revenue_per_recipient"), EXACT);
    // Baseline: h1 only (h2 is next week, h3 another address, h4 an sms): A, B, F, G; A and F opened, F clicked, A bought 10.
    assertEquals(1, r.<Integer>getAs("baseline_campaigns"));
    assertEquals(4L, r.<Long>getAs("baseline_deliveries"));
    assertEquals(4L, r.<Long>getAs("baseline_customers"));
    assertEquals(0.5, r.getAs("baseline_open_rate"), EXACT);
    assertEquals(0.25, r.getAs("baseline_click_rate"), EXACT);
    assertEquals(2.5, r.getAs("baseline_revenue_per_delivery"), EXACT);
    assertEquals(1.0 / 6, r.getAs("short_term_lift"), EXACT);
    assertEquals(1.0 / 12, r.getAs("click_lift"), EXACT);
    assertEquals(3 * (10 - 2.5), r.getAs("short_term_revenue"), EXACT);
    // Influence of each customer on the lift, (y - 2/3 n)/3 - (y' - 1/2 n')/4: A -1/72, B -7/72, C 8/72, F -9/72, G 9/72.
    double se = Math.sqrt(1 + 49 + 64 + 81 + 81) / 72;
    assertEquals(se, r.getAs("short_term_lift_se"), EXACT);
    assertEquals(1.0 / 6 - quantile(5) * se, r.getAs("short_term_lift_ci_low"), EXACT);
    assertEquals(1.0 / 6 + quantile(5) * se, r.getAs("short_term_lift_ci_high"), EXACT);
    assertFalse(r.<Boolean>getAs("suppressed"));
  }

  @Test
  void baselineWidensByPeriodsAroundTheCampaigns() {
    Row r = audit(1, 1);
    // h2 joins: A's second delivery, opened.
    assertEquals(2, r.<Integer>getAs("baseline_campaigns"));
    assertEquals(5L, r.<Long>getAs("baseline_deliveries"));
    assertEquals(4L, r.<Long>getAs("baseline_customers"));
    assertEquals(3.0 / 5, r.getAs("baseline_open_rate"), EXACT);
  }

  @Test
  void netRevenueIsTheCatchPlusThePondWithTheirCovariance() {
    Row r = audit(0, 1);
    CampaignStudy study = new CampaignEventStudies(AuditFixture.estimation())
        .apply(fixture.panel(), fixture.cohorts(), "deceptive_mail", 1).get("d1");
    assertEquals(3L, r.<Long>getAs("first_exposed"));
    assertEquals(9L, r.<Long>getAs("n_control"));
    assertEquals(study.atHorizon().get("opened").att(), r.getAs("long_term_effect"), EXACT);
    assertEquals(study.atHorizon().get("opened").se(), r.getAs("long_term_effect_se"), EXACT);
    double pond = 3 * study.cumulative().get("revenue").att();
    assertEquals(pond, r.getAs("long_term_revenue_effect"), EXACT);
    assertEquals(3 * study.cumulative().get("revenue").se(), r.getAs("long_term_revenue_effect_se"), EXACT);
    assertEquals(22.5 + pond, r.getAs("net_revenue_effect"), EXACT);
    // The catch's influence: 3 x [(y - 10 n)/3 - (y' - 2.5 n')/4]; A bought 30 and 10, the others nothing.
    double[] catchPart = new double[AuditFixture.BUCKETS];
    catchPart[0] = 3 * ((30 - 10) / 3.0 - (10 - 2.5) / 4);
    catchPart[1] = 3 * ((0 - 10) / 3.0 - (0 - 2.5) / 4);
    catchPart[2] = 3 * ((0 - 10) / 3.0);
    catchPart[5] = 3 * (-(0 - 2.5) / 4);
    catchPart[6] = 3 * (-(0 - 2.5) / 4);
    double[] pondPart = study.cumulative().get("revenue").influence();
    double v = 0;
    double independent = 0;
    for (int b = 0; b < AuditFixture.BUCKETS; b++) {
      v += Math.pow(catchPart[b] + 3 * pondPart[b], 2);
      independent += catchPart[b] * catchPart[b] + 9 * pondPart[b] * pondPart[b];
    }
    assertEquals(Math.sqrt(v), r.getAs("net_revenue_effect_se"), 1e-9);
    assertTrue(Math.abs(v - independent) > 1, "the fixture's two parts covary: " + v + " vs " + independent);
    // Planted: d1's customers lose 3 a week, over e = 1..2.
    assertEquals(-18, pond, 4);
    assertEquals(2, r.<Integer>getAs("horizon"));
    assertEquals(1, r.<Integer>getAs("revenue_from_event_time"));
  }

  @Test
  void smallCellsAreHiddenFlaggedAndTheRowKept() {
    // min 4: 3 recipients and 3 first-exposed are too few; the 4 baseline customers are not.
    Row r = audit(0, 4);
    assertTrue(r.<Boolean>getAs("suppressed"));
    assertEquals(3L, r.<Long>getAs("recipients"));
    assertEquals(3L, r.<Long>getAs("first_exposed"));
    assertNull(r.getAs("open_rate"));
    assertEquals(0.5, r.getAs("baseline_open_rate"), EXACT);
    for (String c : List.of("short_term_lift", "short_term_lift_se", "click_lift", "short_term_revenue",
        "long_term_effect", "long_term_effect_ci_low", "long_term_revenue_effect", "net_revenue_effect",
        "net_revenue_effect_se")) {
      assertNull(r.getAs(c), c);
    }
    assertEquals(1, r.<Integer>getAs("net_effect_rank"));
  }

  @Test
  void everyEstimateHasAnIntervalAroundIt() {
    Row r = audit(0, 1);
    for (String c : List.of("short_term_lift", "click_lift", "short_term_revenue", "long_term_effect",
        "long_term_revenue_effect", "net_revenue_effect")) {
      double x = r.getAs(c);
      assertNotNull(r.getAs(c + "_se"), c);
      assertArrayEquals(new boolean[] {true, true}, new boolean[] {r.<Double>getAs(c + "_ci_low") < x,
          x < r.<Double>getAs(c + "_ci_high")}, c + ": " + r);
    }
  }
}
