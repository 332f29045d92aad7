package com.trustlens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.testing.SharedSpark;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The erosion curve and summary: planted effects recovered, planted pre-trends caught, small cells hidden. */
@ExtendWith(SharedSpark.class)
class EventStudyTest {
  private final SparkSession spark;

  EventStudyTest(SparkSession spark) {
    this.spark = spark;
  }

  static double effect(int e) {
    return e < 0 ? 0 : -2 - 0.5 * e;
  }

  /**
   * 600 customers over 10 weeks, cohorts 3, 5, 7 and never. Gold customers trend up 2 a week,
   * silver ones not, and gold customers are more often treated: only trends conditional on the
   * stratum are parallel. Effect -2 - 0.5 e from the exposure on; {@code drift} adds a pre-trend
   * to the treated.
   */
  static World world(long seed, double drift) {
    Random r = new Random(seed);
    World w = new World(10);
    Integer[] cohorts = {3, 5, 7, null};
    for (int i = 0; i < 600; i++) {
      boolean gold = r.nextDouble() < 0.5;
      Integer g = r.nextDouble() < (gold ? 0.8 : 0.4) ? cohorts[r.nextInt(3)] : null;
      double level = 30 * r.nextDouble();
      double[] y = new double[10];
      for (int t = 0; t < 10; t++) {
        double pre = g != null && t < g ? drift * (t - g) : 0;
        y[t] = level + (gold ? 2 * t : 0) + 4 * r.nextGaussian() + (g == null ? 0 : effect(t - g)) + pre;
      }
      w.add(g, null, null, null, g == null ? null : "k" + g, 1, gold ? "segment=gold" : "segment=silver", y);
    }
    return w;
  }

  private ErosionEstimator.Result estimate(World w, EstimationSettings s) {
    return new ErosionEstimator(s).apply(w.panel(spark), w.cohorts(spark), Map.of());
  }

  private static EstimationSettings hashed(World w) {
    return w.settings(ControlGroup.NOT_YET_TREATED, 3, 4).withBuckets(64, EstimationSettings.hashedBucket(64, 7));
  }

  @Test
  void plantedErosionLiesInsideTheUniformBandAndThePlaceboDoesNotReject() {
    ErosionEstimator.Result r = estimate(world(21, 0), hashed(world(21, 0)));
    List<Row> curve = Tables.rows(r.curve(), "all", "revenue");
    assertEquals(8, curve.size());
    double cumulative = 0;
    for (Row row : curve) {
      int e = row.getAs("event_time");
      double lo = row.getAs("band_low");
      double hi = row.getAs("band_high");
      assertTrue(lo <= effect(e) && effect(e) <= hi, "e=" + e + ": " + row);
      assertTrue(hi - lo >= row.<Double>getAs("ci_high") - row.<Double>getAs("ci_low"), "band wider than the interval");
      if (e >= 0) cumulative += row.<Double>getAs("att");
    }
    Row summary = Tables.only(Tables.rows(r.summary(), "all", "revenue"), x -> true);
    // No pre-trend is planted: the placebo should not reject at 0.1 % (this world gives p = 0.005).
    assertTrue(summary.<Double>getAs("pretrend_p_value") > 0.001, summary.toString());
    assertEquals(3, summary.<Integer>getAs("pretrend_df"));
    assertEquals(cumulative, summary.<Double>getAs("cumulative_effect"), 1e-9);
    assertEquals(Tables.only(curve, x -> x.<Integer>getAs("event_time") == 0).<Double>getAs("att"),
        summary.<Double>getAs("short_term_effect"), 1e-12);
    assertTrue(summary.<Double>getAs("p_value") < 1e-6, summary.toString());
    assertNull(summary.getAs("recovery_event_time"), "the planted erosion lasts to the horizon");
  }

