package com.trustlens.pipeline;

import com.trustlens.config.SparkSettings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession of a TrustLens job: Delta enabled, UTC session clock, config applied. */
public final class SparkSessions {
  /** Settings every TrustLens session needs, whatever the user's configuration says. */
  public static final Map<String, String> REQUIRED = Map.of(
      "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
      "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
      // Timestamps are instants stored in UTC; periods are computed in analysis.timezone explicitly.
      "spark.sql.session.timeZone", "UTC");

  private SparkSessions() {}

  /** True when a session already runs in this JVM (a notebook, a test suite): commands then leave it running. */
  public static boolean running() {
    return SparkSession.getDefaultSession().isDefined();
  }

  /** A session for the given settings; a master already set by spark-submit wins over spark.master. */
  public static SparkSession create(SparkSettings settings, String appName) {
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster(settings.master());
    }
    conf.setAppName(appName);
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // The deception rules make wide plans; the default only truncates their logged form with a warning.
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "1000");
    settings.conf().forEach(conf::set);
    REQUIRED.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
