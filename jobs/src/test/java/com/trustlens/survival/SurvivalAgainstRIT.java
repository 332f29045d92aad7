package com.trustlens.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.cohort.PanelCustomers;
import com.trustlens.config.Analysis;
import com.trustlens.config.ControlGroup;
import com.trustlens.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-check against the reference implementation: the subjects TrustLens builds in Spark are
 * written to CSV, R's survival package (survfit, survdiff, print(fit, rmean)) computes the same
 * statistics from them, and every figure must agree to 1e-9. R comes from Debian (r-base-core,
 * r-cran-survival), installed by jobs/src/test/scripts/system-packages.sh before this test runs.
 */
@ExtendWith(SharedSpark.class)
class SurvivalAgainstRIT {
  static final double TOL = 1e-9;
  private static final int HORIZON = 90;
  private static final double CONFIDENCE = 0.95;

  private final SparkSession spark;
  @TempDir Path dir;
  /** Largest absolute difference seen per statistic, printed for the record. */
  private final Map<String, Double> maxDiff = new TreeMap<>();

  SurvivalAgainstRIT(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void curvesTestsAndRestrictedMeansAgreeWithRSurvival() throws Exception {
    Analysis analysis = RCrossCheckData.analysis(HORIZON, CONFIDENCE);
    Dataset<Row> cohorts = RCrossCheckData.cohorts(spark);
    Dataset<Row> events = RCrossCheckData.events(spark);
    Survival survival = new Survival(analysis);
    Dataset<Row> subjects = survival.subjects(cohorts, events).cache();
    writeSubjects(subjects.collectAsList(), dir.resolve("subjects.csv"));
    Survival.Result result = survival.apply(cohorts, events);
    runR();

    List<Map<String, String>> rCurves = readCsv(dir.resolve("r_curves.csv"));
    Map<String, Map<String, String>> rTests = new HashMap<>();
    for (Map<String, String> r : readCsv(dir.resolve("r_tests.csv"))) {
      rTests.computeIfAbsent(r.get("outcome"), o -> new HashMap<>()).put(r.get("name"), r.get("value"));
    }
    
    RCrossCheckData.requireNonTrivial(rCurves, subjects);
    compareCurves(result.curve().collectAsList(), rCurves);
    compareTests(result.test().collectAsList(), rTests);
    compareUnstratifiedLogRank(new SurvivalCounts(true).apply(subjects).collectAsList(), rTests);
    System.out.println("survival vs R, max abs differences: " + maxDiff);
  }

  private void compareCurves(List<Row> curve, List<Map<String, String>> rCurves) {
    Map<String, Row> ours = new HashMap<>();
    for (Row r : curve) {
      String stratum = r.getAs("stratum");
      String group = stratum.equals(PanelCustomers.ALL) ? r.getAs("arm") : r.getAs("arm") + "|" + stratum;
      if (r.<Integer>getAs("day") > 0) ours.put(r.getAs("outcome") + "/" + group + "/" + r.getAs("day"), r);
    }
    assertEquals(rCurves.size(), ours.size(), "one curve row per R summary row (besides day 0)");
    for (Map<String, String> r : rCurves) {
      String key = r.get("outcome") + "/" + r.get("group") + "/" + r.get("time");
      Row row = ours.get(key);
      assertTrue(row != null, "no survival_curve row for R's " + key);
      assertEquals(Long.parseLong(r.get("n_risk")), (long) row.getAs("at_risk"), key);
      assertEquals(Long.parseLong(r.get("n_event")), (long) row.getAs("events"), key);
      assertEquals(Long.parseLong(r.get("n_censor")), (long) row.getAs("censored"), key);
      double s = row.getAs("survival");
      close("survival", r.get("surv"), s, key);
      close("std_err", r.get("std_err"), row.getAs("std_err"), key);
      // R leaves the interval NA where survival is 1 (log 1 = 0); ours is [1, 1] there.
      if (s == 1) {
        assertEquals("NA", r.get("lower"), key);
        assertEquals(1.0, row.<Double>getAs("ci_low"), key);
      } else {
        close("ci_low", r.get("lower"), row.getAs("ci_low"), key);
        close("ci_high", r.get("upper"), row.getAs("ci_high"), key);
      }
    }
  }

  private void compareTests(List<Row> tests, Map<String, Map<String, String>> rTests) {
    assertEquals(rTests.keySet().size(), tests.size());
    for (Row t : tests) {
      Map<String, String> r = rTests.get(t.<String>getAs("outcome"));
      String o = t.getAs("outcome");
      close("logrank_chi2 (stratified)", r.get("stratified_chi2"), t.getAs("logrank_chi2"), o);
      close("p_value (stratified)", r.get("stratified_p"), t.getAs("p_value"), o);
      for (String c : List.of("rmst_exposed", "rmst_exposed_se", "rmst_control", "rmst_control_se", "rmst_diff",
          "rmst_diff_se", "rmst_diff_ci_low", "rmst_diff_ci_high")) {
        close(c, r.get(c), t.getAs(c), o);
      }
      for (String c : List.of("n_exposed", "n_control", "events_exposed", "events_control")) {
        assertEquals((long) Double.parseDouble(r.get(c)), (long) t.<Long>getAs(c), o + " " + c);
      }
      assertEquals(2, (int) t.<Integer>getAs("logrank_strata"));
    }
  }

  private void compareUnstratifiedLogRank(List<Row> counts, Map<String, Map<String, String>> rTests) {
    Map<SurvivalTables.CurveKey, RiskTable> tables = SurvivalTables.riskTables(counts);
    for (String o : rTests.keySet()) {
      LogRankTest t = LogRankTest.of(List.of(new LogRankTest.Stratum(
          tables.get(new SurvivalTables.CurveKey("deceptive_mail", o, SurvivalSubjects.EXPOSED, PanelCustomers.ALL)),
          tables.get(new SurvivalTables.CurveKey("deceptive_mail", o, SurvivalSubjects.CONTROL, PanelCustomers.ALL)))));
      close("logrank_chi2", rTests.get(o).get("logrank_chi2"), t.chiSquare(), o);
      close("p_value", rTests.get(o).get("logrank_p"), t.pValue(), o);
    }
  }

  /** R's value and ours agree to TOL; R's NA/NaN must be our null (undefined) and vice versa. */
  private void close(String what, String r, Double ours, String where) {
    boolean rMissing = r.equals("NA") || r.equals("NaN") || r.equals("Inf");
    if (rMissing || ours == null) {
      assertTrue(rMissing && ours == null, what + " at " + where + ": R " + r + ", ours " + ours);
      return;
    }
    double diff = Math.abs(Double.parseDouble(r) - ours);
    maxDiff.merge(what, diff, Math::max);
    assertTrue(diff <= TOL, what + " at " + where + ": R " + r + ", ours " + ours + " (difference " + diff + ")");
  }

  private static void writeSubjects(List<Row> rows, Path file) throws IOException {
    StringBuilder csv = new StringBuilder("treatment,outcome,arm,stratum,day,event\n");
    for (Row r : rows) {
      csv.append(String.join(",", r.getString(0), r.getString(1), r.getString(2), r.getString(3),
          String.valueOf(r.getInt(4)), String.valueOf(r.getInt(5)))).append('\n');
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }

  private void runR() throws Exception {
    Path script = dir.resolve("cross_check.R");
    try (var in = getClass().getResourceAsStream("/survival/cross_check.R")) {
      Files.copy(in, script);
    }
    Process p = new ProcessBuilder("Rscript", script.toString(), dir.resolve("subjects.csv").toString(), dir.toString(),
        String.valueOf(HORIZON), String.valueOf(CONFIDENCE)).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Rscript did not finish in 120 s");
    assertEquals(0, p.exitValue(), "Rscript failed (R and r-cran-survival are installed by "
        + "jobs/src/test/scripts/system-packages.sh in mvn verify):\n" + output);
  }

  private static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",");
    return lines.subList(1, lines.size()).stream().map(line -> {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
      return row;
    }).toList();
  }
}
