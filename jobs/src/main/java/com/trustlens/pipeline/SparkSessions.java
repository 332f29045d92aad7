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

  private static final String MASTER = "spark.master";

  private SparkSessions() {}

  /** True when a session already runs in this JVM (a notebook, a test suite): commands then leave it running. */
  public static boolean running() {
    return SparkSession.getDefaultSession().isDefined();
  }

  /**
   * Runs work on the session already running in this JVM (tests, notebooks), left running, or else on
   * a new session for the settings, stopped afterwards.
   */
  public static <T> T withSession(SparkSettings settings, String appName, java.util.function.Function<SparkSession, T> work) {
    boolean own = !running();
    SparkSession spark = own ? create(settings, appName) : SparkSession.getDefaultSession().get();
    try {
      return work.apply(spark);
    } finally {
      if (own) spark.stop();
    }
  }

  /** A session for the given settings; a master already set by spark-submit wins over the configuration. */
  public static SparkSession create(SparkSettings settings, String appName) {
    return SparkSession.builder().config(conf(new SparkConf(), settings, appName)).getOrCreate();
  }

  /**
   * The session's settings over those the JVM was started with (spark-submit passes its own as system
   * properties, which {@code new SparkConf()} reads). The master is spark-submit's --master when given,
   * else spark.conf's spark.master, else spark.master: the same configuration file runs locally and
   * submitted to a cluster.
   */
  static SparkConf conf(SparkConf submitted, SparkSettings settings, String appName) {
    SparkConf conf = submitted.clone();
    boolean masterSubmitted = submitted.contains(MASTER);
    if (!masterSubmitted) conf.setMaster(settings.conf().getOrDefault(MASTER, settings.master()));
    conf.setAppName(appName);
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // The deception rules make wide plans; the default only truncates their logged form with a warning.
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "1000");
    settings.conf().forEach((key, value) -> {
      if (!key.equals(MASTER)) conf.set(key, value);
    });
    REQUIRED.forEach(conf::set);
    return conf;
  }
}
