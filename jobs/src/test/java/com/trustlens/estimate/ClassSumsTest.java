package com.trustlens.estimate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.config.ControlGroup;
import com.trustlens.testing.Panels;
import com.trustlens.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stored class sums after an incremental run: updating the sums of the old panel and cohorts
 * for the customers whose class changed and the periods rewritten must give what a full build over
 * the new panel and cohorts gives.
 */
@ExtendWith(SharedSpark.class)
class ClassSumsTest {
  private static final int FROM = 6;
  private final SparkSession spark;

  ClassSumsTest(SparkSession spark) {
    this.spark = spark;
  }

  @ParameterizedTest
  @EnumSource(ControlGroup.class)
  void updatedSumsEqualAFullBuildOverTheNewPanelAndCohorts(ControlGroup group) {
    World w = EstimatorAgreementTest.randomWorld(11);
    // Three buckets: classes hold several customers, so an update leaves some of them behind.
    EstimationSettings settings = w.settings(group, 2, 2)
        .withBuckets(3, org.apache.spark.sql.functions.pmod(substring(col("customer_key"), 2, 10).cast("int"), lit(3)));
    ClassSums sums = ClassSums.stored(settings);
    Column number = substring(col("customer_key"), 2, 10).cast("int");
    // trust_index (nullable) is known only when opened: some classes hold nothing but nulls.
    Dataset<Row> oldPanel = Panels.complete(w.panel(spark))
        .withColumn("trust_index", when(col("opened").equalTo(1), col("revenue").multiply(2)));
    Dataset<Row> oldCohorts = w.cohorts(spark);
    // The new week's rows change from FROM on; before FROM the panel is as it was.
    Column rewritten = settings.indexOf(col("period")).geq(FROM);
    Dataset<Row> newPanel = oldPanel
        .withColumn("opened", when(rewritten, lit(1).minus(col("opened"))).otherwise(col("opened")))
        .withColumn("revenue", when(rewritten, col("revenue").plus(2.5)).otherwise(col("revenue")))
        .withColumn("trust_index", when(rewritten.and(number.mod(2).equalTo(0)), lit(null)).otherwise(col("trust_index")));
    // Never-treated customers first exposed at FROM, a higher dose, new exits.
    Column fresh = col("cohort_period").isNull().and(number.mod(5).equalTo(0));
    Column moreDoses = col("cohort_period").isNotNull().and(number.mod(3).equalTo(0));
    Column exits = col("exit_period").isNull().and(number.mod(7).equalTo(1));
    Dataset<Row> newCohorts = oldCohorts
        .withColumn("first_campaign_id", when(fresh, lit("k6")).otherwise(col("first_campaign_id")))
        .withColumn("deceptive_exposures", when(fresh, lit(1))
            .when(moreDoses, col("deceptive_exposures").plus(1)).otherwise(col("deceptive_exposures")))
        .withColumn("cohort_period", when(fresh, lit(World.period(FROM))).otherwise(col("cohort_period")))
        .withColumn("exit_period", when(exits, lit(World.period(FROM + 1))).otherwise(col("exit_period")));

    Dataset<Row> full = sums.of(newPanel, newCohorts);
    ClassSums.Update update = sums.updated(sums.of(oldPanel, oldCohorts), newPanel, oldCohorts, newCohorts, FROM);
    Dataset<Row> updated = update.sums();

    assertTrue(update.changedCustomers() >= 40, "customers whose class changed: " + update.changedCustomers());
    assertTrue(full.filter(col("s_trust_index").isNull().and(col("period_index").lt(FROM))).count() > 0,
        "no class left with only null trust_index before FROM: the null case is not exercised");
    assertEquals(0, comparable(full).exceptAll(comparable(updated)).count()
        + comparable(updated).exceptAll(comparable(full)).count(), "updated sums differ from a full build");
    assertEquals(full.count(), updated.count());
  }

  // Sums over a different order may differ in the last bits.
  private static Dataset<Row> comparable(Dataset<Row> t) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : t.schema().fields()) {
      cols.add(f.dataType() instanceof DoubleType ? round(col(f.name()), 9).as(f.name()) : col(f.name()));
    }
    return t.select(cols.toArray(Column[]::new));
  }
}
