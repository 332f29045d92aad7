package com.trustlens.cli;

import static org.apache.spark.sql.functions.col;

import com.trustlens.pipeline.Lake;
import com.trustlens.pipeline.RunContext;
import com.trustlens.schema.Schemas;
import io.delta.tables.DeltaTable;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What a finished run prints: where the tables are and a few headline figures read back from them. */
final class RunSummary {
  private RunSummary() {}

  static void print(SparkSession spark, Lake lake, RunContext run, PrintStream out) {
    out.println();
    out.println("TrustLens tables in " + lake.root() + ":");
    for (String table : Schemas.TABLES.get("output")) {
      String path = lake.gold(table);
      if (!DeltaTable.isDeltaTable(spark, path)) continue;
      out.println("  " + table + "  " + path);
    }
    out.printf(Locale.ROOT, "%nRun %s. Rows read: %s; quarantined: %s; exact duplicates dropped: %s%n",
        run.runId(), run.inputRows(), run.quarantinedRows(), run.duplicateRows());
    Row deception = spark.read().format("delta").load(lake.gold("campaign_deception"))
        .selectExpr("count(*) as n", "count_if(deceptive) as d").first();
    out.printf(Locale.ROOT, "Campaigns: %d, of which deceptive: %d%n", deception.getLong(0), deception.getLong(1));
    Row cohorts = spark.read().format("delta").load(lake.gold("customer_cohorts"))
        .filter(col("treatment").equalTo("deceptive_mail"))
        .selectExpr("count(*) as n", "count(cohort_period) as exposed", "count(distinct cohort_period) as cohorts").first();
    out.printf(Locale.ROOT, "Customers in the panel: %d; first exposed to a deceptive mail in the window or before: %d"
        + " (%d cohorts)%n", cohorts.getLong(0), cohorts.getLong(1), cohorts.getLong(2));
    Headlines.treatments(spark, lake, out);
    out.println("deceptive_mail in detail:");
    erosion(spark, lake, out);
    survival(spark, lake, out);
    Headlines.audit(spark, lake, out);
    out.println("\nLook at a table: bin/trustlens show TABLE --conf FILE [--where SQL] [--format csv|json]");
  }

  private static void erosion(SparkSession spark, Lake lake, PrintStream out) {
    List<Row> rows = spark.read().format("delta").load(lake.gold("erosion_summary"))
        .filter(col("treatment").equalTo("deceptive_mail").and(col("breakdown").equalTo("all"))
            .and(col("suppressed").equalTo(false)).and(col("overall_att").isNotNull()))
        .orderBy("metric").collectAsList();
    for (Row r : rows) {
      out.printf(Locale.ROOT, "Erosion, %s: %+.4g per customer and period over event times 0..horizon (CI %.4g to %.4g,"
              + " Holm p = %.3g); at e = 0 %s; pre-trend p = %s%n",
          r.<String>getAs("metric"), r.<Double>getAs("overall_att"), r.<Double>getAs("ci_low"), r.<Double>getAs("ci_high"),
          r.<Double>getAs("p_value_holm"), atExposure(r.<Double>getAs("short_term_effect")),
          pretrend(r.<Double>getAs("pretrend_p_value")));
    }
  }

  // The effect at e = 0 is hidden when it rests on too few customers or expected events.
  private static String atExposure(Double effect) {
    return effect == null ? "n/a (suppressed)" : String.format(Locale.ROOT, "%+.4g", effect);
  }

  // No p-value when no pre-period estimate rests on enough events (active and unsubscribed do not
  // change before a cohort's exposure, by construction; complaints are rare).
  private static String pretrend(Double p) {
    return p == null ? "n/a (too few events before exposure)" : String.format(Locale.ROOT, "%.3g", p);
  }

  private static void survival(SparkSession spark, Lake lake, PrintStream out) {
    List<Row> tests = spark.read().format("delta").load(lake.gold("survival_test"))
        .filter(col("treatment").equalTo("deceptive_mail").and(col("suppressed").equalTo(false)))
        .orderBy("outcome").collectAsList();
    for (Row t : tests) {
      out.printf(Locale.ROOT, "Survival, %s: over %d days, %.1f days without it for exposed vs %.1f for controls"
              + " (difference %.1f, CI %.1f to %.1f); log-rank p = %.3g%n",
          t.<String>getAs("outcome"), t.<Integer>getAs("horizon_days"), t.<Double>getAs("rmst_exposed"),
          t.<Double>getAs("rmst_control"), t.<Double>getAs("rmst_diff"), t.<Double>getAs("rmst_diff_ci_low"),
          t.<Double>getAs("rmst_diff_ci_high"), t.<Double>getAs("p_value"));
    }
  }
}
