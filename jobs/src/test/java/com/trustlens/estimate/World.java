package com.trustlens.estimate;

import static org.apache.spark.sql.functions.col;

import com.trustlens.config.ControlGroup;
import com.trustlens.config.PeriodUnit;
import com.trustlens.period.Periods;
import com.trustlens.schema.Schemas;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-sized world for estimation tests: weekly periods from 2025-01-06, customers "c000",
 * "c001"... with their cohort, exit and holdout as period indexes, and one value of revenue per
 * period (opened is 1 when revenue is positive; complained, absorbing, is 1 when revenue is exactly 1:
 * tests of it give 0/1 values that never go back to 0).
 */
final class World {
  static final LocalDate START = LocalDate.of(2025, 1, 6);
  static final Periods WEEKS = new Periods(PeriodUnit.WEEK, ZoneId.of("Europe/Paris"));
  static final String TREATMENT = "deceptive_mail";

  final int periods;
  final List<Customer> customers = new ArrayList<>();

  World(int periods) {
    this.periods = periods;
  }

  /** A customer; indexes are periods of the window (negative: before it), null: none. */
  record Customer(String key, Integer cohort, Integer exit, Integer holdout, String holdoutCampaign,
      String firstCampaign, int dose, String stratum, double[] revenue) {}

  World add(Integer cohort, Integer exit, String stratum, double... revenue) {
    return add(cohort, exit, null, null, cohort == null ? null : "k" + cohort, 1, stratum, revenue);
  }

  World add(Integer cohort, Integer exit, Integer holdout, String holdoutCampaign, String firstCampaign, int dose,
      String stratum, double... revenue) {
    if (revenue.length != periods) throw new IllegalArgumentException("need " + periods + " values");
    customers.add(new Customer(String.format("c%03d", customers.size()), cohort, exit, holdout, holdoutCampaign,
        firstCampaign, dose, stratum, revenue.clone()));
    return this;
  }

  static Date period(Integer index) {
    return index == null ? null : Date.valueOf(START.plusWeeks(index));
  }

  Dataset<Row> panel(SparkSession spark) {
    StructType schema = new StructType()
        .add("customer_key", DataTypes.StringType, false)
        .add("period", DataTypes.DateType, false)
        .add("revenue", DataTypes.DoubleType, false)
        .add("opened", DataTypes.IntegerType, false)
        .add("complained", DataTypes.IntegerType, false);
    List<Row> rows = new ArrayList<>();
    for (Customer c : customers) {
      for (int t = 0; t < periods; t++) {
        rows.add(RowFactory.create(c.key(), period(t), c.revenue()[t], c.revenue()[t] > 0 ? 1 : 0,
            c.revenue()[t] == 1 ? 1 : 0));
      }
    }
    return spark.createDataFrame(rows, schema);
  }

  Dataset<Row> cohorts(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Customer c : customers) {
      rows.add(RowFactory.create(TREATMENT, c.key(), period(c.cohort()), null, c.firstCampaign(),
          c.cohort() == null ? 0 : c.dose(), period(c.exit()), period(c.holdout()), c.holdoutCampaign(), c.stratum()));
    }
    return spark.createDataFrame(rows, Schemas.output("customer_cohorts").structType());
  }

  /**
   * Settings for this world: revenue and opened, every customer in its own bucket (exact variances),
   * unweighted controls (the reference package's estimator).
   */
  EstimationSettings settings(ControlGroup group, int prePeriods, int horizon) {
    return new EstimationSettings(WEEKS, START, periods, group, List.of("revenue", "opened"), prePeriods, horizon, 0.95,
        199, 7, Math.max(2, customers.size()), 1, col("customer_key").substr(2, 10).cast("int"), false, 0);
  }
}
