package com.trustlens.cli;

import com.trustlens.config.ConfigLoader;
import com.trustlens.pipeline.Lake;
import com.trustlens.pipeline.SparkSessions;
import com.trustlens.serve.JdbcServer;
import com.trustlens.serve.LakeCatalog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** trustlens serve: JDBC (HiveServer2 protocol) over the lake's tables for BI tools, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the output tables over JDBC (Spark Thrift Server, HiveServer2 protocol) for BI tools, "
        + "in database '" + LakeCatalog.DATABASE + "', until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfOption conf;

  @Option(names = "--port", paramLabel = "N", defaultValue = "10000", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    ConfigLoader.Loaded loaded = conf.load();
    Path scratch = JdbcServer.scratchDir();
    // CREATE DATABASE makes a folder in the warehouse: keep it out of the working directory.
    if (System.getProperty("spark.sql.warehouse.dir") == null) {
      System.setProperty("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString());
    }
    SparkSession spark = SparkSessions.create(loaded.config().spark(), "trustlens-serve");
    Lake lake = new Lake(loaded.config().output().path());
    JdbcServer server = JdbcServer.start(spark, lake, host, port, scratch);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "trustlens-serve-stop"));
    System.out.println("TrustLens JDBC server: " + server.url() + " (HiveServer2 protocol, no authentication)");
    System.out.println("Tables in database " + LakeCatalog.DATABASE + ": " + String.join(", ", server.tables()));
    System.out.println("Delta tables themselves (time travel, table_changes): database " + LakeCatalog.DELTA_DATABASE);
    System.out.println("Stop with Ctrl-C.");
    System.out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
