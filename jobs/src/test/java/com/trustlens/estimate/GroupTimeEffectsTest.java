package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ATT(g,t) on worlds small enough to compute with a pencil. */
@ExtendWith(SharedSpark.class)
class GroupTimeEffectsTest {
  private static final double EXACT = 1e-9;
  private final SparkSession spark;

  GroupTimeEffectsTest(SparkSession spark) {
    this.spark = spark;
  }

  /** Revenue over weeks 0..3: A, B first exposed in week 1, C in week 2, D and E never. */
  private static World twoCohorts() {
    return new World(4)
        .add(1, null, "all", 10, 20, 30, 30)   // A
        .add(1, null, "all", 20, 20, 40, 50)   // B
        .add(2, null, "all", 10, 10, 20, 10)   // C
        .add(null, null, "all", 10, 10, 10, 20) // D
        .add(null, null, "all", 0, 10, 20, 20); // E
  }

  private Map<String, Row> attGt(World w, ControlGroup group) {
    ErosionEstimator.Result r = new ErosionEstimator(w.settings(group, 2, 2))
        .apply(w.panel(spark), w.cohorts(spark), Map.of());
    return Tables.byCell(r.attGt(), "all", "revenue");
  }

  private static double att(Map<String, Row> cells, String cell) {
    return cells.get(cell).<Double>getAs("att");
  }

  @Test
  void twoCohortsWithNotYetTreatedControlsGiveTheHandComputedEffects() {
    Map<String, Row> cells = attGt(twoCohorts(), ControlGroup.NOT_YET_TREATED);
    // g=1 has no pre-period cell (week 0 has no week before it); g=2 has one, from week 0 to 1.
    assertEquals(List.of("1,1", "1,2", "1,3", "2,1", "2,2", "2,3"), List.copyOf(cells.keySet()));
    // (1,1), base 0: treated A +10, B 0 -> 5; controls not treated by week 1: C 0, D 0, E +10 -> 10/3.
    assertEquals(5 - 10.0 / 3, att(cells, "1,1"), EXACT);
    // (1,2), base 0: A +20, B +20 -> 20; C is treated in week 2, so controls D 0, E +20 -> 10.
    assertEquals(10, att(cells, "1,2"), EXACT);
    // (1,3), base 0: A +20, B +30 -> 25; D +10, E +20 -> 15.
    assertEquals(10, att(cells, "1,3"), EXACT);
    // (2,1) placebo, varying base 0 -> 1: C 0; A and B are treated by week 1: D 0, E +10 -> 5.
    assertEquals(-5, att(cells, "2,1"), EXACT);
    // (2,2), base 1: C +10; D 0, E +10 -> 5.
    assertEquals(5, att(cells, "2,2"), EXACT);
    // (2,3), base 1: C 0; D +10, E +10 -> 10.
    assertEquals(-10, att(cells, "2,3"), EXACT);
    assertEquals(2L, cells.get("1,1").<Long>getAs("n_treated"));
    assertEquals(3L, cells.get("1,1").<Long>getAs("n_control"));
    assertEquals(java.sql.Date.valueOf("2025-01-06"), cells.get("1,3").getAs("base_period"));
    assertEquals(java.sql.Date.valueOf("2025-01-13"), cells.get("2,1").getAs("period"));
  }

  @Test
  void neverTreatedControlsLeaveLaterCohortsOut() {
    Map<String, Row> cells = attGt(twoCohorts(), ControlGroup.NEVER_TREATED);
    // (1,1): controls are D 0 and E +10 only -> 5, against the treated 5.
    assertEquals(0, att(cells, "1,1"), EXACT);
    assertEquals(2L, cells.get("1,1").<Long>getAs("n_control"));
    // Later cells already had only never-treated controls: same as with not-yet-treated ones.
    assertEquals(10, att(cells, "1,2"), EXACT);
    assertEquals(-5, att(cells, "2,1"), EXACT);
  }

  @Test
  void controlWhoLeftBeforeTheCohortIsNotEligible() {
    // F unsubscribed in week 1: reachable at the start of week 1 (a control of g=1), not of g=2.
    World w = twoCohorts().add(null, 1, "all", 40, 40, 0, 0);
    Map<String, Row> cells = attGt(w, ControlGroup.NOT_YET_TREATED);
    // (1,1): controls C 0, D 0, E +10, F 0 -> 2.5; treated 5.
    assertEquals(2.5, att(cells, "1,1"), EXACT);
    // (1,2): controls D 0, E +20, F -40 -> -20/3; treated 20.
    assertEquals(20 + 20.0 / 3, att(cells, "1,2"), EXACT);
    // Cohort 2 is untouched by F.
    assertEquals(-5, att(cells, "2,1"), EXACT);
    assertEquals(5, att(cells, "2,2"), EXACT);
    assertEquals(-10, att(cells, "2,3"), EXACT);
    assertEquals(2L, cells.get("2,2").<Long>getAs("n_control"));
  }

