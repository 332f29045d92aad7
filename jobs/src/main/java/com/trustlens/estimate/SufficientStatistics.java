package com.trustlens.estimate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.trustlens.config.ControlGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The estimation's distributed pass: the panel's sums per customer class and period
 * ({@link ClassSums}, built here or read from the lake) spread over the group-time cells each class
 * plays a role in, giving per cell, arm, stratum and bucket the customer count, their summed
 * attrition weights and the weighted sum of every metric's change from the base period. Its size
 * is bounded by treatments x cells x 4 arms x strata x buckets, whatever the number of customers.
 */
public final class SufficientStatistics {
  /** Arm of the controls; treated arms are dose1, dose2, dose3 (3 or more exposures). */
  public static final String CONTROL = "control";
  /** Rows counting every analysed customer per bucket (no cell). */
  public static final String POPULATION = "population";
  public static final String DOSE = "dose";
  // Arm codes inside the pass: 0 controls, 1..MAX_DOSE the doses, -1 the population rows.
  private static final int CONTROL_ARM = 0;
  private static final int POPULATION_ARM = -1;
  static final int MAX_DOSE = ClassSums.MAX_DOSE;

  private final EstimationSettings settings;

  public SufficientStatistics(EstimationSettings settings) {
    this.settings = settings;
  }

  /** Change column of a metric in the output. */
  public static String change(String metric) {
    return "d_" + metric;
  }

  /**
   * Spreads the class sums over the cells and brings the result to the driver: the cell sums and,
   * with attrition weights, the controls' sums by horizon (see {@link #apply} and {@link #horizons}).
   */
  Map<String, CellStatistics> collect(Dataset<Row> classSums, Map<String, StudyDesign> designs,
      Map<String, TreatmentHazards> hazards) {
    Map<String, CellStatistics> stats = new java.util.HashMap<>();
    designs.forEach((t, d) -> stats.put(t, new CellStatistics(d, settings.metrics().size(), settings.buckets(),
        hazards.get(t))));
    Dataset<Row> cells = apply(classSums, designs, hazards).withColumnRenamed("g", "cohort")
        .withColumnRenamed("t", "period");
    CellStatistics.collect(cells, horizons(classSums, designs, hazards), stats, settings.metrics());
    return stats;
  }

  /** As {@link #apply(Dataset, Map, Map)} on the class sums of the panel and customer_cohorts. */
  public Dataset<Row> apply(Dataset<Row> panel, Dataset<Row> cohorts, Map<String, StudyDesign> designs,
      Map<String, TreatmentHazards> hazards) {
    return apply(new ClassSums(settings, settings.metrics()).of(panel, cohorts), designs, hazards);
  }

  /**
   * @param classSums rows of {@link ClassSums} holding at least the settings' metrics
   * @param designs the cells of every treatment to estimate, keyed by {@link StudyDesign#key()}; designs refined
   *     by campaign take as treated only the customers the campaign exposed first
   * @param hazards treatment hazards per treatment for attrition weights (empty: no weights)
   * @return rows (treatment, g, t, arm, stratum, bucket, n, w, d_metric...) with g and t as indexes in the
   *     window (null for population rows), treatment the design's key, n customers, w their summed
   *     (attrition) weights, d the weighted sums of changes
   */
  public Dataset<Row> apply(Dataset<Row> classSums, Map<String, StudyDesign> designs,
      Map<String, TreatmentHazards> hazards) {
    // Grouped by integer cell and arm codes, names joined back after the sums: the spread emits a row per class
    // and cell, so every per-row string compared or hashed shows in its time.
    Dataset<Row> sums = roles(byCampaign(designs) ? classSums : merged(classSums, true, false), designs, hazards)
        .groupBy(col("cell_id"), col("arm"), col("stratum"), col("bucket"))
        .agg(sum(when(col("sign").equalTo(1), col("n")).otherwise(lit(0L))).as("n"), weightedSums());
    Column arm = when(col("arm").equalTo(POPULATION_ARM), lit(POPULATION))
        .when(col("arm").equalTo(CONTROL_ARM), lit(CONTROL))
        .otherwise(concat(lit(DOSE), col("arm").cast("string")));
    List<Column> out = new ArrayList<>(List.of(col("cell_key").as("treatment"), col("g"), col("t"), arm.as("arm"),
        col("stratum"), col("bucket"), col("n"), col("w")));
    for (String m : settings.metrics()) out.add(col(change(m)));
    return sums.join(broadcast(cellNames(sums.sparkSession(), designs)), "cell_id").select(out.toArray(Column[]::new));
  }

