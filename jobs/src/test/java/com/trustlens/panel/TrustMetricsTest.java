package com.trustlens.panel;

import static com.trustlens.panel.Fixtures.W1;
import static com.trustlens.panel.Fixtures.W2;
import static com.trustlens.panel.Fixtures.W3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.cohort.CohortAssignment;
import com.trustlens.testing.DataFrames;
import com.trustlens.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class TrustMetricsTest {
  private final SparkSession spark;

  TrustMetricsTest(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> metrics(int minCell) {
    Dataset<Row> panel = new PanelBuilder(Fixtures.WEEKS, Fixtures.START, Fixtures.END, Fixtures.WINDOW_END, 48, Map.of())
        .apply(Fixtures.customers(spark), Fixtures.events(spark));
    Dataset<Row> cohorts = new CohortAssignment(Fixtures.WEEKS, Fixtures.WINDOW_END, List.of("deceptive_mail"))
        .apply(Fixtures.customers(spark), Fixtures.treatmentExposures(spark), Fixtures.events(spark));
    return new TrustMetrics(Fixtures.WEEKS, Fixtures.START, List.of("opened", "nps"), minCell).apply(panel, cohorts);
  }

  private static Object[] cell(String arm, java.sql.Date period, int et, String metric, Double value, Long n) {
    return new Object[] {"deceptive_mail", arm, W2, period, et, metric, value, n, n == null};
  }

  @Test
  void armsAreTheCohortItsReachableNeverTreatedControlsAndItsHoldout() {
    Dataset<Row> actual = metrics(1);
    List<Object[]> rows = new ArrayList<>();
    // A is exposed in week 2; B is never treated and reachable; C was held out in week 2 but had
    // closed its account before, so it is no reachable control.
    double[] a = {1, 0, 0};
    double[] b = {0, 0, 0};
    double[] c = {0, 0, 1};
    java.sql.Date[] weeks = {W1, W2, W3};
    for (int i = 0; i < 3; i++) {
      rows.add(cell("exposed", weeks[i], i - 1, "opened", a[i], 1L));
      rows.add(cell("control", weeks[i], i - 1, "opened", b[i], 1L));
      rows.add(cell("holdout", weeks[i], i - 1, "opened", c[i], 1L));
      rows.add(cell("exposed", weeks[i], i - 1, "nps", null, null));
      rows.add(cell("holdout", weeks[i], i - 1, "nps", null, null));
    }
    // nps is a mean over customers who answered: only B answered, in week 3 (8 and 6).
    rows.add(cell("control", W1, -1, "nps", null, null));
    rows.add(cell("control", W2, 0, "nps", null, null));
    rows.add(cell("control", W3, 1, "nps", 7.0, 1L));
    DataFrames.assertSameRows(DataFrames.rows(spark, actual.schema(), rows.toArray(Object[][]::new)), actual);
  }

  @Test
  void cellsUnderTheMinimumSizeAreSuppressed() {
    Dataset<Row> actual = metrics(2);
    assertEquals(18, actual.count());
    assertEquals(18, actual.filter("suppressed and value is null and customers is null").count());
  }
}
