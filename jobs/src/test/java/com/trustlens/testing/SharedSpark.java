package com.trustlens.testing;

import com.trustlens.config.SparkSettings;
import com.trustlens.pipeline.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving every test one SparkSession for the whole suite (built like the
 * product's, small and quiet), also handed to spark-testing-base so it builds no second one.
 */
public final class SharedSpark implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedSpark.class);

  /** Settings that keep a suite fast on 2 cores. */
  static final Map<String, String> TEST_CONF = Map.of(
      "spark.sql.shuffle.partitions", "2",
      "spark.default.parallelism", "2",
      "spark.ui.enabled", "false",
      "spark.sql.adaptive.enabled", "false",
      "spark.databricks.delta.snapshotPartitions", "1",
      "spark.driver.host", "127.0.0.1",
      "spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/trustlens-test-warehouse");

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return session(c);
  }

  /** The suite's session, created on first use and closed when the suite ends. */
  public static SparkSession session(ExtensionContext c) {
    Holder h = c.getRoot().getStore(NS).getOrComputeIfAbsent("spark", k -> new Holder(), Holder.class);
    return h.spark;
  }

  private static final class Holder implements AutoCloseable {
    final SparkSession spark;

    Holder() {
      spark = SparkSessions.create(new SparkSettings("local[2]", TEST_CONF), "trustlens-tests");
      spark.sparkContext().setLogLevel("WARN");
      com.holdenkarau.spark.testing.SparkSessionProvider._sparkSession_$eq(spark);
    }

    @Override
    public void close() {
      spark.stop();
    }
  }
}
