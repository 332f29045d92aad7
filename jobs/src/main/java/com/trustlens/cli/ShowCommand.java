package com.trustlens.cli;

import com.trustlens.config.ConfigException;
import com.trustlens.config.ConfigLoader;
import com.trustlens.pipeline.Lake;
import com.trustlens.pipeline.SparkSessions;
import com.trustlens.publish.DeltaTables;
import com.trustlens.schema.Schemas;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** trustlens show: prints an output table as an aligned table, CSV or JSON lines. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print an output table (aligned table, csv or json lines), optionally filtered or at an older version.")
final class ShowCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TABLE", description = "Output table name, e.g. trust_metrics, campaign_deception, runs.")
  String table;

  @Mixin ConfOption conf;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--where", paramLabel = "SQL", description = "Spark SQL condition, e.g. \"metric = 'opened'\".")
  String where;

  @Option(names = "--version", paramLabel = "N", description = "Read version N of the table (Delta time travel).")
  Long version;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N rows (default: ${DEFAULT-VALUE}); 0 for all.")
  int limit;

  @Override
  public Integer call() throws AnalysisException {
    TableFormatter.Format f = parseFormat(format);
    if (!Schemas.TABLES.get("output").contains(table)) {
      throw new ConfigException("TABLE", "'" + table + "' is not an output table (one of: "
          + String.join(", ", Schemas.TABLES.get("output")) + ")");
    }
    ConfigLoader.Loaded loaded = conf.load();
    boolean ownSession = !SparkSessions.running();
    SparkSession spark = SparkSessions.create(loaded.config().spark(), "trustlens-show");
    try {
      String path = new Lake(loaded.config().output().path()).gold(table);
      if (!new DeltaTables(spark, "show").exists(path)) {
        throw new IllegalStateException("table " + table + " does not exist yet at " + path + ": run `trustlens run --conf "
            + conf.conf + "` first");
      }
      Dataset<Row> rows = version == null
          ? spark.read().format("delta").load(path)
          : spark.read().format("delta").option("versionAsOf", version).load(path);
      if (where != null) rows = rows.where(where);
      if (limit > 0) rows = rows.limit(limit);
      TableFormatter.print(rows.schema(), rows.toLocalIterator(), f, System.out);
      return ExitCodes.OK;
    } finally {
      if (ownSession) spark.stop();
    }
  }

  static TableFormatter.Format parseFormat(String s) {
    try {
      return TableFormatter.Format.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--format", "'" + s + "' is not one of table, csv, json");
    }
  }
}
