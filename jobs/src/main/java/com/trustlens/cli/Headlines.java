package com.trustlens.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;

import com.trustlens.cohort.Treatments;
import com.trustlens.pipeline.Lake;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The run summary's one line per treatment and its campaign-audit line, read back from the gold tables. */
final class Headlines {
  /** Metrics a treatment's headline shows when they were estimated. */
  static final List<String> METRICS = List.of("opened", "revenue");

  private Headlines() {}

  /** Per treatment (deceptive_mail first): customers exposed, overall erosion of opened and revenue, churn RMST. */
  static void treatments(SparkSession spark, Lake lake, PrintStream out) {
    List<Row> exposed = table(spark, lake, "customer_cohorts").groupBy("treatment")
        .agg(count("cohort_period").as("exposed"), countDistinct("cohort_period").as("cohorts"))
        .orderBy(col("treatment").notEqual(Treatments.DECEPTIVE_MAIL), col("treatment")).collectAsList();
    Map<String, Row> erosion = new HashMap<>();
    table(spark, lake, "erosion_summary")
        .filter(col("breakdown").equalTo("all").and(col("metric").isin(METRICS.toArray()))).collectAsList()
        .forEach(r -> erosion.put(r.getAs("treatment") + "/" + r.getAs("metric"), r));
    Map<String, Row> churn = new HashMap<>();
    table(spark, lake, "survival_test").filter(col("outcome").equalTo("churn"))
        .collectAsList().forEach(r -> churn.put(r.getAs("treatment"), r));
    out.println("Treatments (erosion: overall effect per customer and period over event times 0..horizon):");
    for (Row t : exposed) {
      String name = t.getAs("treatment");
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-20s %,d exposed (%d cohorts)", name,
          t.<Long>getAs("exposed"), t.<Long>getAs("cohorts")));
      for (String m : METRICS) {
        Row e = erosion.get(name + "/" + m);
        if (e != null) line.append("; ").append(m).append(' ').append(estimate(e, "overall_att", "ci_low", "ci_high"));
      }
      Row c = churn.get(name);
      if (c != null) line.append("; churn ").append(churn(c));
      out.println(line);
    }
  }

  /** The worst campaign's catch against its pond, and how many campaigns end in the red. */
  static void audit(SparkSession spark, Lake lake, PrintStream out) {
    Dataset<Row> impact = table(spark, lake, "campaign_impact");
    Row counts = impact.selectExpr("count(*)", "count(net_revenue_effect)", "count_if(net_revenue_effect < 0)")
        .first();
    List<Row> worst = impact.filter(col("net_revenue_effect").isNotNull()).orderBy("net_effect_rank").limit(1)
        .collectAsList();
    if (worst.isEmpty()) {
      out.printf(Locale.ROOT, "Campaign audit: %d deceptive campaigns, none with a net revenue effect (too recent"
          + " for the horizon, or too small)%n", counts.getLong(0));
      return;
    }
    Row w = worst.get(0);
    out.printf(Locale.ROOT, "Campaign audit, worst balance: %s \"%s\": catch %+.3f opens per recipient against"
            + " its sender's honest mails (%+,.0f revenue), pond %+,.0f revenue over event times %d..%d from %,d"
            + " first-exposed customers; net %+,.0f (CI %+,.0f to %+,.0f). %d of %d campaigns with a balance are in"
            + " the red.%n",
        w.getAs("campaign_id"), w.getAs("subject"), w.<Double>getAs("short_term_lift"),
        w.<Double>getAs("short_term_revenue"), w.<Double>getAs("long_term_revenue_effect"),
        w.<Integer>getAs("revenue_from_event_time"), w.<Integer>getAs("horizon"), w.<Long>getAs("first_exposed"),
        w.<Double>getAs("net_revenue_effect"), w.<Double>getAs("net_revenue_effect_ci_low"),
        w.<Double>getAs("net_revenue_effect_ci_high"), counts.getLong(2), counts.getLong(1));
  }

  private static String churn(Row c) {
    if (c.<Boolean>getAs("suppressed")) return "suppressed";
    return String.format(Locale.ROOT, "%+.1f days of %d (log-rank p = %.3g)", c.<Double>getAs("rmst_diff"),
        c.<Integer>getAs("horizon_days"), c.<Double>getAs("p_value"));
  }

  private static String estimate(Row r, String value, String low, String high) {
    if (r.<Boolean>getAs("suppressed") || r.getAs(value) == null) return "n/a";
    return String.format(Locale.ROOT, "%+.4g (CI %.4g to %.4g)", r.<Double>getAs(value), r.<Double>getAs(low),
        r.<Double>getAs(high));
  }

  private static Dataset<Row> table(SparkSession spark, Lake lake, String name) {
    return spark.read().format("delta").load(lake.gold(name));
  }
}
