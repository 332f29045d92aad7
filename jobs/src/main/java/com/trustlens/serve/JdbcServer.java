package com.trustlens.serve;

import com.trustlens.pipeline.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * A Spark Thrift Server in this JVM: the HiveServer2 protocol (JDBC, ODBC) that BI tools speak,
 * over the lake's tables as registered by {@link LakeCatalog}, read in place.
 */
public final class JdbcServer implements AutoCloseable {
  private final HiveThriftServer2 server;
  private final String host;
  private final int port;
  private final List<String> tables;

  private JdbcServer(HiveThriftServer2 server, String host, int port, List<String> tables) {
    this.server = server;
    this.host = host;
    this.port = port;
    this.tables = List.copyOf(tables);
  }

  /**
   * Registers the tables and starts listening on host:port; returns once a client can connect.
   *
   * @param scratch a folder for Hive's logs and scratch files (see {@link #scratchDir()})
   */
  public static JdbcServer start(SparkSession spark, Lake lake, String host, int port, Path scratch) {
    // Hive's execution client writes derby.log and operation logs; keep them out of the working directory.
    System.setProperty("derby.stream.error.file", scratch.resolve("derby.log").toString());
    spark.conf().set("hive.server2.thrift.port", Integer.toString(port));
    // Without a bind host HiveServer2 listens on every interface.
    spark.conf().set("hive.server2.thrift.bind.host", host);
    spark.conf().set("hive.server2.logging.operation.log.location", scratch.resolve("operation_logs").toString());
    spark.conf().set("hive.exec.local.scratchdir", scratch.resolve("scratch").toString());
    spark.conf().set("hive.downloaded.resources.dir", scratch.resolve("resources").toString());
    // Hive opens its own metastore only to tidy up when a JDBC session closes; the tables live in
    // Spark's catalog, so a metastore that cannot start (DataNucleus does not survive the shaded
    // jar) must cost one attempt, not ten retries two seconds apart.
    spark.conf().set("hive.hmshandler.retry.attempts", "1");
    spark.conf().set("hive.hmshandler.retry.interval", "0");
    createDirectories(scratch.resolve("scratch"));
    List<String> tables = new LakeCatalog(spark, lake).register();
    HiveThriftServer2 server = HiveThriftServer2.startWithContext(spark.sqlContext());
    JdbcServer started = new JdbcServer(server, host, port, tables);
    started.awaitListening(120_000);
    return started;
  }

  public String url() {
    return "jdbc:hive2://" + host + ":" + port + "/" + LakeCatalog.DATABASE;
  }

  public List<String> tables() {
    return tables;
  }

  @Override
  public void close() {
    server.stop();
  }

  private void awaitListening(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 1000);
        return;
      } catch (IOException e) {
        if (System.currentTimeMillis() > deadline) {
          server.stop();
          throw new IllegalStateException("the JDBC server did not listen on " + host + ":" + port + " within "
              + timeoutMillis / 1000 + " s: " + e.getMessage(), e);
        }
        sleep(200);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the JDBC server starts", e);
    }
  }

  /**
   * A new temporary folder for what the server writes besides the lake: Hive's logs and scratch
   * files, and the (empty) warehouse folders of its databases, which belong nowhere near the
   * working directory.
   */
  public static Path scratchDir() {
    try {
      return Files.createTempDirectory("trustlens-serve");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for the JDBC server", e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + " for the JDBC server", e);
    }
  }
}
