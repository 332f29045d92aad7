package com.trustlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustlens.config.SparkSettings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  private static final SparkSettings CONFIGURED = new SparkSettings("local[*]", Map.of("spark.sql.shuffle.partitions", "8"));

  private static SparkConf submitted(String master) {
    SparkConf conf = new SparkConf(false);
    return master == null ? conf : conf.setMaster(master);
  }

  @Test
  void masterGivenToSparkSubmitWinsOverSparkMaster() {
    SparkConf conf = SparkSessions.conf(submitted("spark://10.0.0.1:7077"), CONFIGURED, "trustlens-run");
    assertEquals("spark://10.0.0.1:7077", conf.get("spark.master"));
    assertEquals("8", conf.get("spark.sql.shuffle.partitions"));
  }

  @Test
  void masterGivenToSparkSubmitWinsOverSparkMasterInSparkConf() {
    SparkSettings settings = new SparkSettings("local[*]", Map.of("spark.master", "local[1]"));
    assertEquals("yarn", SparkSessions.conf(submitted("yarn"), settings, "trustlens-run").get("spark.master"));
  }

  @Test
  void withoutSparkSubmitTheConfiguredMasterIsUsed() {
    assertEquals("local[*]", SparkSessions.conf(submitted(null), CONFIGURED, "trustlens-run").get("spark.master"));
    SparkSettings inConf = new SparkSettings("local[*]", Map.of("spark.master", "local[1]"));
    assertEquals("local[1]", SparkSessions.conf(submitted(null), inConf, "trustlens-run").get("spark.master"));
  }

  @Test
  void requiredSettingsWinOverTheConfiguration() {
    SparkSettings settings = new SparkSettings("local[*]", Map.of("spark.sql.session.timeZone", "Europe/Paris"));
    SparkConf conf = SparkSessions.conf(submitted(null), settings, "trustlens-run");
    assertEquals("UTC", conf.get("spark.sql.session.timeZone"));
    assertEquals("io.delta.sql.DeltaSparkSessionExtension", conf.get("spark.sql.extensions"));
  }
}
