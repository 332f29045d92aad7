package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.trustlens.config.ControlGroup;
import com.trustlens.estimate.CampaignEventStudies.CampaignStudy;
import com.trustlens.testing.SharedSpark;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event study of the customers one campaign exposed first equals the event study run by hand
 * on a world where the other campaigns' first-exposed customers of the same cohort are removed.
 */
@ExtendWith(SharedSpark.class)
class CampaignEventStudiesTest {
  private static final double EXACT = 1e-9;
  private static final int HORIZON = 3;
  private final SparkSession spark;

  CampaignEventStudiesTest(SparkSession spark) {
    this.spark = spark;
  }

  /** Campaigns a and b both open cohort 2 (a erodes revenue by 4, b by 1), c opens cohort 4; a third never treated. */
  private static World world(Predicate<String> keepCampaign) {
    Random r = new Random(5);
    World w = new World(8);
    String[] campaigns = {"a", "b", "c", null};
    Integer[] cohorts = {2, 2, 4, null};
    double[] effects = {-4, -1, -2, 0};
    for (int i = 0; i < 160; i++) {
      int k = r.nextInt(4);
      boolean gold = r.nextBoolean();
      double level = 20 * r.nextDouble();
      double[] y = new double[8];
      for (int t = 0; t < 8; t++) {
        y[t] = level + (gold ? t : 0) + 3 * r.nextGaussian() + (cohorts[k] != null && t >= cohorts[k] ? effects[k] : 0);
      }
      if (campaigns[k] == null || keepCampaign.test(campaigns[k])) {
        w.add(cohorts[k], null, null, null, campaigns[k], 1, gold ? "segment=gold" : "segment=silver", y);
      }
    }
    return w;
  }

  private Map<String, CampaignStudy> studies(World w, ControlGroup group, int from) {
    return new CampaignEventStudies(w.settings(group, 2, HORIZON)).apply(w.panel(spark), w.cohorts(spark),
        World.TREATMENT, from);
  }

  private ErosionEstimator.Result byHand(World w, ControlGroup group) {
    return new ErosionEstimator(w.settings(group, 2, HORIZON)).apply(w.panel(spark), w.cohorts(spark), Map.of());
  }

  @Test
  void effectAtHorizonIsTheGroupTimeEffectOfTheCampaignsCustomersAlone() {
    World full = world(c -> true);
    CampaignStudy a = studies(full, ControlGroup.NOT_YET_TREATED, 1).get("a");
    Map<String, Row> cells = Tables.byCell(byHand(world(c -> !c.equals("b")), ControlGroup.NOT_YET_TREATED).attGt(),
        "all", "revenue");
    Row atHorizon = cells.get("2," + (2 + HORIZON));
    assertEquals(atHorizon.<Double>getAs("att"), a.atHorizon().get("revenue").att(), EXACT);
    assertEquals(atHorizon.<Double>getAs("se"), a.atHorizon().get("revenue").se(), EXACT);
    assertEquals(atHorizon.<Long>getAs("n_treated"), a.treated());
    assertEquals(atHorizon.<Long>getAs("n_control"), a.controls());
    double sum = 0;
    for (int e = 1; e <= HORIZON; e++) sum += cells.get("2," + (2 + e)).<Double>getAs("att");
    assertEquals(sum, a.cumulative().get("revenue").att(), EXACT);
    long firstExposed = full.customers.stream().filter(c -> "a".equals(c.firstCampaign())).count();
    assertEquals(firstExposed, a.firstExposed());
    // The planted effects differ: a's own estimate is not the cohort's blend of a and b.
    assertEquals(-4, a.atHorizon().get("revenue").att(), 1.5);
    assertEquals(-1, studies(full, ControlGroup.NOT_YET_TREATED, 1).get("b").atHorizon().get("revenue").att(), 1.5);
  }

  @Test
  void cumulativeEffectAndItsStandardErrorEqualTheEventStudyOfTheCampaignAlone() {
    // With never-treated controls, c's customers play no role in cohort 2: removing them and b's
    // leaves a's cohort alone, whose event study is a's.
    CampaignStudy a = studies(world(c -> true), ControlGroup.NEVER_TREATED, 0).get("a");
    ErosionEstimator.Result alone = byHand(world(c -> c.equals("a")), ControlGroup.NEVER_TREATED);
    Row summary = Tables.only(Tables.rows(alone.summary(), "all", "opened"), x -> true);
    assertEquals(summary.<Double>getAs("cumulative_effect"), a.cumulative().get("opened").att(), EXACT);
    assertEquals(summary.<Double>getAs("cumulative_se"), a.cumulative().get("opened").se(), EXACT);
    assertEquals(summary.<Double>getAs("effect_at_horizon"), a.atHorizon().get("opened").att(), EXACT);
    assertFalse(a.cumulative().get("opened").att() == 0);
  }

  @Test
  void campaignsWhoseCohortHasNoBasePeriodOrNoHorizonYetHaveNoEffect() {
    World w = new World(4);
    Random r = new Random(3);
    for (int i = 0; i < 40; i++) {
      double[] y = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
      Integer g = i % 4 == 0 ? Integer.valueOf(0) : i % 4 == 1 ? Integer.valueOf(2) : null;
      w.add(g, null, null, null, i % 4 == 0 ? "first" : i % 4 == 1 ? "late" : null,
          1, "all", y);
    }
    Map<String, CampaignStudy> s = studies(w, ControlGroup.NOT_YET_TREATED, 1);
    assertEquals(0, s.get("first").firstExposed(), "cohort 0 is dropped: no period before it");
    assertFalse(s.get("first").atHorizon().containsKey("revenue"));
    assertEquals(10, s.get("late").firstExposed());
    assertFalse(s.get("late").atHorizon().containsKey("revenue"), "2 + horizon is after the window");
    assertFalse(s.get("late").cumulative().containsKey("revenue"));
  }
}