  @Test
  void attritionWeightsMakeUpForControlsWhoCouldNoLongerBeTreated() {
    // F leaves after week 1; in week 2, 1 of the 3 customers still reachable and untreated (C, D, E)
    // is treated: h(2) = 1/3. D and E stayed untreated through week 2 with probability 2/3 (weight
    // 3/2); F could not be treated then (weight 1).
    World w = twoCohorts().add(null, 1, "all", 40, 40, 0, 0);
    ErosionEstimator.Result r = new ErosionEstimator(w.settings(ControlGroup.NOT_YET_TREATED, 2, 2).withAttritionWeights(true))
        .apply(w.panel(spark), w.cohorts(spark), Map.of());
    Map<String, Row> cells = Tables.byCell(r.attGt(), "all", "revenue");
    // (1,2): controls D 0 and E +20 weigh 1.5, F -40 weighs 1: (0 + 30 - 40) / 4 = -2.5; treated 20.
    assertEquals(22.5, att(cells, "1,2"), EXACT);
    assertEquals(3L, cells.get("1,2").<Long>getAs("n_control"));
    // (1,1): nobody's horizon is after g, so nothing changes: 5 - 2.5.
    assertEquals(2.5, att(cells, "1,1"), EXACT);
    // (1,3): h(3) = 0 (nobody is first treated in week 3): D, E still 1.5, F 1: (15 + 30 - 40) / 4; treated 25.
    assertEquals(25 - 5 / 4.0, att(cells, "1,3"), EXACT);
    // Cohort 2 has no leaver among its controls: a common weight changes nothing.
    assertEquals(5, att(cells, "2,2"), EXACT);
  }

  /** One cohort in week 1 over two weeks; changes 0 -> 1 shown per customer. */
  private static World strata() {
    return new World(2)
        .add(1, null, "segment=gold", 0, 10)      // treated gold +10
        .add(1, null, "segment=gold", 0, 20)      // treated gold +20
        .add(1, null, "segment=silver", 10, 10)   // treated silver 0
        .add(null, null, "segment=gold", 5, 10)   // control gold +5
        .add(null, null, "segment=silver", 20, 10) // control silver -10
        .add(null, null, "segment=silver", 0, 0); // control silver 0
  }

  @Test
  void strataWeighTheirEffectsByTheCohortsTreatedCustomers() {
    ErosionEstimator.Result r = new ErosionEstimator(strata().settings(ControlGroup.NEVER_TREATED, 0, 0))
        .apply(strata().panel(spark), strata().cohorts(spark), Map.of());
    // gold: 15 - 5 = 10; silver: 0 - (-5) = 5; weighted by treated 2:1 -> 25/3
    // (unconditional would be 10 - (-5/3) = 35/3).
    assertEquals(25.0 / 3, att(Tables.byCell(r.attGt(), "all", "revenue"), "1,1"), EXACT);
    assertEquals(10, att(Tables.byCell(r.attGt(), "segment=gold", "revenue"), "1,1"), EXACT);
    assertEquals(5, att(Tables.byCell(r.attGt(), "segment=silver", "revenue"), "1,1"), EXACT);
  }

  @Test
  void stratumWithoutControlsIsLeftOutAndNamed() {
    World w = strata().add(1, null, "segment=bronze", 0, 100);
    ErosionEstimator.Result r = new ErosionEstimator(w.settings(ControlGroup.NEVER_TREATED, 0, 0))
        .apply(w.panel(spark), w.cohorts(spark), Map.of());
    Row cell = Tables.byCell(r.attGt(), "all", "revenue").get("1,1");
    assertEquals(25.0 / 3, cell.<Double>getAs("att"), EXACT);
    assertEquals(3L, cell.<Long>getAs("n_treated"));
    assertEquals(List.of("segment=bronze"), cell.getList(cell.fieldIndex("strata_without_controls")));
    Row bronze = Tables.byCell(r.attGt(), "segment=bronze", "revenue").get("1,1");
    assertNull(bronze.getAs("att"));
    assertFalse(bronze.<Boolean>getAs("suppressed"));
    Row summary = Tables.only(Tables.rows(r.summary(), "all", "revenue"), x -> true);
    assertEquals(List.of("segment=bronze"), summary.getList(summary.fieldIndex("strata_without_controls")));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("1 cohorts")), r.notes().toString());
  }
}