  /**
   * The attrition-weighted controls' sums by horizon after g, summed over buckets: rows (treatment,
   * cohort, period, stratum, hz, w, d_metric...); empty without weights. The classes are merged over
   * buckets first, so this pass stays small whatever the number of buckets.
   */
  Dataset<Row> horizons(Dataset<Row> classSums, Map<String, StudyDesign> designs,
      Map<String, TreatmentHazards> hazards) {
    if (hazards.isEmpty()) return classSums.sparkSession().emptyDataFrame();
    // A horizon not after g carries no weight: such controls are left out.
    Column horizon = greatest(new AttritionWeights(settings).horizon(), col("g"));
    Column[] sums = weightedSums();
    return roles(merged(classSums, !byCampaign(designs), true), designs, hazards)
        .filter(col("arm").equalTo(CONTROL_ARM).and(horizon.gt(col("g"))))
        .groupBy(col("cell_key").as("treatment"), col("g").as("cohort"), col("t").as("period"), col("stratum"),
            horizon.as("hz"))
        .agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length));
  }

  // Every class row paired with the cells it plays a role in, with its arm and its weight: 1 but for
  // attrition-weighted controls.
  private Dataset<Row> roles(Dataset<Row> classes, Map<String, StudyDesign> designs,
      Map<String, TreatmentHazards> hazards) {
    SparkSession spark = classes.sparkSession();
    Dataset<Row> cells = broadcast(cellPeriods(spark, designs));
    Column arm = when(col("population"), lit(POPULATION_ARM))
        .when(treated(), col("c_dose"))
        .when(control(), lit(CONTROL_ARM));
    Dataset<Row> roles = classes
        .join(cells, col("treatment").equalTo(col("cell_treatment")).and(col("period_index").equalTo(col("p"))))
        .withColumn("arm", arm)
        .filter(col("arm").isNotNull());
    if (hazards.isEmpty()) return roles.withColumn("weight", lit(1.0));
    AttritionWeights attrition = new AttritionWeights(settings);
    return roles.join(broadcast(attrition.table(spark, designs, hazards)),
            col("treatment").equalTo(col("w_treatment")).and(col("stratum").equalTo(col("w_stratum")))
                .and(col("g").equalTo(col("w_g"))).and(attrition.horizon().equalTo(col("w_u"))), "left")
        .withColumn("weight", when(col("arm").equalTo(CONTROL_ARM), coalesce(col("weight"), lit(1.0))).otherwise(lit(1.0)));
  }

  // w: the summed weights of the customers in the cell's period; d: their weighted changes (period minus base).
  private Column[] weightedSums() {
    List<Column> sums = new ArrayList<>();
    sums.add(sum(when(col("sign").equalTo(1), col("n").multiply(col("weight"))).otherwise(lit(0.0))).as("w"));
    for (String m : settings.metrics()) {
      sums.add(sum(col(ClassSums.sumOf(m)).multiply(col("sign")).multiply(col("weight"))).as(change(m)));
    }
    return sums.toArray(Column[]::new);
  }

  /** Distinct (treatment, cohort index) of the cohorts table; cohorts before the window are left out. */
  public Map<String, List<Integer>> cohortIndexes(Dataset<Row> cohorts) {
    Map<String, List<Integer>> out = new java.util.TreeMap<>();
    List<Row> rows = cohorts.select(col("treatment"), settings.indexOf(col("cohort_period")).as("g"))
        .distinct().collectAsList();
    for (Row r : rows) {
      List<Integer> list = out.computeIfAbsent(r.getString(0), k -> new ArrayList<>());
      if (!r.isNullAt(1) && r.getInt(1) >= 0) list.add(r.getInt(1));
    }
    return out;
  }

  /**
   * Distinct cohort indexes of the customers each campaign exposed first to a treatment (cohorts
   * before the window left out): the cohorts of the campaign refinements.
   */
  public Map<String, List<Integer>> campaignCohortIndexes(Dataset<Row> cohorts, String treatment) {
    Map<String, List<Integer>> out = new java.util.TreeMap<>();
    List<Row> rows = cohorts.filter(col("treatment").equalTo(treatment).and(col("first_campaign_id").isNotNull()))
        .select(col("first_campaign_id"), settings.indexOf(col("cohort_period")).as("g"))
        .filter(col("g").geq(0)).distinct().collectAsList();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getInt(1));
    }
    return out;
  }

  // Whether a design tells campaigns apart: the classes then keep their first campaign.
  private static boolean byCampaign(Map<String, StudyDesign> designs) {
    return designs.values().stream().anyMatch(d -> d.campaign() != null);
  }

  // Classes merged over first campaigns (when no design tells campaigns apart) and over buckets (for
  // sums that do not need them): fewer rows to spread over the cells.
  private Dataset<Row> merged(Dataset<Row> classSums, boolean overCampaigns, boolean overBuckets) {
    List<Column> keys = new ArrayList<>();
    for (String c : ClassSums.CLASS) {
      if (overCampaigns && c.equals("c_campaign")) keys.add(lit(null).cast("string").as(c));
      else if (overBuckets && c.equals("bucket")) keys.add(lit(0).as(c));
      else keys.add(col(c));
    }
    keys.add(col("period_index"));
    List<Column> sums = new ArrayList<>();
    for (String m : settings.metrics()) sums.add(sum(ClassSums.sumOf(m)).as(ClassSums.sumOf(m)));
    return classSums.groupBy(keys.toArray(Column[]::new)).agg(sum("n").as("n"), sums.toArray(Column[]::new));
  }

  private Column treated() {
    Column sameCohort = col("c_cohort").equalTo(col("g"))
        .and(col("cell_campaign").isNull().or(col("c_campaign").equalTo(col("cell_campaign"))));
    return settings.controlGroup() == ControlGroup.HOLDOUT ? sameCohort.and(col("c_randomised")) : sameCohort;
  }

  // SPEC §5: reachable at the start of g, and not (yet) treated, in the sense of the control group.
  private Column control() {
    Column reachable = col("c_exit").geq(col("g"));
    Column notYetTreated = col("c_cohort").isNull().or(col("c_cohort").gt(col("t")))
        .and(not(col("c_cohort").eqNullSafe(col("g"))));
    return switch (settings.controlGroup()) {
      case NEVER_TREATED -> reachable.and(col("c_cohort").isNull());
      case NOT_YET_TREATED -> reachable.and(notYetTreated);
      case HOLDOUT -> reachable.and(col("c_holdout").equalTo(col("g"))).and(notYetTreated);
    };
  }

  // Each cell reads the period itself (+) and its base period (-); population rows read period 0.
  // cell_id numbers the cells of all designs, the population rows of each design included.
  static Dataset<Row> cellPeriods(SparkSession spark, Map<String, StudyDesign> designs) {
    StructType schema = new StructType()
        .add("cell_id", DataTypes.IntegerType, false)
        .add("cell_key", DataTypes.StringType, false)
        .add("cell_treatment", DataTypes.StringType, false)
        .add("cell_campaign", DataTypes.StringType, true)
        .add("population", DataTypes.BooleanType, false)
        .add("g", DataTypes.IntegerType, true)
        .add("t", DataTypes.IntegerType, true)
        .add("p", DataTypes.IntegerType, false)
        .add("sign", DataTypes.IntegerType, false);
    List<Row> rows = new ArrayList<>();
    int id = 0;
    for (StudyDesign d : designs.values()) {
      rows.add(RowFactory.create(id++, d.key(), d.treatment(), d.campaign(), true, null, null, 0, 1));
      for (GroupTimeCell c : d.cells()) {
        rows.add(RowFactory.create(id, d.key(), d.treatment(), d.campaign(), false, c.cohort(), c.period(), c.period(), 1));
        if (c.hasBase()) {
          rows.add(RowFactory.create(id, d.key(), d.treatment(), d.campaign(), false, c.cohort(), c.period(), c.base(), -1));
        }
        id++;
      }
    }
    return spark.createDataFrame(rows, schema);
  }

  // (cell_id, cell_key, g, t) of every cell of cellPeriods, the population rows' included.
  private static Dataset<Row> cellNames(SparkSession spark, Map<String, StudyDesign> designs) {
    return cellPeriods(spark, designs).filter(col("sign").equalTo(1)).select("cell_id", "cell_key", "g", "t");
  }
}
