package com.trustlens.cohort;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The customers of the panel (those present at the window start) with their stratum: from the
 * customers input when given, else every customer seen in events or exposures.
 */
public final class PanelCustomers {
  /** Stratum of every customer when no strata are configured. */
  public static final String ALL = "all";
  static final String MISSING = "(missing)";

  private final LocalDate start;
  private final List<String> strata;

  public PanelCustomers(LocalDate start, List<String> strata) {
    this.start = start;
    this.strata = List.copyOf(strata);
  }

  /** From silver customers: those who signed up by the window start (or whose signup is unknown). */
  public Dataset<Row> fromCustomers(Dataset<Row> customers) {
    return customers
        .filter(col("signup_date").isNull().or(col("signup_date").leq(lit(Date.valueOf(start)))))
        .select(col("customer_key"), stratum().as("stratum"));
  }

  /** Without a customers input: every customer key of events and exposures, in one stratum. */
  public Dataset<Row> fromActivity(Dataset<Row> events, Dataset<Row> exposures) {
    if (!strata.isEmpty()) {
      throw new IllegalArgumentException("strata " + strata + " need the customers input");
    }
    return events.select("customer_key").union(exposures.select("customer_key")).distinct()
        .withColumn("stratum", lit(ALL));
  }

  private Column stratum() {
    if (strata.isEmpty()) return lit(ALL);
    Column[] parts = strata.stream()
        .map(s -> concat(lit(s + "="), coalesce(col(s), lit(MISSING))))
        .toArray(Column[]::new);
    return concat_ws("|", parts);
  }
}
