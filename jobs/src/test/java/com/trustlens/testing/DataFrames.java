package com.trustlens.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** DataFrame comparisons through spark-testing-base, with expected rows built on the actual schema. */
public final class DataFrames {
  private static final JavaDataFrameSuiteBase BASE = new JavaDataFrameSuiteBase();

  private DataFrames() {}

  /** Rows as a DataFrame with the given schema (typically {@code actual.schema()}). */
  public static Dataset<Row> rows(SparkSession spark, StructType schema, Object[]... rows) {
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
    return spark.createDataFrame(list, schema);
  }

  /** Asserts equal contents, ignoring row order. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    BASE.assertDataFrameNoOrderEquals(expected, actual);
  }

  /** Asserts equal contents in order, doubles within tol. */
  public static void assertApproximatelyEqual(Dataset<Row> expected, Dataset<Row> actual, double tol) {
    BASE.assertDataFrameApproximateEquals(expected, actual, tol);
  }
}
