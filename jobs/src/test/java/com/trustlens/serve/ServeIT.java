package com.trustlens.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustlens.schema.ColumnSpec;
import com.trustlens.schema.Schemas;
import com.trustlens.testing.SharedSpark;
import com.trustlens.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `trustlens serve` in its own JVM on a free loopback port, queried over JDBC with the Hive
 * driver as a BI tool would: the rows of erosion_curve (and campaign_impact when the lake has
 * it) equal those of the Delta tables, the views report their columns with their comments, and
 * the server stops on SIGTERM.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeIT {
  private SparkSession spark;
  private TestLake lake;
  private Process server;
  private Path serverOut;
  private int port;
  private Connection jdbc;

  @BeforeAll
  void startServer(SparkSession spark) throws Exception {
    this.spark = spark;
    lake = TestLake.get(spark);
    port = freePort();
    serverOut = Files.createTempFile("trustlens-serve", ".out");
    Properties jvm = new Properties();
    try (var in = Files.newBufferedReader(Path.of("conf", "jvm.properties"))) {
      jvm.load(in);
    }
    String flags = jvm.getProperty("spark.jvm.flags");
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(List.of(flags.split(" ")));
    command.addAll(List.of("-Xmx1500m", "-cp", System.getProperty("java.class.path"), "com.trustlens.cli.Main", "serve",
        "--conf", lake.conf().toString(), "--port", Integer.toString(port)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serverOut.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    long t0 = System.nanoTime();
    server = pb.start();
    awaitReady(240);
    Class.forName("org.apache.hive.jdbc.HiveDriver");
    jdbc = DriverManager.getConnection("jdbc:hive2://127.0.0.1:" + port + "/trustlens", "", "");
    System.out.printf("serve: started and connected in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  void stopServer() throws Exception {
    if (jdbc != null) jdbc.close();
    if (server == null) return;
    long t0 = System.nanoTime();
    server.destroy();
    boolean exited = server.waitFor(60, TimeUnit.SECONDS);
    if (!exited) server.destroyForcibly();
    System.out.printf("serve: stopped in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertTrue(exited, "the server did not stop within 60 s of SIGTERM");
    assertFalse(listening(), "port " + port + " still open after the server stopped");
  }

  @Test
  void erosionCurveOverJdbcEqualsTheDeltaTable() throws SQLException {
    assertRowsEqual("erosion_curve", "treatment, breakdown, metric, event_time");
  }

  @Test
  void campaignImpactOverJdbcEqualsTheDeltaTableWhenTheLakeHasIt() throws SQLException {
    // The campaign audit lands separately: assert it as soon as the lake has the table.
    if (!DeltaTable.isDeltaTable(spark, lake.table(LakeCatalog.CAMPAIGN_IMPACT))) {
      System.out.println("serve: the lake has no campaign_impact yet; not queried");
      return;
    }
    assertRowsEqual(LakeCatalog.CAMPAIGN_IMPACT, "campaign_id");
  }

  @Test
  void everyTableOfTheLakeIsAViewWhoseColumnsCarryTheirComments() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = jdbc.getMetaData().getTables(null, LakeCatalog.DATABASE, "%", null)) {
      while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
    }
    List<String> expected = LakeCatalog.outputTables().stream()
        .filter(t -> DeltaTable.isDeltaTable(spark, lake.table(t))).sorted().toList();
    assertEquals(expected, tables.stream().sorted().toList());

    Map<String, String> remarks = new HashMap<>();
    DatabaseMetaData md = jdbc.getMetaData();
    try (ResultSet rs = md.getColumns(null, LakeCatalog.DATABASE, "erosion_curve", "%")) {
      while (rs.next()) remarks.put(rs.getString("COLUMN_NAME"), rs.getString("REMARKS"));
    }
    List<ColumnSpec> columns = Schemas.output("erosion_curve").columns();
    assertEquals(columns.size(), remarks.size(), "columns reported over JDBC: " + remarks.keySet());
    for (ColumnSpec c : columns) assertEquals(c.description(), remarks.get(c.name()), c.name());
  }

  @Test
  void deltaTablesAreQueryableInPlaceWithTheirHistory() throws SQLException {
    try (Statement st = jdbc.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM trustlens_delta.erosion_summary VERSION AS OF 0")) {
      assertTrue(rs.next());
      assertEquals(spark.read().format("delta").option("versionAsOf", 0).load(lake.table("erosion_summary")).count(),
          rs.getLong(1));
    }
  }

  /** Every row and value of the view over JDBC equals the Delta table's, in the same order. */
  private void assertRowsEqual(String table, String orderBy) throws SQLException {
    long t0 = System.nanoTime();
    List<List<Object>> overJdbc = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    try (Statement st = jdbc.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
      int n = rs.getMetaData().getColumnCount();
      for (int i = 1; i <= n; i++) columns.add(rs.getMetaData().getColumnName(i).replaceFirst("^.*\\.", ""));
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(normalise(rs.getObject(i)));
        overJdbc.add(row);
      }
    }
    List<List<Object>> inDelta = new ArrayList<>();
    org.apache.spark.sql.Column[] order = java.util.Arrays.stream(orderBy.split(", "))
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    for (Row r : spark.read().format("delta").load(lake.table(table)).orderBy(order).collectAsList()) {
      List<Object> row = new ArrayList<>();
      for (String c : columns) row.add(normalise(r.getAs(c)));
      inDelta.add(row);
    }
    assertEquals(List.of(spark.read().format("delta").load(lake.table(table)).columns()), columns);
    assertTrue(inDelta.size() > 10, table + " has too few rows to compare: " + inDelta.size());
    assertEquals(inDelta, overJdbc, table);
    System.out.printf("serve: %s, %d rows compared over JDBC in %.1f s%n", table, inDelta.size(),
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Numbers as doubles (JDBC and Spark may pick int or long differently), arrays as the JSON text
   * the Thrift server sends them as, everything else as text.
   */
  private static Object normalise(Object v) {
    if (v == null) return null;
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof Boolean) return v;
    if (v instanceof scala.collection.Seq<?> seq) {
      StringBuilder json = new StringBuilder("[");
      scala.collection.JavaConverters.seqAsJavaList(seq).forEach(e -> json.append(json.length() > 1 ? "," : "")
          .append('"').append(e).append('"'));
      return json.append(']').toString();
    }
    return String.valueOf(v);
  }

  private void awaitReady(int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String out = Files.readString(serverOut, StandardCharsets.UTF_8);
      if (out.contains("TrustLens JDBC server: jdbc:hive2://127.0.0.1:" + port + "/trustlens")) return;
      if (!server.isAlive()) throw new AssertionError("trustlens serve exited with " + server.exitValue() + ":\n" + out);
      Thread.sleep(500);
    }
    throw new AssertionError("trustlens serve not ready within " + seconds + " s:\n"
        + Files.readString(serverOut, StandardCharsets.UTF_8));
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
