package com.trustlens.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.Processes;
import com.trustlens.testing.SharedSpark;
import com.trustlens.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared test lake's configuration submitted with spark-submit and target/trustlens-cluster.jar to a real
 * standalone cluster (a master and two workers in their own JVMs, whose classpath has Spark's jars only), writing
 * to a file: URI: the run goes to the cluster although the configuration says local[2], and every output table
 * equals the local run's.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
  static final Path CLUSTER_JAR = Path.of("target", "trustlens-cluster.jar").toAbsolutePath();
  /** Columns that differ by nature between two runs of one configuration (runs.config_hash: the output path differs). */
  static final Set<String> RUN_SPECIFIC = Set.of("run_id", "started_at", "finished_at", "ingested_at", "config_hash");
  /**
   * Settings of the suite's local session ({@code SharedSpark}) that the configuration does not set, given with
   * spark-submit --conf: the same plans as the local run, and few small tasks on 2 cores.
   */
  static final Map<String, String> SUBMIT_CONF = Map.of(
      "spark.default.parallelism", "2",
      "spark.sql.adaptive.enabled", "false",
      "spark.databricks.delta.snapshotPartitions", "1",
      "spark.ui.enabled", "false",
      "spark.driver.host", "127.0.0.1",
      "spark.executor.memory", "1g");
  /** A hang guard only: about 2 minutes on an idle 2-core machine, much more when other builds share it. */
  static final int SUBMIT_TIMEOUT_SECONDS = 1200;
  /** Sums over other partitionings may differ in the last bits. */
  static final double TOLERANCE = 1e-9;

  private SparkSession spark;
  private TestLake local;
  private StandaloneCluster cluster;
  private String clusterLake;

  @BeforeAll
  void submitTheRunToACluster(SparkSession spark) {
    this.spark = spark;
    local = TestLake.get(spark);
    assertTrue(Files.isRegularFile(CLUSTER_JAR), CLUSTER_JAR + " is missing: it is built in the package phase");
    Path dir = Path.of("target", "cluster-it").toAbsolutePath();
    TestLake.deleteRecursively(dir);
    clusterLake = dir.resolve("lake").toUri().toString();
    Path conf = clusterConfig(clusterLake);
    long t0 = System.nanoTime();
    cluster = StandaloneCluster.start(dir, 2);
    double started = (System.nanoTime() - t0) / 1e9;
    List<String> submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master",
        cluster.masterUrl(), "--deploy-mode", "client", "--class", "com.trustlens.cli.Main"));
    SUBMIT_CONF.forEach((key, value) -> submit.addAll(List.of("--conf", key + "=" + value)));
    submit.addAll(List.of(CLUSTER_JAR.toString(), "run", "--conf", conf.toString()));
    Processes.Output run = Processes.start(dir, cluster.environment(), SUBMIT_TIMEOUT_SECONDS,
        cluster.java("1500m", submit.get(0), submit.subList(1, submit.size()).toArray(String[]::new)));
    if (run.exitCode() != 0) {
      fail("spark-submit exited with " + run.exitCode() + "\n--- stdout\n" + run.stdout() + "\n--- stderr\n"
          + tail(run.stderr()) + cluster.logs());
    }
    System.out.printf("cluster: master and 2 workers up in %.1f s; spark-submit run took %.1f s (local run: %.1f s)%n",
        started, run.seconds(), local.seconds());
  }

  @AfterAll
  void stopTheCluster() {
    if (cluster != null) cluster.close();
  }

  @Test
  void theRunWentToTheClusterThoughTheConfigurationSaysLocal() {
    JsonNode apps = cluster.state().path("completedapps");
    List<String> names = new ArrayList<>();
    apps.forEach(a -> names.add(a.path("name").asText()));
    assertEquals(List.of("trustlens-run"), names, "applications the master ran");
    for (int worker = 0; worker < 2; worker++) {
      assertFalse(cluster.executorDirs(worker).isEmpty(), "worker " + worker + " ran no executor" + cluster.logs());
    }
  }

  @Test
  void everyOutputTableEqualsTheLocalRuns() {
    List<String> compared = new ArrayList<>();
    for (String table : Schemas.TABLES.get("output")) {
      boolean written = DeltaTable.isDeltaTable(spark, local.table(table));
      assertEquals(written, DeltaTable.isDeltaTable(spark, clusterLake + "/" + table),
          table + ": written by one run only (local: " + written + ")");
      if (!written) continue;
      long rows = assertSameRows(table, load(local.table(table), table), load(clusterLake + "/" + table, table));
      compared.add(table + " (" + rows + ")");
    }
    assertTrue(compared.size() >= 10, "too few tables compared: " + compared);
    System.out.println("cluster: equal to the local run, table (rows): " + String.join(", ", compared));
  }

  @Test
  void theClusterJarLeavesSparkAndScalaToTheCluster() throws IOException {
    try (ZipFile jar = new ZipFile(CLUSTER_JAR.toFile())) {
      for (String inside : List.of("com/trustlens/cli/Main.class", "io/delta/tables/DeltaTable.class",
          "picocli/CommandLine.class", "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class",
          "conf/defaults.yaml", "schemas/output/runs.json")) {
        assertTrue(jar.getEntry(inside) != null, inside + " missing from the cluster jar");
      }
      for (String outside : List.of("org/apache/spark/SparkContext.class", "scala/Option.class",
          "org/apache/hadoop/fs/FileSystem.class")) {
        assertTrue(jar.getEntry(outside) == null, outside + " is in the cluster jar");
      }
    }
  }

  // The shared lake's configuration, output.path aside: same inputs, same spark.master (local[2]), which
  // spark-submit's --master must override. Written beside it so that its relative input paths still resolve.
  private Path clusterConfig(String output) {
    try {
      String text = Files.readString(local.conf(), StandardCharsets.UTF_8);
      assertTrue(text.contains("output: {path: lake}") && text.contains("master: \"local[2]\""),
          "the shared lake's configuration changed; adapt ClusterIT:\n" + text);
      return Files.writeString(local.dir().resolve("cluster-it.yaml"),
          text.replace("output: {path: lake}", "output: {path: \"" + output + "\"}"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Dataset<Row> load(String path, String table) {
    Dataset<Row> df = spark.read().format("delta").load(path);
    // Only the pipeline's own record: other commands over the shared lake may add rows to runs.
    if (table.equals("runs")) df = df.filter(functions.col("command").equalTo("run"));
    return df.select(Arrays.stream(df.columns()).filter(c -> !RUN_SPECIFIC.contains(c)).map(functions::col)
        .toArray(Column[]::new));
  }

  /** Same columns, same rows (sorted on every column but maps), doubles within {@link #TOLERANCE}; returns the rows. */
  private static long assertSameRows(String table, Dataset<Row> expected, Dataset<Row> actual) {
    assertEquals(List.of(expected.columns()), List.of(actual.columns()), table + ": columns");
    List<Row> e = sorted(expected).collectAsList();
    List<Row> a = sorted(actual).collectAsList();
    assertEquals(e.size(), a.size(), table + ": rows (local, cluster)");
    String[] columns = expected.columns();
    for (int i = 0; i < e.size(); i++) {
      for (int c = 0; c < columns.length; c++) {
        if (!same(e.get(i).get(c), a.get(i).get(c))) {
          fail(table + "." + columns[c] + " differs in row " + i + ":\n local   " + e.get(i) + "\n cluster " + a.get(i));
        }
      }
    }
    return e.size();
  }

  // Keys first, doubles last, so that a difference in the last bits of a double cannot reorder rows.
  private static Dataset<Row> sorted(Dataset<Row> df) {
    List<Column> order = new ArrayList<>();
    StructField[] fields = df.schema().fields();
    for (StructField f : fields) {
      if (!(f.dataType() instanceof DoubleType) && !(f.dataType() instanceof MapType)) order.add(functions.col(f.name()));
    }
    for (StructField f : fields) {
      if (f.dataType() instanceof DoubleType) order.add(functions.col(f.name()));
    }
    return df.orderBy(order.toArray(Column[]::new));
  }

  private static boolean same(Object expected, Object actual) {
    if (expected instanceof Double x && actual instanceof Double y) {
      return x.equals(y) || Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }
    return Objects.equals(expected, actual);
  }

  private static String tail(String s) {
    return s.length() <= 8000 ? s : "..." + s.substring(s.length() - 8000);
  }
}