  @Test
  void plantedPreTrendIsCaughtByThePlaceboTest() {
    World w = world(22, 0.8);
    Row summary = Tables.only(Tables.rows(estimate(w, hashed(w)).summary(), "all", "revenue"), x -> true);
    assertTrue(summary.<Double>getAs("pretrend_p_value") < 0.001, summary.toString());
  }

  @Test
  void smallCellsAreHiddenNotDropped() {
    World w = new World(4)
        .add(1, null, null, null, "k1", 1, "all", 10, 20, 30, 30)
        .add(1, null, null, null, "k1", 3, "all", 20, 20, 40, 50)
        .add(2, null, null, null, "k2", 1, "all", 10, 10, 20, 10)
        .add(null, null, "all", 10, 10, 10, 20)
        .add(null, null, "all", 0, 10, 20, 20);
    EstimationSettings three = new EstimationSettings(World.WEEKS, World.START, 4, ControlGroup.NOT_YET_TREATED,
        List.of("revenue"), 1, 1, 0.95, 99, 7, 5, 3, org.apache.spark.sql.functions.col("customer_key").substr(2, 10).cast("int"),
        false, 0);
    ErosionEstimator.Result r = estimate(w, three);
    Map<String, Row> cells = Tables.byCell(r.attGt(), "all", "revenue");
    assertEquals(6, cells.size());
    for (Row cell : cells.values()) {
      assertTrue(cell.<Boolean>getAs("suppressed"), cell.toString());
      assertNull(cell.getAs("att"));
      assertNull(cell.getAs("ci_low"));
    }
    assertEquals(2L, cells.get("1,1").<Long>getAs("n_treated"));
    List<Row> curve = Tables.rows(r.curve(), "all", "revenue");
    // e=0 pools cohorts 1 and 2: 3 treated and 3 + 2 control pairs, so it is shown.
    Row e0 = Tables.only(curve, x -> x.<Integer>getAs("event_time") == 0);
    assertEquals(3L, e0.<Long>getAs("n_treated"));
    // (1,1) = 5 - 10/3 for 2 treated, (2,2) = 5 for 1: weighted by cohort size.
    assertEquals((2 * (5 - 10.0 / 3) + 5) / 3, e0.<Double>getAs("att"), 1e-9);
    // The dose=3+ breakdown holds B alone: every row of it is hidden.
    assertTrue(Tables.rows(r.curve(), "dose=3+", "revenue").stream()
        .allMatch(x -> x.getAs("att") == null), "dose=3+ rows");
  }

  @Test
  void doseBreakdownsSplitTheTreatedAndKeepTheControls() {
    World w = new World(4)
        .add(1, null, null, null, "k1", 1, "all", 10, 20, 30, 30)
        .add(1, null, null, null, "k1", 4, "all", 20, 20, 40, 50)
        .add(2, null, null, null, "k2", 2, "all", 10, 10, 20, 10)
        .add(null, null, "all", 10, 10, 10, 20)
        .add(null, null, "all", 0, 10, 20, 20);
    ErosionEstimator.Result r = estimate(w, w.settings(ControlGroup.NOT_YET_TREATED, 1, 1));
    // (1,1): controls C 0, D 0, E +10 -> 10/3 for every dose; A (1 exposure) +10, B (4) 0.
    assertEquals(10 - 10.0 / 3, Tables.byCell(r.attGt(), "dose=1", "revenue").get("1,1").<Double>getAs("att"), 1e-9);
    assertEquals(-10.0 / 3, Tables.byCell(r.attGt(), "dose=3+", "revenue").get("1,1").<Double>getAs("att"), 1e-9);
    assertEquals(List.of("2,1", "2,2", "2,3"), List.copyOf(Tables.byCell(r.attGt(), "dose=2", "revenue").keySet()));
    // Without strata the breakdowns are all and the doses.
    assertEquals(List.of("all", "dose=1", "dose=2", "dose=3+"), r.summary().select("breakdown").distinct()
        .orderBy("breakdown").collectAsList().stream().map(x -> x.getString(0)).toList());
  }

