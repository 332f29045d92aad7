package com.trustlens.estimate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.trustlens.config.ControlGroup;
import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import com.trustlens.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The customer-level half of the estimation: the panel summed per customer class and period
 * (schemas/internal/class_sums.json), built in full or updated after an incremental run. Only
 * these sums, never a customer, go on to the group-time cells ({@link SufficientStatistics}).
 */
public final class ClassSums {
  /** What makes a customer's class: the roles the customer can play in every cell depend on these only. */
  static final List<String> CLASS = List.of("treatment", "c_cohort", "c_campaign", "c_exit", "c_holdout",
      "c_randomised", "c_dose", "stratum", "bucket");
  /** Key of a row: the class and the period. */
  private static final List<String> KEY = java.util.stream.Stream.concat(CLASS.stream(), java.util.stream.Stream.of(
      "period_index")).toList();
  static final int MAX_DOSE = 3;
  /** Changed customers up to which their classes are broadcast to the panel's executors (a few MB). */
  static final long BROADCAST_CHANGED = 200_000;

  /**
   * Class sums after an update.
   *
   * @param sums the rows of the table
   * @param changedCustomers customers whose class changed
   */
  public record Update(Dataset<Row> sums, long changedCustomers) {}

  private final EstimationSettings settings;
  private final List<String> metrics;
  private final List<String> counted;

  /**
   * @param settings window, buckets and control group of the run
   * @param metrics panel metrics to sum (all of them for the stored table, see {@link #stored})
   */
  public ClassSums(EstimationSettings settings, List<String> metrics) {
    this.settings = settings;
    this.metrics = List.copyOf(metrics);
    // A nullable metric also gets its count of non-null values: an update that removes every
    // non-null value must leave null, as a full build would, not 0.
    this.counted = metrics.stream().filter(m -> Schemas.internal("panel").requireColumn(m).isNullable()).toList();
  }

  /** Sums of every metric the stored table holds (schemas/internal/class_sums.json). */
  public static ClassSums stored(EstimationSettings settings) {
    return new ClassSums(settings, storedMetrics());
  }

  /** Metrics of the stored table: its s_ columns. */
  static List<String> storedMetrics() {
    return schema().columns().stream().map(ColumnSpec::name).filter(n -> n.startsWith("s_"))
        .map(n -> n.substring(2)).toList();
  }

  public static TableSchema schema() {
    return Schemas.internal("class_sums");
  }

  /** Sum column of a metric. */
  static String sumOf(String metric) {
    return "s_" + metric;
  }

  /**
   * @param panel rows of the panel
   * @param cohorts rows of customer_cohorts
   * @return one row per class and period: the class columns, period_index, n and the sums
   */
  public Dataset<Row> of(Dataset<Row> panel, Dataset<Row> cohorts) {
    return summed(panel, classes(cohorts));
  }

  /**
   * The sums after an incremental run, equal to {@link #of} over the new panel and cohorts: the
   * stored rows of the periods before {@code from}, minus what the customers whose class changed
   * brought there under their old class, plus the same under the new one, and every period from
   * {@code from} on summed again.
   *
   * @param stored the sums built from the panel and oldCohorts
   * @param panel the panel now, whose rows before period index {@code from} are those the stored sums read
   * @param oldCohorts customer_cohorts the stored sums were built from
   * @param cohorts customer_cohorts now
   * @param from first period index the panel rewrote (the number of periods when none)
   */
  public Update updated(Dataset<Row> stored, Dataset<Row> panel, Dataset<Row> oldCohorts, Dataset<Row> cohorts,
      int from) {
    Dataset<Row> before = classes(oldCohorts);
    Dataset<Row> after = classes(cohorts);
    // Counted first (a pass over the two cohort tables, not the panel) to choose the join.
    Dataset<Row> changed = changedCustomers(before, after);
    long changedCount = changed.count();
    // The changed customers' old class (-) and new class (+) over the periods kept; usually few,
    // so joined by broadcast rather than by shuffling the panel.
    Dataset<Row> fix = before.join(changed, "customer_key").withColumn("sign", lit(-1))
        .unionByName(after.join(changed, "customer_key").withColumn("sign", lit(1)));
    if (changedCount <= BROADCAST_CHANGED) fix = broadcast(fix);
    Dataset<Row> kept = summed(panel.filter(settings.indexOf(col("period")).lt(from)), fix);
    Dataset<Row> rewritten = summed(panel.filter(settings.indexOf(col("period")).geq(from)), after);
    List<String> columns = schemaColumns();
    Dataset<Row> parts = stored.filter(col("period_index").lt(from)).select(cols(columns))
        .unionByName(kept.select(cols(columns)))
        .unionByName(rewritten.select(cols(columns)));
    List<Column> sums = new ArrayList<>();
    for (String m : metrics) {
      Column s = sum(col(sumOf(m)));
      sums.add((counted.contains(m) ? when(sum(col(countOf(m))).gt(0), s) : s).as(sumOf(m)));
      if (counted.contains(m)) sums.add(sum(col(countOf(m))).as(countOf(m)));
    }
    Dataset<Row> sumsNow = parts.groupBy(cols(KEY)).agg(sum("n").as("n"), sums.toArray(Column[]::new))
        // A class every customer left is absent from a full build.
        .filter(col("n").notEqual(0));
    return new Update(sumsNow, changedCount);
  }

