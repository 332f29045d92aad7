package com.trustlens.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL reference of the benchmark: the same group-time sums as TrustLens's sufficient-statistics
 * pass (customer classes summed by period, spread over the cells' period and base, kept per arm
 * and bucket), in DuckDB over the Parquet copies of the panel and customer_cohorts, reduced to
 * ATT(g,t) per metric. Not-yet-treated controls reachable at g, no strata, no attrition weights.
 */
public final class DuckDbGroupTime implements AutoCloseable {
  private final Connection db;

  /** An in-memory DuckDB limited to {@code threads} threads. */
  public DuckDbGroupTime(int threads) throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("SET threads = " + threads);
    }
  }

  /**
   * ATT(g,t) per metric, keyed "g,t".
   *
   * @param panelGlob Parquet files of the panel
   * @param cohortsGlob Parquet files of customer_cohorts
   */
  public Map<String, double[]> atts(String panelGlob, String cohortsGlob, String treatment, GroupTimeCells cells,
      List<String> metrics, java.sql.Date start, int buckets) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE cells (g INT, t INT, gd DATE, td DATE, p DATE, sign INT)");
    }
    try (PreparedStatement in = db.prepareStatement("INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?)")) {
      for (GroupTimeCells.Cell c : cells.cells()) {
        add(in, c, c.tDate(), 1);
        add(in, c, c.baseDate(), -1);
      }
      in.executeBatch();
    }
    String sums = metrics.stream().map(m -> "sum(" + m + ")::DOUBLE AS s_" + m).collect(Collectors.joining(", "));
    String signed = metrics.stream().map(m -> "sum(sign * s_" + m + ") AS d_" + m).collect(Collectors.joining(", "));
    String means = metrics.stream().map(m -> "sum(d_" + m + ") / sum(n) AS m_" + m).collect(Collectors.joining(", "));
    String sql = """
        WITH classes AS (
          SELECT customer_key, cohort_period AS c, exit_period AS x, hash(customer_key) %% %d AS bucket
          FROM read_parquet('%s') WHERE treatment = '%s' AND (cohort_period IS NULL OR cohort_period >= DATE '%s')),
        class_sums AS (
          SELECT c, x, bucket, period, count(*) AS n, %s
          FROM read_parquet('%s') JOIN classes USING (customer_key) GROUP BY ALL),
        roles AS (
          SELECT g, t, sign, bucket, n, %s,
            CASE WHEN c = gd THEN 'treated'
                 WHEN (x IS NULL OR x >= gd) AND (c IS NULL OR c > td) THEN 'control' END AS arm
          FROM class_sums JOIN cells ON class_sums.period = cells.p),
        buckets AS (
          SELECT g, t, arm, bucket, sum(CASE WHEN sign = 1 THEN n ELSE 0 END) AS n, %s
          FROM roles WHERE arm IS NOT NULL GROUP BY ALL)
        SELECT g, t, arm, %s FROM buckets GROUP BY ALL
        """.formatted(buckets, cohortsGlob, treatment, start, sums, panelGlob,
        metrics.stream().map(m -> "s_" + m).collect(Collectors.joining(", ")), signed, means);
    Map<String, double[]> treated = new HashMap<>();
    Map<String, double[]> control = new HashMap<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        double[] m = new double[metrics.size()];
        for (int i = 0; i < m.length; i++) m[i] = r.getDouble(4 + i);
        ("treated".equals(r.getString(3)) ? treated : control).put(r.getInt(1) + "," + r.getInt(2), m);
      }
    }
    Map<String, double[]> att = new HashMap<>();
    treated.forEach((k, tm) -> {
      double[] cm = control.get(k);
      double[] a = new double[tm.length];
      for (int i = 0; i < a.length; i++) a[i] = cm == null ? Double.NaN : tm[i] - cm[i];
      att.put(k, a);
    });
    return att;
  }

  private static void add(PreparedStatement in, GroupTimeCells.Cell c, java.sql.Date p, int sign) throws SQLException {
    in.setInt(1, c.g());
    in.setInt(2, c.t());
    in.setDate(3, c.gDate());
    in.setDate(4, c.tDate());
    in.setDate(5, p);
    in.setInt(6, sign);
    in.addBatch();
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