  @Test
  void holmAdjustsAcrossTheFamilyAndSkipsMissingValues() {
    List<Double> adjusted = Inference.holm(Arrays.asList(0.01, null, 0.04, 0.03));
    // sorted 0.01, 0.03, 0.04 -> 3 x 0.01, max(0.03, 2 x 0.03), max(0.06, 1 x 0.04)
    assertEquals(Arrays.asList(0.03, null, 0.06, 0.06), adjusted);
  }

  /**
   * 20 customers first exposed in week 4 and 40 never exposed, complaints (absorbing) from week 5 for
   * four of the treated, from week 2 for four controls and from week 6 for two more. At the arms'
   * pooled rate the smaller arm (20) expects per event time: e=-2 (weeks 1 to 2) 20 x 4/60 = 1.33,
   * e=-1 and e=0 nothing, e=1 (weeks 3 to 5) 1.33, e=2 and e=3 (weeks 3 to 6, 7) 20 x 6/60 = 2.
   */
  private static World complaints() {
    World w = new World(8);
    for (int i = 0; i < 60; i++) {
      boolean treated = i < 20;
      int from = treated ? (i < 4 ? 5 : 99) : (i < 24 ? 2 : i < 26 ? 6 : 99);
      double[] y = new double[8];
      for (int t = 0; t < 8; t++) y[t] = t >= from ? 1 : 0;
      w.add(treated ? 4 : null, null, "segment=gold", y);
    }
    return w;
  }

  @Test
  void absorbingMetricEstimatesOnTooFewExpectedEventsAreSuppressed() {
    World w = complaints();
    EstimationSettings s = w.settings(ControlGroup.NEVER_TREATED, 2, 3).withMetrics(List.of("complained", "revenue"));
    ErosionEstimator.Result r = estimate(w, s.withMinExpectedEvents(2));
    Map<Integer, Row> curve = new HashMap<>();
    Tables.rows(r.curve(), "all", "complained").forEach(x -> curve.put(x.getAs("event_time"), x));
    for (int e : new int[] {-2, -1, 0, 1}) {
      assertTrue(curve.get(e).<Boolean>getAs("suppressed"), "e=" + e + " expects under 2 events: " + curve.get(e));
      assertNull(curve.get(e).getAs("att"), "e=" + e);
    }
    // e=2: treated 4/20 minus controls 2/40 (weeks 3 to 6).
    assertFalse(curve.get(2).<Boolean>getAs("suppressed"));
    assertEquals(4.0 / 20 - 2.0 / 40, curve.get(2).<Double>getAs("att"), 1e-12);
    Row summary = Tables.only(Tables.rows(r.summary(), "all", "complained"), x -> true);
    // Overall: the post cells expect 0 + 1.33 + 2 + 2 = 5.33 events, enough; no pre-period estimate is.
    assertFalse(summary.<Boolean>getAs("suppressed"));
    assertNull(summary.getAs("pretrend_p_value"));
    assertNull(summary.getAs("short_term_effect"));
    Map<String, Row> cells = Tables.byCell(r.attGt(), "all", "complained");
    assertTrue(cells.get("4,5").<Boolean>getAs("suppressed"));
    assertFalse(cells.get("4,6").<Boolean>getAs("suppressed"));
    // Revenue is not absorbing: nothing of it is hidden for want of events.
    assertTrue(Tables.rows(r.curve(), "all", "revenue").stream().noneMatch(x -> x.<Boolean>getAs("suppressed")));

    // With the rule off every estimate shows, and the pre-period one with a variance enters the test.
    ErosionEstimator.Result all = estimate(w, s.withMinExpectedEvents(0));
    assertTrue(Tables.rows(all.curve(), "all", "complained").stream().noneMatch(x -> x.<Boolean>getAs("suppressed")));
    assertNotNull(Tables.only(Tables.rows(all.summary(), "all", "complained"), x -> true).getAs("pretrend_p_value"));
  }
}