  /** Customers whose class row changed, appeared or vanished between the two cohort tables. */
  static Dataset<Row> changedCustomers(Dataset<Row> before, Dataset<Row> after) {
    // Renamed sides: both may come from one table (two versions of customer_cohorts).
    List<Column> old = new ArrayList<>(List.of(col("customer_key").as("o_customer_key")));
    for (String c : CLASS) old.add(col(c).as("o_" + c));
    Column equal = col("customer_key").eqNullSafe(col("o_customer_key"));
    for (String c : CLASS) equal = equal.and(col(c).eqNullSafe(col("o_" + c)));
    return before.select(old.toArray(Column[]::new))
        .join(after, col("o_customer_key").equalTo(col("customer_key")).and(col("o_treatment").equalTo(col("treatment"))),
            "full_outer")
        .filter(not(equal))
        .select(coalesce(col("o_customer_key"), col("customer_key")).as("customer_key"))
        .distinct();
  }

  // One row per customer and treatment, with what decides the roles the customer can play.
  Dataset<Row> classes(Dataset<Row> cohorts) {
    int none = settings.periodCount();
    Column g = settings.indexOf(col("cohort_period"));
    Column exit = settings.indexOf(col("exit_period"));
    // Exits before the window all mean the same: never reachable during it.
    Column exitClass = when(col("exit_period").isNull(), lit(none)).otherwise(greatest(exit, lit(-1)));
    Column holdout = settings.indexOf(col("holdout_period"));
    boolean holdoutDesign = settings.controlGroup() == ControlGroup.HOLDOUT;
    Dataset<Row> base = cohorts;
    Column randomised = lit(false);
    if (holdoutDesign) {
      // A treated customer is compared with a holdout only when their first campaign had one.
      Dataset<Row> withHoldout = cohorts.filter(col("holdout_campaign_id").isNotNull())
          .select(col("treatment").as("h_treatment"), col("holdout_campaign_id").as("h_campaign")).distinct();
      base = cohorts.join(broadcast(withHoldout), col("treatment").equalTo(col("h_treatment"))
          .and(col("first_campaign_id").equalTo(col("h_campaign"))), "left");
      randomised = col("h_campaign").isNotNull();
    }
    return base
        // Customers treated before the window are neither a cohort nor controls.
        .filter(g.isNull().or(g.geq(0)))
        .select(col("treatment"), col("customer_key"),
            g.as("c_cohort"),
            col("first_campaign_id").cast("string").as("c_campaign"),
            exitClass.as("c_exit"),
            (holdoutDesign ? when(holdout.geq(0), holdout) : lit(null)).cast("int").as("c_holdout"),
            randomised.as("c_randomised"),
            when(g.isNull(), lit(0)).otherwise(least(col("deceptive_exposures"), lit(MAX_DOSE))).as("c_dose"),
            col("stratum"),
            settings.bucketOf().as("bucket"));
  }

  // Panel x classes summed per class and period; class rows carrying a sign (-1 or 1) count with it.
  private Dataset<Row> summed(Dataset<Row> panel, Dataset<Row> classes) {
    boolean signed = java.util.Arrays.asList(classes.columns()).contains("sign");
    Column sign = signed ? col("sign") : lit(1);
    List<Column> sums = new ArrayList<>();
    for (String m : metrics) {
      sums.add(sum(col(m).cast("double").multiply(sign)).as(sumOf(m)));
      if (counted.contains(m)) sums.add(sum(when(col(m).isNotNull(), sign.cast("long")).otherwise(lit(0L))).as(countOf(m)));
    }
    List<Column> columns = new ArrayList<>(List.of(col("customer_key"), settings.indexOf(col("period")).as("period_index")));
    metrics.forEach(m -> columns.add(col(m)));
    return panel.select(columns.toArray(Column[]::new)).join(classes, "customer_key")
        .groupBy(cols(KEY))
        .agg(signed ? sum(sign.cast("long")).as("n") : count(lit(1)).as("n"), sums.toArray(Column[]::new));
  }

  private List<String> schemaColumns() {
    List<String> out = new ArrayList<>(KEY);
    out.add("n");
    for (String m : metrics) {
      out.add(sumOf(m));
      if (counted.contains(m)) out.add(countOf(m));
    }
    return out;
  }

  private static String countOf(String metric) {
    return "k_" + metric;
  }

  private static Column[] cols(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
